// What a live database holds, read from its information_schema (both dialects): tables,
// columns, primary keys and foreign keys of one schema. The draft of a map and the live
// check of a declared store both start from it.
import { sql } from 'kysely';
import type { SqlDialect } from '../data-map/sql-fields';
import type { SqlDb } from './connect';

export interface CatalogColumn {
  name: string;
  dataType: string;
  nullable: boolean;
  maxLength: number | null;
}

export interface CatalogTable {
  name: string;
  columns: CatalogColumn[];
  primaryKey: string[];
  foreignKeys: Array<{ column: string; table: string; column2: string }>;
}

export interface Catalog {
  schema: string;
  tables: Map<string, CatalogTable>;
}

/** The schema a connection works in when the map does not qualify a table. */
export async function defaultSchema(db: SqlDb, dialect: SqlDialect): Promise<string> {
  const { rows } = await sql<{ s: string }>`select ${dialect === 'postgres' ? sql`current_schema()` : sql`database()`} as s`.execute(db);
  return rows[0]?.s ?? 'public';
}

/** Reads one schema's tables (base tables only), columns and keys. */
export async function readCatalog(db: SqlDb, dialect: SqlDialect, schema?: string): Promise<Catalog> {
  const s = schema ?? (await defaultSchema(db, dialect));
  const columns = await db
    .selectFrom('information_schema.columns as c')
    .innerJoin('information_schema.tables as t', (j) => j.onRef('t.table_schema', '=', 'c.table_schema').onRef('t.table_name', '=', 'c.table_name'))
    .select(['c.table_name as tableName', 'c.column_name as columnName', 'c.data_type as dataType', 'c.is_nullable as nullable', 'c.character_maximum_length as maxLength'])
    .where('c.table_schema', '=', s)
    .where('t.table_type', '=', 'BASE TABLE')
    .orderBy('c.table_name')
    .orderBy('c.ordinal_position')
    .execute();
  const tables = new Map<string, CatalogTable>();
  for (const c of columns) {
    const name = String(c.tableName);
    if (!tables.has(name)) tables.set(name, { name, columns: [], primaryKey: [], foreignKeys: [] });
    tables.get(name)?.columns.push({ name: String(c.columnName), dataType: String(c.dataType).toLowerCase(), nullable: c.nullable === 'YES', maxLength: c.maxLength === null ? null : Number(c.maxLength) });
  }
  const keys = await db
    .selectFrom('information_schema.table_constraints as tc')
    .innerJoin('information_schema.key_column_usage as k', (j) =>
      j.onRef('k.constraint_name', '=', 'tc.constraint_name').onRef('k.table_schema', '=', 'tc.table_schema').onRef('k.table_name', '=', 'tc.table_name'),
    )
    .select(['tc.constraint_type as type', 'tc.constraint_name as constraintName', 'k.table_name as tableName', 'k.column_name as columnName', 'k.ordinal_position as position'])
    .where('tc.table_schema', '=', s)
    .where('tc.constraint_type', 'in', ['PRIMARY KEY', 'FOREIGN KEY'])
    .orderBy('k.table_name')
    .orderBy('k.ordinal_position')
    .execute();
  // Where a foreign key points: PostgreSQL says it in constraint_column_usage, MySQL in key_column_usage itself.
  const targets = new Map<string, { table: string; column: string }>();
  if (dialect === 'postgres') {
    const rows = await db
      .selectFrom('information_schema.constraint_column_usage as u')
      .select(['u.constraint_name as constraintName', 'u.table_name as tableName', 'u.column_name as columnName'])
      .where('u.constraint_schema', '=', s)
      .execute();
    for (const r of rows) targets.set(String(r.constraintName), { table: String(r.tableName), column: String(r.columnName) });
  } else {
    const rows = await db
      .selectFrom('information_schema.key_column_usage as k')
      .select(['k.constraint_name as constraintName', 'k.table_name as fromTable', 'k.referenced_table_name as tableName', 'k.referenced_column_name as columnName'])
      .where('k.table_schema', '=', s)
      .where('k.referenced_table_name', 'is not', null)
      .execute();
    for (const r of rows) targets.set(`${String(r.fromTable)}.${String(r.constraintName)}`, { table: String(r.tableName), column: String(r.columnName) });
  }
  for (const k of keys) {
    const table = tables.get(String(k.tableName));
    if (!table) continue;
    if (k.type === 'PRIMARY KEY') table.primaryKey.push(String(k.columnName));
    else {
      const target = targets.get(dialect === 'postgres' ? String(k.constraintName) : `${table.name}.${String(k.constraintName)}`);
      if (target) table.foreignKeys.push({ column: String(k.columnName), table: target.table, column2: target.column });
    }
  }
  return { schema: s, tables };
}

/** The dialect a connection URL speaks, by its scheme. */
export function dialectOfUrl(url: string): SqlDialect | null {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  if (/^(mysql|mariadb):\/\//.test(url)) return 'mysql';
  return null;
}
