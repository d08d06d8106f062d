// A Kysely instance over the deployer's database: PostgreSQL through `pg`, MySQL and MariaDB
// through `mysql2`. Kysely quotes every identifier the map names and sends every value as a
// parameter, so nothing from the map or the request is ever spliced into SQL text.
import { Kysely, MysqlDialect, PostgresDialect } from 'kysely';
import { createPool } from 'mysql2';
import { Pool } from 'pg';
import type { SqlDialect } from '../data-map/sql-fields';

/** The tables are the deployer's, unknown to the type system: rows are plain records. */
export type SqlDb = Kysely<any>;

/** Connections per declared store: a subject's request runs a handful of queries at a time. */
const POOL_MAX = 4;

/** Opens (lazily: nothing connects until the first query) a database of the given dialect. */
export function openSqlDb(dialect: SqlDialect, url: string): SqlDb {
  if (dialect === 'postgres') {
    const pool = new Pool({ connectionString: url, max: POOL_MAX });
    // An idle client's failure (the server restarted) must not end the process.
    pool.on('error', (err: NodeJS.ErrnoException) => console.warn(`declared SQL store: connection problem (${err.code ?? err.name})`));
    return new Kysely({ dialect: new PostgresDialect({ pool }) });
  }
  // Times read as UTC so an export says the same instant whatever the engine's time zone.
  return new Kysely({ dialect: new MysqlDialect({ pool: createPool({ uri: url, connectionLimit: POOL_MAX, timezone: 'Z', supportBigNumbers: true, bigNumberStrings: true }) }) });
}

/** A stored value as the access package carries it: text, number or null. */
export function plainValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
