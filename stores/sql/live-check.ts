// The live check of declared SQL stores: what the map names must exist in the database it
// names. Every table, primary key, column, identity and reference target is looked up in the
// catalog, and a column masked by NULL must accept NULL; each problem names the map's line.
// The worker runs it when it starts (a problem stops it); `npm run datamap -- check` prints it.
import type { DeclaredCollection, SqlDeclaration } from '../data-map/sql-fields';
import { readCatalog, type Catalog, type CatalogTable } from './catalog';
import type { SqlDb } from './connect';

/** A collection's schema (when qualified) and table. */
export function tableOf(c: DeclaredCollection): { schema?: string; table: string } {
  const dot = c.name.indexOf('.');
  return dot < 0 ? { table: c.name } : { schema: c.name.slice(0, dot), table: c.name.slice(dot + 1) };
}

/** Catalogs of the schemas a declaration uses, the default one under the key ''. */
export async function catalogsFor(db: SqlDb, decl: SqlDeclaration): Promise<Map<string, Catalog>> {
  const catalogs = new Map<string, Catalog>();
  for (const c of decl.collections) {
    const key = tableOf(c).schema ?? '';
    if (!catalogs.has(key)) catalogs.set(key, await readCatalog(db, decl.dialect, tableOf(c).schema));
  }
  return catalogs;
}

/** The table a collection names, if the database has it. */
export function tableIn(catalogs: Map<string, Catalog>, c: DeclaredCollection): CatalogTable | undefined {
  const { schema, table } = tableOf(c);
  return catalogs.get(schema ?? '')?.tables.get(table);
}

/** Problems of one declared store against its live database, as `<file> line N: ...`. */
export async function liveProblems(store: string, decl: SqlDeclaration, db: SqlDb, fileName = 'data-map.json'): Promise<string[]> {
  const problems: Array<{ line: number; message: string }> = [];
  let catalogs: Map<string, Catalog>;
  try {
    catalogs = await catalogsFor(db, decl);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.name : 'error');
    return [`${fileName} line ${decl.line}: store "${store}" cannot read its database's catalog through ${decl.connection} (${code})`];
  }
  const byName = new Map(decl.collections.map((c) => [c.name, c]));
  const column = (c: DeclaredCollection, table: CatalogTable, name: string, line: number, role: string) => {
    const found = table.columns.find((x) => x.name === name);
    if (!found) problems.push({ line, message: `store "${store}" collection "${c.name}" names ${role} "${name}", which table ${c.name} does not have` });
    return found;
  };
  for (const c of decl.collections) {
    const table = tableIn(catalogs, c);
    if (!table) {
      problems.push({ line: c.line, message: `store "${store}" collection "${c.name}" is not a table of the database (${decl.connection})` });
      continue;
    }
    column(c, table, c.primaryKey, c.line, 'primary key');
    for (const x of c.columns) {
      const found = column(c, table, x.name, x.line, 'column');
      if (found && !found.nullable && x.mask.kind === 'null') {
        problems.push({ line: x.line, message: `store "${store}" collection "${c.name}" column "${x.name}" is NOT NULL, so it cannot be masked by "null": give {"fixed": value} or "hash"` });
      }
    }
    for (const i of c.identities) column(c, table, i.column, i.line, `identity ${i.kind} column`);
    if (c.orderBy) column(c, table, c.orderBy, c.line, 'order column');
    for (const shape of c.exportShape ?? []) for (const f of shape.fields) column(c, table, f.column, c.line, `export column`);
    for (const r of c.references) {
      column(c, table, r.column, r.line, 'reference column');
      const parent = byName.get(r.collection);
      const parentTable = parent && tableIn(catalogs, parent);
      if (parent && parentTable) column(parent, parentTable, r.toColumn, r.line, 'referenced column');
    }
  }
  // A purpose's column and condition must exist too, or a MANAGE request would fail at its store.
  for (const p of decl.purposes) {
    const c = byName.get(p.collection);
    const table = c && tableIn(catalogs, c);
    if (!c || !table) continue;
    column(c, table, p.column, p.line, `purpose "${p.purpose}" column`);
    if (p.when) column(c, table, p.when.column, p.line, `purpose "${p.purpose}" condition column`);
  }
  return problems.sort((a, b) => a.line - b.line).map((p) => `${fileName} line ${p.line}: ${p.message}`);
}
