// MANAGE in a declared SQL store: for each purpose the map declares (sql-purposes.ts), the
// subject's rows of its collection (those its `when` picks) get the value the action sets, in one
// transaction. Never a delete: the row stays, so the record of the consent and of its withdrawal
// does too. Counts only leave here: rows changed, and rows that already held the value.
import type { ExpressionBuilder } from 'kysely';
import type { ManageAction, ManageResult } from '../../domain/manage';
import type { SqlDeclaration } from '../data-map/sql-fields';
import type { SqlDb } from './connect';
import { col, reached, type Identities } from './reach';

export async function manageDeclared(store: { decl: SqlDeclaration; db: SqlDb; ids: Identities }, purposes: readonly string[], action: ManageAction): Promise<ManageResult[]> {
  const { decl, db, ids } = store;
  const results: ManageResult[] = [];
  await db.transaction().execute(async (trx) => {
    for (const purpose of purposes) {
      const declared = decl.purposes.filter((p) => p.purpose === purpose);
      if (declared.length === 0) continue;
      let changed = 0;
      let already = 0;
      let settable = false;
      for (const p of declared) {
        const value = p.set[action];
        if (value === undefined) continue;
        settable = true;
        const c = decl.collections.find((x) => x.name === p.collection)!;
        const picked = (eb: ExpressionBuilder<any, any>) => eb.and([reached(eb, decl, c, ids), ...(p.when ? [eb(eb.ref(col(c, p.when.column)), '=', p.when.equals)] : [])]);
        const held = await trx
          .selectFrom(c.name)
          .select((eb) => eb.fn.countAll().as('n'))
          .where((eb) => eb.and([picked(eb), eb(eb.ref(col(c, p.column)), '=', value)]))
          .executeTakeFirst();
        already += Number(held?.n ?? 0);
        const done = await trx
          .updateTable(c.name)
          .set({ [p.column]: value })
          .where((eb) => eb.and([picked(eb), eb.or([eb(eb.ref(col(c, p.column)), 'is', null), eb(eb.ref(col(c, p.column)), '<>', value)])]))
          .executeTakeFirst();
        changed += Number(done.numUpdatedRows ?? 0);
      }
      results.push({ purpose, result: settable ? 'SET' : 'NOT_DECLARED', changed, already });
    }
  });
  return results;
}
