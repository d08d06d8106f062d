// Corrections in a declared SQL store: each column the map marks `correctedBy` takes that
// field's new value (checked by the shared rules of correctable-fields.ts first) in the
// subject's rows, in one transaction. A value is replaced where one is held; none is added
// where the subject never gave one; rows a collection's `keepWhen` keeps (an issued invoice)
// are never edited. Only lengths are reported, never values; a field held here but left as it
// was is reported with its reason, which the correction letter quotes.
import type { ExpressionBuilder } from 'kysely';
import type { FieldUnchanged } from '../../domain/fulfilment';
import type { DeclaredCollection, SqlDeclaration } from '../data-map/sql-fields';
import { correctionsFor, fieldChange } from '../correctable-fields';
import type { FieldChange } from '../data-store';
import type { SqlDb } from './connect';
import { col, kept, notKept, reached, type Identities } from './reach';

type Target = { c: DeclaredCollection; column: string; field: string };

export async function rectifyDeclared(
  store: { name: string; decl: SqlDeclaration; db: SqlDb; ids: Identities },
  corrections: Record<string, string>,
  report?: (change: FieldChange) => void,
  unchanged?: (field: FieldUnchanged) => void,
): Promise<number> {
  const { name, decl, db, ids } = store;
  const fields = [...new Set(decl.collections.flatMap((c) => c.columns.flatMap((x) => x.correctedBy ?? [])))];
  const wanted = correctionsFor(name, corrections, fields);
  const targets: Target[] = decl.collections.flatMap((c) => c.columns.filter((x) => x.correctedBy && wanted[x.correctedBy] !== undefined).map((x) => ({ c, column: x.name, field: x.correctedBy as string })));
  if (targets.length === 0) return 0;
  const held = new Map<string, Array<string | null>>();
  const left: FieldUnchanged[] = [];
  // A row counts once however many of its columns change.
  const changed = new Set<string>();
  await db.transaction().execute(async (trx) => {
    for (const { c, column, field } of targets) {
      const value = wanted[field] as string;
      const where = (eb: ExpressionBuilder<any, any>) =>
        eb.and([reached(eb, decl, c, ids), notKept(eb, c), eb(eb.ref(col(c, column)), 'is not', null), eb(eb.ref(col(c, column)), '<>', value)]);
      const before = await trx.selectFrom(c.name).select([`${col(c, c.primaryKey)} as pk`, `${col(c, column)} as v`]).where(where).execute();
      if (before.length === 0) continue;
      held.set(field, [...(held.get(field) ?? []), ...before.map((r) => (r.v === null ? null : String(r.v)))]);
      for (const r of before) changed.add(`${c.name}\u0000${String(r.pk)}`);
      await trx.updateTable(c.name).set({ [column]: value }).where(where).execute();
    }
    for (const field of fields.filter((f) => wanted[f] !== undefined && !held.has(f))) left.push({ field, reason: await whyUnchanged(trx, decl, ids, targets.filter((t) => t.field === field)) });
  });
  // Reported once committed, so the audit never names a change that was rolled back.
  for (const [field, before] of held) {
    const change = fieldChange(field, before, wanted[field] ?? '');
    if (change) report?.(change);
  }
  for (const field of left) unchanged?.(field);
  return changed.size;
}

/** Why a field asked for changed nothing: a value held in an editable row already reads as
 *  asked; else it is held only in kept rows (an issued invoice, corrected by a credit note);
 *  else the subject's rows hold none. */
async function whyUnchanged(trx: SqlDb, decl: SqlDeclaration, ids: Identities, targets: readonly Target[]): Promise<FieldUnchanged['reason']> {
  let onlyKept = false;
  for (const { c, column } of targets) {
    const holding = (eb: ExpressionBuilder<any, any>) => eb.and([reached(eb, decl, c, ids), eb(eb.ref(col(c, column)), 'is not', null)]);
    const editable = await trx.selectFrom(c.name).select(col(c, c.primaryKey)).where((eb) => eb.and([holding(eb), notKept(eb, c)])).limit(1).execute();
    if (editable.length > 0) return 'ALREADY_AS_ASKED';
    const keptRow = await trx.selectFrom(c.name).select(col(c, c.primaryKey)).where((eb) => eb.and([holding(eb), kept(eb, c) ?? eb.lit(false)])).limit(1).execute();
    if (keptRow.length > 0) onlyKept = true;
  }
  return onlyKept ? 'ISSUED_INVOICES_ONLY' : 'NONE_HELD';
}
