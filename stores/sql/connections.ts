// Which declared SQL stores this deployment reaches: those whose connection variable is set.
// A store the map marks `required` must be connected: its unset variable stops the start,
// named with the map's line, as does a `hash` mask whose key variable is unset.
import type { DataMap, MappedStore } from '../data-map/validate';
import type { DataStore } from '../data-store';
import { openSqlDb, type SqlDb } from './connect';
import { createDeclaredSqlStore } from './declared-sql-store';
import { liveProblems } from './live-check';

export interface DeclaredSqlConnection {
  entry: MappedStore & { sql: NonNullable<MappedStore['sql']> };
  db: SqlDb;
  hashKey?: string;
}

/** The problems that keep declared stores from starting (unset required variables), each
 *  naming the map file's line; empty when there are none. */
export function declaredSqlProblems(map: Pick<DataMap, 'stores'>, env: NodeJS.ProcessEnv, fileName = 'data-map.json'): string[] {
  const problems: string[] = [];
  for (const entry of map.stores) {
    const sql = entry.sql;
    if (!sql) continue;
    const url = env[sql.connection];
    if (!url && sql.required) problems.push(`${fileName} line ${sql.line}: store "${entry.name}" is required, but ${sql.connection} is not set`);
    if (url && !/^(postgres|postgresql|mysql|mariadb):\/\//.test(url)) problems.push(`${fileName} line ${sql.line}: store "${entry.name}": ${sql.connection} is not a postgresql:// or mysql:// URL`);
    const hashes = sql.collections.some((c) => c.columns.some((x) => x.mask.kind === 'hash'));
    if (url && hashes && sql.hashKey && !env[sql.hashKey]) problems.push(`${fileName} line ${sql.line}: store "${entry.name}" masks by keyed hash, but ${sql.hashKey} is not set`);
  }
  return problems;
}

/** Opens the declared stores whose connection is set; throws on the problems above. */
export function declaredSqlConnections(map: Pick<DataMap, 'stores'>, env: NodeJS.ProcessEnv, fileName?: string): DeclaredSqlConnection[] {
  const problems = declaredSqlProblems(map, env, fileName);
  if (problems.length > 0) throw new Error(`The data map's SQL stores cannot start:\n${problems.join('\n')}`);
  // Stores declared over one database (the demo's customer accounts, logs and billing all live
  // in the main one) share one pool: a connection per store would multiply the server's load.
  const pools = new Map<string, SqlDb>();
  return map.stores.flatMap((entry) => {
    const sql = entry.sql;
    const url = sql ? env[sql.connection] : undefined;
    if (!sql || !url) return [];
    // mariadb:// is MariaDB's own spelling; mysql2 takes mysql://.
    const target = url.replace(/^mariadb:/, 'mysql:');
    const key = `${sql.dialect} ${target}`;
    const db = pools.get(key) ?? openSqlDb(sql.dialect, target);
    pools.set(key, db);
    return [{ entry: { ...entry, sql }, db, ...(sql.hashKey && env[sql.hashKey] ? { hashKey: env[sql.hashKey] } : {}) }];
  });
}

/** Closes the connections' databases, each once however many stores share it. */
export async function closeDeclaredSql(connections: readonly DeclaredSqlConnection[]): Promise<void> {
  for (const db of new Set(connections.map((c) => c.db))) await db.destroy();
}

/** The declared stores over the main database alone (connection DATABASE_URL), opened on
 *  `databaseUrl`: what tests, drills and measurements run without the estate's other systems. */
export function mainDatabaseSqlConnections(map: DataMap, databaseUrl: string): DeclaredSqlConnection[] {
  const main = { stores: map.stores.filter((s) => s.sql?.connection === MAIN_DATABASE) };
  return declaredSqlConnections(main, { [MAIN_DATABASE]: databaseUrl });
}

/** The variable of the engine's own database, where the demo estate's main tables are. */
export const MAIN_DATABASE = 'DATABASE_URL';

/** The connector of each open declared store. */
export function declaredSqlStores(connections: readonly DeclaredSqlConnection[]): DataStore[] {
  return connections.map((c) => createDeclaredSqlStore({ name: c.entry.name, declaration: c.entry.sql, categories: c.entry.categories, db: c.db, hashKey: c.hashKey }));
}

/** The live check of every connected declared store (see live-check.ts); throws naming each
 *  problem's line, so a worker does not start over a map its databases contradict. */
export async function assertDeclaredStoresLive(connections: readonly DeclaredSqlConnection[], fileName = 'data-map.json'): Promise<void> {
  const problems: string[] = [];
  for (const c of connections) problems.push(...(await liveProblems(c.entry.name, c.entry.sql, c.db, fileName)));
  if (problems.length > 0) throw new Error(`The data map does not match its databases:\n${problems.join('\n')}`);
}
