// The demo estate's SQL stores as the shipped map declares them (config/data-map.json), reached
// by the generic connector (stores/sql/) over the test databases: what tests of the customer
// accounts, service logs, billing and marketing stores run against. Opened for the test file
// that asks and closed after it.
import { ensureMarketingSchemaAt } from '../../devtools/estate/marketing-schema';
import { loadDataMap, type DataMap } from '../../stores/data-map/validate';
import type { DataStore } from '../../stores/data-store';
import { closeDeclaredSql, declaredSqlConnections, declaredSqlStores } from '../../stores/sql/connections';
import { EXAMPLE_STORES_MAP_FILE } from './paths';

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\`, which provides it.`);
  return value;
}

/** The map's stores over the main database (customer-accounts, service-logs, billing) and, with
 *  `marketing`, the marketing database, in map order; `close` ends their connections. For a
 *  stack that opens them in its own start and closes them in its own close. */
export function openDemoStores(opts: { marketing?: boolean } = {}): { stores: DataStore[]; close(): Promise<void> } {
  const env: Record<string, string> = { DATABASE_URL: requiredEnv('DATABASE_URL') };
  if (opts.marketing) env.MARKETING_DATABASE_URL = requiredEnv('MARKETING_DATABASE_URL');
  const map = loadDataMap();
  const connections = declaredSqlConnections({ stores: map.stores.filter((s) => s.sql && env[s.sql.connection]) }, env);
  return { stores: declaredSqlStores(connections), close: () => closeDeclaredSql(connections) };
}

/** The same for a test file: the marketing tables made before its tests, connections closed after them. */
export function declaredDemoStores(opts: { marketing?: boolean } = {}): DataStore[] {
  const { stores, close } = openDemoStores(opts);
  if (opts.marketing) beforeAll(() => ensureMarketingSchemaAt(requiredEnv('MARKETING_DATABASE_URL')));
  afterAll(close);
  return stores;
}

/** One of the stores above, by name. */
export function demoStore(stores: readonly DataStore[], name: string): DataStore {
  const store = stores.find((s) => s.name === name);
  if (!store) throw new Error(`The demo estate has no store "${name}".`);
  return store;
}

/** The shipped map followed by the example stores the demo leaves out (docs/examples): for the
 *  tests of unconnected, processor and manual stores, which load this map as a deployment would its own. */
export function mapWithExampleStores(): DataMap {
  return { stores: [...loadDataMap().stores, ...loadDataMap(EXAMPLE_STORES_MAP_FILE).stores], purposes: loadDataMap().purposes };
}
