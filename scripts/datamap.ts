// npm run datamap -- draft --url <connection URL> [--schema NAME]
//   prints a draft data map (JSON) for a live PostgreSQL or MySQL/MariaDB database.
// npm run datamap -- check FILE
//   validates a map (JSON or YAML) and its declared SQL stores against their live databases
//   (connections from the environment); prints each problem with its line, exits 1 on any.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataMapError, validateDataMap } from '../stores/data-map/validate';
import { readCatalog, dialectOfUrl } from '../stores/sql/catalog';
import { openSqlDb } from '../stores/sql/connect';
import { declaredSqlProblems } from '../stores/sql/connections';
import { draftMap } from '../stores/sql/draft';
import { liveProblems } from '../stores/sql/live-check';

const USAGE = 'usage: npm run datamap -- draft --url <connection URL> [--schema NAME]\n       npm run datamap -- check FILE';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function draft(args: string[]): Promise<number> {
  const url = option(args, '--url');
  const dialect = url ? dialectOfUrl(url) : null;
  if (!url || !dialect) {
    console.error(`${USAGE}\n(the URL starts with postgresql://, mysql:// or mariadb://)`);
    return 2;
  }
  const db = openSqlDb(dialect, url.replace(/^mariadb:/, 'mysql:'));
  try {
    const catalog = await readCatalog(db, dialect, option(args, '--schema'));
    if (catalog.tables.size === 0) {
      console.error(`No tables in schema "${catalog.schema}".`);
      return 1;
    }
    const database = decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || catalog.schema;
    process.stdout.write(`${JSON.stringify(draftMap(catalog, dialect, database), null, 2)}\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}

async function check(args: string[]): Promise<number> {
  const file = args[0];
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  const fileName = path.basename(file);
  let map;
  try {
    map = validateDataMap(readFileSync(file, 'utf8'), fileName);
  } catch (err) {
    if (!(err instanceof DataMapError)) throw err;
    for (const problem of err.problems) console.log(problem);
    return 1;
  }
  const problems = declaredSqlProblems(map, process.env, fileName);
  for (const store of map.stores) {
    const sql = store.sql;
    const url = sql ? process.env[sql.connection] : undefined;
    if (!sql) continue;
    if (!url) {
      if (!sql.required) console.error(`${fileName}: store "${store.name}" not checked against its database: ${sql.connection} is not set`);
      continue;
    }
    const db = openSqlDb(sql.dialect, url.replace(/^mariadb:/, 'mysql:'));
    try {
      problems.push(...(await liveProblems(store.name, sql, db, fileName)));
    } finally {
      await db.destroy();
    }
  }
  for (const problem of problems) console.log(problem);
  if (problems.length === 0) console.log(`${fileName}: ${map.stores.length} stores, no problems`);
  return problems.length > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'draft') return draft(args);
  if (command === 'check') return check(args);
  console.error(USAGE);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('datamap failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
