// The data map: the shipped one is valid and declares every store of the demo estate; a broken
// one is refused at start-up with the line at fault; the registry follows the map.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildStoreRegistry } from '../../app/activity-deps';
import type { DataStore } from '../../stores/data-store';
import { DEFAULT_DATA_MAP_FILE, loadDataMap, validateDataMap } from '../../stores/data-map/validate';
import { createStoreRegistryFromMap } from '../../stores/registry';
import { closeDeclaredSql, declaredSqlConnections, mainDatabaseSqlConnections } from '../../stores/sql/connections';
import { testDb } from '../support/database';
import { problemsOf } from '../support/data-map-problems';
import { mapWithExampleStores } from '../support/demo-estate';
import { EXAMPLE_STORES_MAP_FILE } from '../support/paths';
import { required } from './store-fixtures';

const db = testDb();
afterAll(() => db.$disconnect());

const shipped = readFileSync(DEFAULT_DATA_MAP_FILE, 'utf8');

/** The shipped map with one piece of text replaced; fails if the text is not there. */
function edited(from: string, to: string): string {
  expect(shipped).toContain(from);
  return shipped.replace(from, to);
}

/** The 1-based number of the first line containing `marker` (after the line containing `after`). */
function lineOf(text: string, marker: string, after?: string): number {
  const lines = text.split('\n');
  const from = after === undefined ? 0 : lines.findIndex((l) => l.includes(after));
  return lines.findIndex((l, i) => i >= from && l.includes(marker)) + 1;
}

const fake = (name: string, categories: string[]): DataStore => ({
  name,
  categories,
  locate: async () => ({}),
  exportStream: async function* () {},
  erase: async () => ({ erased: 0, retained: [] }),
  rectify: async () => 0,
});

describe('data map', () => {
  test('when the shipped map is read, then it is valid and lists every store with its categories', () => {
    const map = loadDataMap();
    expect(map.stores.map((s) => [s.name, s.kind])).toEqual([
      ['customer-accounts', 'sql'],
      ['service-logs', 'sql'],
      ['billing', 'sql'],
      ['redis-sessions', 'redis'],
      ['files', 'files'],
      ['marketing-db', 'sql'],
    ]);
    // Examples of stores the demo does not connect live apart, so that its deletions complete.
    expect(loadDataMap(EXAMPLE_STORES_MAP_FILE).stores.map((s) => [s.name, s.kind])).toEqual([
      ['crm-processor', 'webhook'],
      ['paper-archive', 'manual'],
    ]);
    expect(map.stores.find((s) => s.name === 'marketing-db')?.categories).toEqual([
      { name: 'marketing-consent', erase: 'delete', corrections: true, provided: true },
      { name: 'campaign-activity', erase: 'anonymise', corrections: false },
      { name: 'audience', erase: 'delete', corrections: false },
    ]);
    expect(map.stores.find((s) => s.name === 'billing')?.categories).toEqual([
      { name: 'invoice', erase: 'anonymise', corrections: true, provided: true },
      { name: 'payment', erase: 'delete', corrections: true, provided: true },
    ]);
  });

  test('when a store lists an unknown erase method, then the message names the line and the method', () => {
    const text = edited('"device": { "erase": "delete", "corrections": false, "description": "device id", "fields"', '"device": { "erase": "shred", "corrections": false, "description": "device id", "fields"');
    expect(problemsOf(text)).toEqual([`data-map.json line ${lineOf(text, '"shred"')}: store "redis-sessions" lists unknown erase method "shred" (one of: delete, anonymise)`]);
  });

  test('when a declared files or redis store leaves the subject out of its layout, then each fault names its line', () => {
    let text = edited('"folder": "{emailHash}/"', '"folder": "uploads/"');
    text = text.replace('"keys": "subject-keys:{emailHash}"', '"keys": "subject-keys:all"');
    text = text.replace('"description": "identity card scans (id-scan-*)", "files": ["id-scan-*.png", "id-scan-*.jpg", "id-scan-*.jpeg", "id-scan-*.pdf"]', '"description": "identity card scans (id-scan-*)"');
    expect(problemsOf(text)).toEqual([
      `data-map.json line ${lineOf(text, '"keys"')}: store "redis-sessions" needs "keys": the key of the set listing a subject's records, naming {emailHash}, e.g. "subject-keys:{emailHash}"`,
      `data-map.json line ${lineOf(text, '"folder"')}: store "files" needs "folder": the subject's folder under its root, naming {emailHash} and ending in "/", e.g. "{emailHash}/"`,
      `data-map.json line ${lineOf(text, '"other"')}: store "files" has 2 categories without "files"; only one may catch the other files`,
    ]);
  });

  test('when the map is not valid JSON, then the message names the line of the fault', () => {
    const text = edited('"kind": "redis",', '"kind": "redis"');
    expect(problemsOf(text)).toEqual([`data-map.json line ${lineOf(text, '"kind": "redis"') + 1}: invalid JSON: expected "}" but found """`]);
  });

  test('when a declared demo store contradicts itself, then each fault is reported on its own line', () => {
    // Hand-written table stores are gone: "prisma-table" is no kind any more.
    let text = shipped.replace(/("billing": \{[^]*?)"kind": "sql"/, '$1"kind": "prisma-table"');
    text = text.replace('"cookie": { "erase": "delete", "corrections": false, "description": "cookie ids", "fields": ["cookieIds"] }', '"cookie": { "erase": "delete", "corrections": false, "description": "cookie ids" }');
    text = text.replace('"connection": "MARKETING_DATABASE_URL"', '"connection": "MARKETING_DATABASE_URL", "connection": "X"');
    text = text.replace('"category": "contact",\n              "correctedBy": "phone"', '"category": "contact",\n              "correctedBy": "shoeSize"');
    text = text.replace('"network": {\n          "erase": "delete",\n          "corrections": false', '"network": {\n          "erase": "delete",\n          "corrections": true');
    const billing = '"billing": {';
    expect(problemsOf(text)).toEqual([
      `data-map.json line ${lineOf(text, '"shoeSize"')}: store "customer-accounts" collection "CustomerAccount" column "phone" names "shoeSize", which is not a correctable field (fullName, phone, companyName, preferredLanguage, billingName, billingAddress)`,
      `data-map.json line ${lineOf(text, '"corrections": true', '"service-logs": {')}: store "service-logs" category "network" says "corrections": true, but none of its columns names "correctedBy"`,
      `data-map.json line ${lineOf(text, '"prisma-table"')}: store "billing" has unknown kind "prisma-table" (one of: redis, files, sql, manual, webhook)`,
      `data-map.json line ${lineOf(text, '"dialect"', billing)}: store "billing" has "dialect", which only declared stores of kind "sql" take`,
      `data-map.json line ${lineOf(text, '"required"', billing)}: store "billing" has "required", which only declared stores of kind "sql" take`,
      `data-map.json line ${lineOf(text, '"collections"', billing)}: store "billing" has "collections", which only declared stores of kind "sql" take`,
      `data-map.json line ${lineOf(text, '"cookie"')}: store "redis-sessions" category "cookie" needs "fields": the hash fields it holds, e.g. ["deviceId"]`,
      `data-map.json line ${lineOf(text, '"connection": "X"')}: key "connection" is written twice in the same place`,
    ]);
  });

  test('when a broken map file is loaded at start-up, then the error names the file and the line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dsr-map-'));
    try {
      const file = path.join(dir, 'data-map.json');
      const text = edited('"identityKey": "email",\n      "categories": {\n        "id-document"', '"identityKey": "phone",\n      "categories": {\n        "id-document"');
      await writeFile(file, text);
      expect(() => loadDataMap(file)).toThrow(`data-map.json line ${lineOf(text, '"identityKey": "phone"')}: store "files" has unknown identity key "phone" (one of: email)`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('store registry from the data map', () => {
  const map = validateDataMap(shipped);
  const base = { db, mailer: undefined as never, cipher: undefined as never, staffMailTo: 'x@example.test' };
  const main = mainDatabaseSqlConnections(map, required('DATABASE_URL'));
  afterAll(() => closeDeclaredSql(main));

  test('when only the main database is connected, then its stores run in map order and the others are reported unconnected', () => {
    const { registry, unconnected } = buildStoreRegistry({ ...base, dataMap: map, connections: { sqlStores: main } });
    expect(registry.all().map((s) => s.name)).toEqual(['customer-accounts', 'service-logs', 'billing']);
    expect(unconnected).toEqual(['redis-sessions', 'files', 'marketing-db']);
  });

  test('when every connection is given, then every mapped store runs, the example stores too when a map names them', () => {
    const withExamples = mapWithExampleStores();
    const sqlStores = declaredSqlConnections(withExamples, { DATABASE_URL: required('DATABASE_URL'), MARKETING_DATABASE_URL: required('MARKETING_DATABASE_URL') });
    const webhooks = [{ name: 'crm-processor', categories: ['contact', 'marketing-consent'], url: 'https://crm.example.com/dsr', secret: 'not used', timeoutSeconds: 120 }];
    const connections = { redis: async () => Promise.reject(new Error('not used')), fileStoreDir: tmpdir(), sqlStores, webhooks, manualStores: ['paper-archive'] };
    const { registry, unconnected } = buildStoreRegistry({ ...base, dataMap: withExamples, connections, publicUrl: 'https://dsr.example.com' });
    expect(registry.all().map((s) => s.name)).toEqual(['customer-accounts', 'service-logs', 'billing', 'redis-sessions', 'files', 'marketing-db', 'crm-processor', 'paper-archive']);
    expect(unconnected).toEqual([]);
    return closeDeclaredSql(sqlStores);
  });

  test('when a connector has no map entry or holds other categories than mapped, then it is refused', () => {
    expect(() => createStoreRegistryFromMap(map, [fake('crm', ['contact'])])).toThrow('Data store "crm" has no entry in the data map: describe it there before it may run.');
    expect(() => createStoreRegistryFromMap(map, [fake('files', ['id-document'])])).toThrow('Data store "files" holds categories id-document, but the data map lists biometric, id-document, other.');
  });
});
