// The fields of a declared SQL store (kind `sql` with `collections`): a PostgreSQL or
// MySQL/MariaDB database of the deployer's own, described in the map alone and reached by the
// one generic connector (stores/sql/). The map says which tables hold personal data, which
// columns identify the subject, how tables reference each other and how each category is
// erased; this file checks all of that without a connection (the live check is stores/sql/live-check.ts).
import { CORRECTABLE_FIELDS } from '../correctable-fields';
import { checkSqlPurposes, type DeclaredPurpose } from './sql-purposes';

export const SQL_KIND = 'sql';
/** `review` is a note a drafted map leaves for the person who checks it (npm run datamap -- draft). */
export const SQL_FIELDS = ['dialect', 'required', 'hashKey', 'defaultCountryCode', 'collections', 'purposes', 'review'];
export const SQL_DIALECTS = ['postgres', 'mysql'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];
export const IDENTITY_KINDS = ['email', 'phone', 'accountId'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/** How an anonymised column is overwritten. */
export type Mask = { kind: 'null' } | { kind: 'fixed'; value: string | number } | { kind: 'hash' } | { kind: 'keep' };

export interface DeclaredColumn {
  name: string;
  category: string;
  mask: Mask;
  /** The correctable field (stores/correctable-fields.ts) that sets this column. */
  correctedBy?: string;
  line: number;
}

export interface DeclaredReference {
  column: string;
  collection: string;
  toColumn: string;
  line: number;
}

/** Rows of a collection that erasure keeps, anonymised, instead of deleting, and that a
 *  correction never edits: records a law says to keep as made (an issued invoice, kept for the
 *  accounting law and corrected by a credit note). `isNull: false` reads "when the column is set". */
export interface KeepWhen {
  column: string;
  isNull: boolean;
  line: number;
}

export interface DeclaredCollection {
  /** As written in the map: a table, optionally schema-qualified (`sales.customer`). */
  name: string;
  primaryKey: string;
  /** The category of the row itself: deleting the row erases it. */
  category: string;
  columns: DeclaredColumn[];
  identities: Array<{ kind: IdentityKind; column: string; line: number }>;
  references: DeclaredReference[];
  /** Only in a collection whose category is anonymised: the rows kept (anonymised); the others are deleted. */
  keepWhen?: KeepWhen;
  /** What the access package shows of a row, per category: the record's fields and the
   *  column each is read from, in order. Absent: every column of the row, as the table has it. */
  exportShape?: ExportShape[];
  /** A NOT NULL column the access package lists rows by (e.g. when they were recorded), the
   *  primary key breaking ties; absent: by primary key alone. */
  orderBy?: string;
  line: number;
}

/** One category's record of a row in the access package; a row yields it only while it holds
 *  data of that category, and a masked value reads as null (the subject's value is gone). */
export interface ExportShape {
  category: string;
  fields: Array<{ field: string; column: string }>;
}

export interface SqlDeclaration {
  dialect: SqlDialect;
  connection: string;
  /** When true, an unset connection stops the start instead of leaving the store unconnected. */
  required: boolean;
  /** The variable holding the key of `hash` masks. */
  hashKey?: string;
  /** Country calling code for phone numbers written without one (digits, e.g. "1", "86"). */
  defaultCountryCode?: string;
  /** Collections in erase order: every collection before those it references. */
  collections: DeclaredCollection[];
  /** How a MANAGE request stops each purpose here (sql-purposes.ts); empty when none is processed here. */
  purposes: DeclaredPurpose[];
  line: number;
}

type Report = (at: string[], message: string) => void;
const ENV_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]{0,62}(\.[A-Za-z_][A-Za-z0-9_$]{0,62})?$/;
const COLUMN = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;
const COLLECTION_FIELDS = ['description', 'review', 'primaryKey', 'category', 'columns', 'identities', 'references', 'keepWhen', 'export', 'orderBy'];
const COLUMN_FIELDS = ['category', 'mask', 'correctedBy', 'review'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseMask(value: unknown): Mask | null {
  if (value === undefined || value === 'null') return { kind: 'null' };
  if (value === 'hash' || value === 'keep') return { kind: value };
  if (isObject(value) && Object.keys(value).length === 1 && (typeof value.fixed === 'string' || typeof value.fixed === 'number')) return { kind: 'fixed', value: value.fixed };
  return null;
}

/** Checks a declared SQL store's fields; `categories` are the store's own. Returns the
 *  declaration when it is sound, undefined otherwise (each fault has been reported). */
export function checkSqlFields(
  entry: Record<string, unknown>,
  categories: readonly string[],
  store: string,
  report: Report,
  lineOf: (at: string[]) => number,
  /** The ids of the map's top-level `purposes`: the store may stop only those. */
  declaredPurposes: readonly string[] = [],
): SqlDeclaration | undefined {
  let sound = true;
  const fault: Report = (at, message) => {
    sound = false;
    report(at, message);
  };
  const { dialect, connection, required, hashKey, defaultCountryCode, collections } = entry;
  if (!(SQL_DIALECTS as readonly unknown[]).includes(dialect)) fault(['dialect'], `${store} needs "dialect": one of ${SQL_DIALECTS.join(', ')} (MariaDB is "mysql")`);
  if (typeof connection !== 'string' || !ENV_NAME.test(connection)) fault(['connection'], `${store} needs "connection": the environment variable holding its database URL, e.g. "SHOP_DATABASE_URL"`);
  if (required !== undefined && typeof required !== 'boolean') fault(['required'], `${store} must say "required": true or false`);
  if (hashKey !== undefined && (typeof hashKey !== 'string' || !ENV_NAME.test(hashKey))) fault(['hashKey'], `${store} has "hashKey" that is not an environment variable's name`);
  if (defaultCountryCode !== undefined && (typeof defaultCountryCode !== 'string' || !/^[1-9][0-9]{0,2}$/.test(defaultCountryCode))) {
    fault(['defaultCountryCode'], `${store} has "defaultCountryCode" that is not a country calling code of 1 to 3 digits, e.g. "1" or "86"`);
  }
  if (!isObject(collections) || Object.keys(collections).length === 0) {
    fault(['collections'], `${store} must list its collections (tables)`);
    return undefined;
  }

  const declared: DeclaredCollection[] = [];
  for (const [name, spec] of Object.entries(collections)) {
    const at = ['collections', name];
    const coll = `${store} collection "${name}"`;
    if (!IDENTIFIER.test(name)) fault(at, `${coll} is not a table name (letters, digits and _, optionally schema.table)`);
    if (!isObject(spec)) {
      fault(at, `${coll} must be an object`);
      continue;
    }
    for (const key of Object.keys(spec)) if (!COLLECTION_FIELDS.includes(key)) fault([...at, key], `${coll} has an unknown field "${key}" (allowed: ${COLLECTION_FIELDS.join(', ')})`);
    const { primaryKey, category, columns = {}, identities = {}, references = {} } = spec;
    if (typeof primaryKey !== 'string' || !COLUMN.test(primaryKey)) fault([...at, 'primaryKey'], `${coll} needs "primaryKey": the one column that identifies a row`);
    if (typeof category !== 'string' || !categories.includes(category)) fault([...at, 'category'], `${coll} needs "category": the category of its rows, one of the store's (${categories.join(', ')})`);
    const cols: DeclaredColumn[] = [];
    if (!isObject(columns)) fault([...at, 'columns'], `${coll} must give "columns" as an object`);
    else {
      for (const [column, rule] of Object.entries(columns)) {
        const cat = [...at, 'columns', column];
        const where = `${coll} column "${column}"`;
        if (!COLUMN.test(column)) fault(cat, `${where} is not a column name`);
        const r = typeof rule === 'string' ? { category: rule } : rule;
        if (!isObject(r)) {
          fault(cat, `${where} must be a category name or an object with "category", "mask", "correctedBy"`);
          continue;
        }
        for (const key of Object.keys(r)) if (!COLUMN_FIELDS.includes(key)) fault([...cat, key], `${where} has an unknown field "${key}" (allowed: ${COLUMN_FIELDS.join(', ')})`);
        const columnCategory = r.category ?? category;
        if (typeof columnCategory !== 'string' || !categories.includes(columnCategory)) fault(cat, `${where} has category ${JSON.stringify(columnCategory)}, which the store does not list`);
        const mask = parseMask(r.mask);
        if (!mask) fault([...cat, 'mask'], `${where} has an unknown mask (one of: "null", "hash", "keep", {"fixed": value})`);
        else if (mask.kind === 'hash' && hashKey === undefined) fault([...cat, 'mask'], `${where} is masked by "hash", so the store needs "hashKey": the variable holding the key`);
        const correctedBy = r.correctedBy;
        if (correctedBy !== undefined) {
          const rule = typeof columnCategory === 'string' && isObject(entry.categories) ? (entry.categories as Record<string, unknown>)[columnCategory] : undefined;
          if (typeof correctedBy !== 'string' || !Object.hasOwn(CORRECTABLE_FIELDS, correctedBy)) fault([...cat, 'correctedBy'], `${where} names ${JSON.stringify(correctedBy)}, which is not a correctable field (${Object.keys(CORRECTABLE_FIELDS).join(', ')})`);
          else if (!isObject(rule) || rule.corrections !== true) fault([...cat, 'correctedBy'], `${where} is corrected by "${correctedBy}", but its category does not say "corrections": true`);
        }
        cols.push({ name: column, category: String(columnCategory), mask: mask ?? { kind: 'null' }, ...(typeof correctedBy === 'string' && { correctedBy }), line: lineOf(cat) });
      }
    }
    const ids: DeclaredCollection['identities'] = [];
    if (!isObject(identities)) fault([...at, 'identities'], `${coll} must give "identities" as an object, e.g. {"email": "email_column"}`);
    else {
      for (const [kind, column] of Object.entries(identities)) {
        const idAt = [...at, 'identities', kind];
        if (!(IDENTITY_KINDS as readonly string[]).includes(kind)) fault(idAt, `${coll} has unknown identity "${kind}" (one of: ${IDENTITY_KINDS.join(', ')})`);
        else if (typeof column !== 'string' || !COLUMN.test(column)) fault(idAt, `${coll} identity "${kind}" must name a column`);
        else {
          // An identity is personal data: it is erased with a category like any other column.
          if (kind !== 'accountId' && !cols.some((c) => c.name === column)) fault(idAt, `${coll} identity "${kind}" is column "${column}", which "columns" must list with its category`);
          if (kind === 'phone' && defaultCountryCode === undefined) fault(idAt, `${coll} matches phone numbers, so the store needs "defaultCountryCode" for numbers written without one`);
          ids.push({ kind: kind as IdentityKind, column, line: lineOf(idAt) });
        }
      }
    }
    const refs: DeclaredReference[] = [];
    if (!isObject(references)) fault([...at, 'references'], `${coll} must give "references" as an object, e.g. {"customer_id": "customer.id"}`);
    else {
      for (const [column, target] of Object.entries(references)) {
        const refAt = [...at, 'references', column];
        const dot = typeof target === 'string' ? target.lastIndexOf('.') : -1;
        if (!COLUMN.test(column) || typeof target !== 'string' || dot < 1) {
          fault(refAt, `${coll} reference "${column}" must read "column": "collection.column"`);
          continue;
        }
        const [to, toColumn] = [target.slice(0, dot), target.slice(dot + 1)];
        if (!Object.hasOwn(collections, to)) fault(refAt, `${coll} references "${to}", which is not one of the store's collections`);
        refs.push({ column, collection: to, toColumn, line: lineOf(refAt) });
      }
    }
    const keep = spec.keepWhen === undefined ? undefined : parseKeepWhen(spec.keepWhen, category, entry.categories, coll, [...at, 'keepWhen'], fault, lineOf);
    const shape = spec.export === undefined ? undefined : parseExport(spec.export, categories, coll, [...at, 'export'], fault);
    const orderBy = spec.orderBy;
    if (orderBy !== undefined && (typeof orderBy !== 'string' || !COLUMN.test(orderBy))) fault([...at, 'orderBy'], `${coll} has "orderBy" that is not a column name`);
    declared.push({
      name, primaryKey: String(primaryKey), category: String(category), columns: cols, identities: ids, references: refs,
      ...(keep && { keepWhen: keep }), ...(shape && { exportShape: shape }), ...(typeof orderBy === 'string' && { orderBy }), line: lineOf(at),
    });
  }

  for (const c of categories) {
    if (!declared.some((d) => d.category === c || d.columns.some((col) => col.category === c))) fault(['categories', c], `${store} lists category "${c}", which none of its collections or columns holds`);
  }
  const corrected = new Set(declared.flatMap((d) => d.columns.filter((c) => c.correctedBy).map((c) => c.category)));
  if (isObject(entry.categories)) {
    for (const [c, rule] of Object.entries(entry.categories)) {
      if (isObject(rule) && rule.corrections === true && !corrected.has(c)) fault(['categories', c, 'corrections'], `${store} category "${c}" says "corrections": true, but none of its columns names "correctedBy"`);
    }
  }
  for (const d of unreachable(declared)) fault(['collections', d.name], `${store} collection "${d.name}" reaches no identity: it has no "identities" and no reference leads to a collection that has one`);
  const purposes = checkSqlPurposes(entry.purposes, declared.map((d) => d.name), declaredPurposes, store, fault, lineOf);
  const order = eraseOrder(declared);
  if ('cycle' in order) {
    const first = order.cycle[0] as string;
    fault(['collections', first, 'references'], `${store} has a circular erase order: ${order.cycle.join(' -> ')} (references must not loop)`);
  }
  if (!sound || 'cycle' in order) return undefined;
  return {
    dialect: dialect as SqlDialect,
    connection: connection as string,
    required: required === true,
    ...(typeof hashKey === 'string' && { hashKey }),
    ...(typeof defaultCountryCode === 'string' && { defaultCountryCode }),
    collections: order.order,
    purposes,
    line: 0,
  };
}

/** A collection's `keepWhen`: `{"column": c, "isNotNull": true}` or `{"column": c, "isNull": true}`,
 *  allowed only where the collection's category is erased by "anonymise" (kept, not deleted). */
function parseKeepWhen(value: unknown, category: unknown, rules: unknown, coll: string, at: string[], fault: Report, lineOf: (at: string[]) => number): KeepWhen | undefined {
  const shape = `${coll} has "keepWhen" that is not {"column": name, "isNotNull": true} or {"column": name, "isNull": true}`;
  if (!isObject(value) || typeof value.column !== 'string' || !COLUMN.test(value.column)) return void fault(at, shape);
  const tests = Object.keys(value).filter((k) => k !== 'column');
  if (tests.length !== 1 || !['isNull', 'isNotNull'].includes(tests[0] as string) || value[tests[0] as string] !== true) return void fault(at, shape);
  const rule = typeof category === 'string' && isObject(rules) ? rules[category] : undefined;
  if (!isObject(rule) || rule.erase !== 'anonymise') return void fault(at, `${coll} keeps rows by "keepWhen", so its category must say "erase": "anonymise"`);
  return { column: value.column, isNull: tests[0] === 'isNull', line: lineOf(at) };
}

/** A collection's `export`: per category, the record's fields as a list of columns (each field
 *  named as its column) or an object from field name to column, e.g.
 *  {"contact": ["fullName", "phone"], "account": {"email": "email", "registeredAt": "createdAt"}}. */
function parseExport(value: unknown, categories: readonly string[], coll: string, at: string[], fault: Report): ExportShape[] | undefined {
  if (!isObject(value) || Object.keys(value).length === 0) return void fault(at, `${coll} has "export" that is not an object from category to the columns its record shows`);
  const shapes: ExportShape[] = [];
  for (const [category, spec] of Object.entries(value)) {
    const where = [...at, category];
    if (!categories.includes(category)) fault(where, `${coll} exports category "${category}", which the store does not list`);
    const pairs = Array.isArray(spec) ? spec.map((column) => [column, column] as const) : isObject(spec) ? Object.entries(spec) : [];
    if (pairs.length === 0 || pairs.some(([field, column]) => typeof field !== 'string' || typeof column !== 'string' || !COLUMN.test(column))) {
      fault(where, `${coll} export of "${category}" must list columns, e.g. ["fullName", "phone"] or {"registeredAt": "createdAt"}`);
      continue;
    }
    shapes.push({ category, fields: pairs.map(([field, column]) => ({ field: String(field), column: String(column) })) });
  }
  return shapes;
}

/** Collections from which no chain of references leads to one with an identity. */
function unreachable(collections: readonly DeclaredCollection[]): DeclaredCollection[] {
  const byName = new Map(collections.map((c) => [c.name, c]));
  const reaches = (c: DeclaredCollection, seen: Set<string>): boolean =>
    c.identities.length > 0 || c.references.some((r) => !seen.has(r.collection) && byName.has(r.collection) && reaches(byName.get(r.collection) as DeclaredCollection, new Set([...seen, c.name])));
  return collections.filter((c) => !reaches(c, new Set()));
}

/** Children first: a collection comes before every collection it references, so rows are
 *  deleted before the rows they point at; a loop of references has no such order. */
export function eraseOrder(collections: readonly DeclaredCollection[]): { order: DeclaredCollection[] } | { cycle: string[] } {
  const byName = new Map(collections.map((c) => [c.name, c]));
  const referencedBy = new Map<string, string[]>(collections.map((c) => [c.name, []]));
  for (const c of collections) for (const r of c.references) referencedBy.get(r.collection)?.push(c.name);
  const state = new Map<string, 'visiting' | 'done'>();
  const order: DeclaredCollection[] = [];
  // Depth-first over "is referenced by": a collection is placed once all that reference it are.
  const visit = (name: string, path: string[]): string[] | null => {
    if (state.get(name) === 'done') return null;
    if (state.get(name) === 'visiting') return [...path.slice(path.indexOf(name)), name];
    state.set(name, 'visiting');
    for (const child of referencedBy.get(name) ?? []) {
      const cycle = visit(child, [...path, name]);
      if (cycle) return cycle;
    }
    state.set(name, 'done');
    order.push(byName.get(name) as DeclaredCollection);
    return null;
  };
  for (const c of collections) {
    const cycle = visit(c.name, []);
    // Reported in the direction references point: a references b references a.
    if (cycle) return { cycle: [...cycle].reverse() };
  }
  return { order };
}
