// Corrections in a declared SQL store: each column the map marks `correctedBy` takes that
// field's new value (checked by the shared rules of correctable-fields.ts first) in the
// subject's rows, in one transaction. A value is replaced where one is held; none is added
// where the subject never gave one. Only lengths are reported, never values.
import type { ExpressionBuilder } from 'kysely';
import type { SqlDeclaration } from '../data-map/sql-fields';
import { correctionsFor, fieldChange } from '../correctable-fields';
import type { FieldChange } from '../data-store';
import type { SqlDb } from './connect';
import { col, reached, type Identities } from './reach';

export async function rectifyDeclared(
  store: { name: string; decl: SqlDeclaration; db: SqlDb; ids: Identities },
  corrections: Record<string, string>,
  report?: (change: FieldChange) => void,
): Promise<number> {
  const { name, decl, db, ids } = store;
  const fields = [...new Set(decl.collections.flatMap((c) => c.columns.flatMap((x) => x.correctedBy ?? [])))];
  const wanted = correctionsFor(name, corrections, fields);
  const targets = decl.collections.flatMap((c) => c.columns.filter((x) => x.correctedBy && wanted[x.correctedBy] !== undefined).map((x) => ({ c, column: x.name, field: x.correctedBy as string })));
  if (targets.length === 0) return 0;
  const held = new Map<string, Array<string | null>>();
  // A row counts once however many of its columns change.
  const changed = new Set<string>();
  await db.transaction().execute(async (trx) => {
    for (const { c, column, field } of targets) {
      const value = wanted[field] as string;
      const where = (eb: ExpressionBuilder<any, any>) =>
        eb.and([reached(eb, decl, c, ids), eb(eb.ref(col(c, column)), 'is not', null), eb(eb.ref(col(c, column)), '<>', value)]);
      const before = await trx.selectFrom(c.name).select([`${col(c, c.primaryKey)} as pk`, `${col(c, column)} as v`]).where(where).execute();
      if (before.length === 0) continue;
      held.set(field, [...(held.get(field) ?? []), ...before.map((r) => (r.v === null ? null : String(r.v)))]);
      for (const r of before) changed.add(`${c.name}\u0000${String(r.pk)}`);
      await trx.updateTable(c.name).set({ [column]: value }).where(where).execute();
    }
  });
  // Reported once committed, so the audit never names a change that was rolled back.
  for (const [field, before] of held) {
    const change = fieldChange(field, before, wanted[field] ?? '');
    if (change) report?.(change);
  }
  return changed.size;
}
