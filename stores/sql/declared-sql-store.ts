// The one connector for every SQL database declared in the data map (kind `sql` with
// `collections`), PostgreSQL or MySQL/MariaDB alike: what it holds, how rows are found and how
// each category is erased all come from the map (stores/data-map/sql-fields.ts). Counts are rows.
import type { DataCategory, Retained } from '../../domain/fulfilment';
import { eraseOrder, type DeclaredCollection, type Mask, type SqlDeclaration } from '../data-map/sql-fields';
import type { MappedCategory } from '../data-map/validate';
import { EXPORT_BATCH_SIZE, type CategoryProtection, type DataStore, type ExportedRecord, type SubjectKeys } from '../data-store';
import { type SqlDb, plainValue } from './connect';
import { HASH_MARKER, keyedHash } from './masks';
import { categoriesOf, col, dataColumns, holdsData, identityColumns, kept, notKept, reached, resolveIdentities, type Identities } from './reach';
import { catalogsFor, tableIn } from './live-check';
import { rectifyDeclared } from './rectify';
import { manageDeclared } from './manage';

export interface DeclaredSqlStoreOptions {
  name: string;
  declaration: SqlDeclaration;
  categories: readonly MappedCategory[];
  db: SqlDb;
  /** The key of `hash` masks (the value of the map's hashKey variable). */
  hashKey?: string;
}

/** `split`: the rows `keepWhen` keeps are masked, the others deleted. */
type Action = { collection: DeclaredCollection; how: 'delete' | 'mask' | 'split'; keepIdentities: boolean };

/** Whether a stored value is still the subject's, i.e. not yet overwritten by its mask. */
function unmaskedValue(value: string | number | null, mask: Mask): boolean {
  if (value === null) return false;
  if (mask.kind === 'fixed') return value !== mask.value && String(value) !== String(mask.value);
  if (mask.kind === 'hash') return !String(value).startsWith(HASH_MARKER);
  return mask.kind === 'null';
}

/** A row's records as the map's `export` shapes them: one per category the row still holds
 *  data of (the same test as holdsData in reach.ts, on the row read), masked values as null. */
function* shapedRecords(c: DeclaredCollection, row: Record<string, unknown>): Generator<ExportedRecord> {
  const value = (column: string) => plainValue(row[column]);
  for (const shape of c.exportShape ?? []) {
    const own = dataColumns(c, shape.category);
    const holds = own.length > 0 ? own.some((x) => unmaskedValue(value(x.name), x.mask)) : c.category === shape.category;
    if (!holds) continue;
    const record: Record<string, string | number | null> = {};
    for (const { field, column } of shape.fields) {
      const declared = c.columns.find((x) => x.name === column);
      const v = value(column);
      record[field] = declared && declared.mask.kind !== 'keep' && declared.mask.kind !== 'null' && !unmaskedValue(v, declared.mask) ? null : v;
    }
    yield { category: shape.category, record };
  }
}

/** The declared store over its own database. */
export function createDeclaredSqlStore(opts: DeclaredSqlStoreOptions): DataStore {
  const { name, declaration: decl, db } = opts;
  const categories = opts.categories.map((c) => c.name);
  const eraseOf = new Map(opts.categories.map((c) => [c.name, c.erase]));
  // Parents first reads naturally in an export (the customer, then their invoices, then the
  // lines); collections unrelated to each other keep the map's order (invoices, then cards).
  const sorted = eraseOrder([...decl.collections].reverse());
  const exportOrder = ('order' in sorted ? sorted.order : decl.collections).slice().reverse();

  // A keyed hash is cut to fit its column: the lengths are read from the catalog once.
  let lengths: Promise<Map<string, number>> | undefined;
  const columnLengths = () =>
    (lengths ??= catalogsFor(db, decl).then((catalogs) => {
      const out = new Map<string, number>();
      for (const c of decl.collections) for (const x of tableIn(catalogs, c)?.columns ?? []) if (x.maxLength) out.set(`${c.name}.${x.name}`, x.maxLength);
      return out;
    }));

  /** Rows per collection and category that still hold the subject's data. */
  async function countsByCollection(ids: Identities): Promise<Map<string, Record<string, number>>> {
    const out = new Map<string, Record<string, number>>();
    for (const c of decl.collections) {
      const counts: Record<string, number> = {};
      for (const category of categoriesOf(c)) {
        const row = await db
          .selectFrom(c.name)
          .select((eb) => eb.fn.countAll().as('n'))
          .where((eb) => eb.and([reached(eb, decl, c, ids), holdsData(eb, c, category)]))
          .executeTakeFirst();
        counts[category] = Number(row?.n ?? 0);
      }
      out.set(c.name, counts);
    }
    return out;
  }

  function totals(byCollection: Map<string, Record<string, number>>): Record<DataCategory, number> {
    const sum: Record<string, number> = Object.fromEntries(categories.map((c) => [c, 0]));
    for (const counts of byCollection.values()) for (const [c, n] of Object.entries(counts)) sum[c] = (sum[c] ?? 0) + n;
    return sum;
  }

  /** What happens to each collection's rows, children first: a row goes when its category is
   *  erased by deletion, nothing of it is protected and no row that stays still references
   *  its collection; otherwise it stays with the erased categories' columns masked. */
  function plan(byCollection: Map<string, Record<string, number>>, isProtected: (category: string) => boolean, retainedAny: boolean): Action[] {
    const actions = new Map<string, Action>();
    for (const c of decl.collections) {
      const has = (x: DeclaredCollection) => Object.values(byCollection.get(x.name) ?? {}).some((n) => n > 0);
      const keptChild = decl.collections.some((child) => child.references.some((r) => r.collection === c.name) && actions.get(child.name)?.how !== 'delete' && has(child));
      const holdsProtected = categoriesOf(c).some(isProtected);
      const free = !holdsProtected && !keptChild;
      const how = free && eraseOf.get(c.category) === 'delete' ? 'delete' : free && c.keepWhen ? 'split' : 'mask';
      // Only rows that stay for what is retained (their own held categories, or rows of it that
      // reference them) stay attributable; any other row kept is anonymised in full.
      actions.set(c.name, { collection: c, how, keepIdentities: retainedAny && (holdsProtected || keptChild) });
    }
    return decl.collections.map((c) => actions.get(c.name) as Action);
  }

  /** Carries out one action; returns, for a split, how many kept rows held data and were anonymised. */
  async function apply(trx: SqlDb, action: Action, ids: Identities, isProtected: (category: string) => boolean): Promise<number | undefined> {
    const c = action.collection;
    if (action.how === 'delete') {
      await trx.deleteFrom(c.name).where((eb) => reached(eb, decl, c, ids)).execute();
      return undefined;
    }
    let anonymised: number | undefined;
    if (action.how === 'split') {
      // What the law keeps stays, without the subject; the rest (drafts) goes.
      const row = await trx
        .selectFrom(c.name)
        .select((eb) => eb.fn.countAll().as('n'))
        .where((eb) => eb.and([reached(eb, decl, c, ids), kept(eb, c) ?? eb.lit(false), holdsData(eb, c, c.category)]))
        .executeTakeFirst();
      anonymised = Number(row?.n ?? 0);
      await trx.deleteFrom(c.name).where((eb) => eb.and([reached(eb, decl, c, ids), notKept(eb, c)])).execute();
    }
    await mask(trx, action, ids, isProtected);
    return anonymised;
  }

  /** Overwrites the erased categories' columns in the subject's rows, which stay. */
  async function mask(trx: SqlDb, action: Action, ids: Identities, isProtected: (category: string) => boolean): Promise<void> {
    const c = action.collection;
    const spared = action.keepIdentities ? identityColumns(c) : new Set<string>();
    const masked = c.columns.filter((x) => x.mask.kind !== 'keep' && !isProtected(x.category) && !spared.has(x.name));
    if (masked.length === 0) return;
    const fixed = Object.fromEntries(masked.filter((x) => x.mask.kind !== 'hash').map((x) => [x.name, x.mask.kind === 'fixed' ? x.mask.value : null]));
    const hashed = masked.filter((x) => x.mask.kind === 'hash');
    if (hashed.length === 0) {
      await trx.updateTable(c.name).set(fixed).where((eb) => reached(eb, decl, c, ids)).execute();
      return;
    }
    // A keyed hash is of each row's own value: computed here, a batch of rows at a time, in
    // the same transaction. Once masked a row is no longer reached, so each batch is new rows.
    const key = opts.hashKey;
    if (!key) throw new Error(`Store ${name} masks by keyed hash, but its hashKey variable is not set.`);
    const maxLength = await columnLengths();
    for (;;) {
      const rows = await trx
        .selectFrom(c.name)
        .select([`${col(c, c.primaryKey)} as pk`, ...hashed.map((x) => `${col(c, x.name)} as ${x.name}`)])
        .where((eb) => reached(eb, decl, c, ids))
        .orderBy(col(c, c.primaryKey))
        .limit(EXPORT_BATCH_SIZE)
        .execute();
      for (const row of rows) {
        const values = Object.fromEntries(hashed.map((x) => [x.name, keyedHash(key, plainValue(row[x.name]), maxLength.get(`${c.name}.${x.name}`))]));
        await trx.updateTable(c.name).set({ ...fixed, ...values }).where(col(c, c.primaryKey), '=', row.pk).execute();
      }
      if (rows.length < EXPORT_BATCH_SIZE) return;
    }
  }

  return {
    name,
    categories,
    correctable: [...new Set(decl.collections.flatMap((c) => c.columns.flatMap((x) => x.correctedBy ?? [])))],

    async locate(subject) {
      const ids = await resolveIdentities(db, decl, subject);
      return totals(await countsByCollection(ids));
    },

    async *exportStream(subject: SubjectKeys): AsyncGenerator<ExportedRecord> {
      const ids = await resolveIdentities(db, decl, subject);
      for (const c of exportOrder) {
        // Keyset pagination: each batch starts after the last row of the one before, on
        // (orderBy, primary key) when the map names an order column, else on the primary key.
        const keys = [...(c.orderBy ? [c.orderBy] : []), c.primaryKey];
        let after: unknown[] | undefined;
        for (;;) {
          const last = after;
          let query = db
            .selectFrom(c.name)
            .selectAll(c.name)
            .where((eb) => {
              if (!last) return reached(eb, decl, c, ids);
              const next = keys.length === 1 ? eb(eb.ref(col(c, c.primaryKey)), '>', last[0]) : eb(eb.refTuple(col(c, keys[0] as string), col(c, c.primaryKey)), '>', eb.tuple(last[0], last[1]));
              return eb.and([reached(eb, decl, c, ids), next]);
            });
          for (const k of keys) query = query.orderBy(col(c, k));
          const rows = await query.limit(EXPORT_BATCH_SIZE).execute();
          for (const row of rows) {
            if (c.exportShape) yield* shapedRecords(c, row);
            else yield { category: c.category, record: { _table: c.name, ...Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plainValue(v)])) } };
          }
          if (rows.length < EXPORT_BATCH_SIZE) break;
          const lastRow = rows[rows.length - 1] as Record<string, unknown>;
          after = keys.map((k) => lastRow[k]);
        }
      }
    },

    async erase(subject, protectedNow: (category: DataCategory) => Promise<CategoryProtection | null>) {
      const ids = await resolveIdentities(db, decl, subject);
      const byCollection = await countsByCollection(ids);
      const counts = totals(byCollection);
      // Every category's protection is asked for right before the transaction that erases.
      const retained: Retained[] = [];
      for (const category of categories) {
        const records = counts[category] ?? 0;
        if (records === 0) continue;
        const protection = await protectedNow(category);
        if (protection) retained.push({ category, records, reason: protection.reason, reference: protection.reference, basis: protection.basis });
      }
      const isProtected = (category: string) => retained.some((r) => r.category === category);
      const actions = plan(byCollection, isProtected, retained.length > 0);
      const splitKept = new Map<string, number>();
      await db.transaction().execute(async (trx) => {
        for (const action of actions) {
          const n = await apply(trx, action, ids, isProtected);
          if (n !== undefined) splitKept.set(action.collection.name, n);
        }
      });
      const erased = categories.filter((c) => !isProtected(c)).reduce((sum, c) => sum + (counts[c] ?? 0), 0);
      // Rows kept with their erased categories masked and their identities removed, among those
      // counted erased; rows that stay attributable for a hold are not anonymised.
      const anonymised = actions
        .filter((a) => a.how !== 'delete' && !a.keepIdentities && !isProtected(a.collection.category))
        .reduce((sum, a) => sum + (splitKept.get(a.collection.name) ?? byCollection.get(a.collection.name)?.[a.collection.category] ?? 0), 0);
      return { erased, retained, anonymised };
    },

    async rectify(subject, corrections, report, unchanged) {
      const ids = await resolveIdentities(db, decl, subject);
      return rectifyDeclared({ name, decl, db, ids }, corrections, report, unchanged);
    },

    purposes: decl.purposes.map((p) => p.purpose),

    async manage(subject, purposes, action) {
      const ids = await resolveIdentities(db, decl, subject);
      return manageDeclared({ decl, db, ids }, purposes, action);
    },
  };
}
