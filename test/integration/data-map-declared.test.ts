// Declared SQL stores in the data map: faults refused with the line at fault, statically at
// start-up and against the live database when the worker starts; the same map in YAML.
import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { DEFAULT_DATA_MAP_FILE } from '../../stores/data-map/validate';
import { validateDataMap } from '../../stores/data-map/validate';
import { declaredSqlConnections, declaredSqlProblems } from '../../stores/sql/connections';
import { openSqlDb } from '../../stores/sql/connect';
import { liveProblems } from '../../stores/sql/live-check';
import { CHINOOK_MAP_FILE } from '../support/chinook';
import { problemsOf } from '../support/data-map-problems';

const chinook = readFileSync(CHINOOK_MAP_FILE, 'utf8');
const lineOf = (text: string, needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length;
/** The example map with one edit, which must find its text exactly once. */
function edited(from: string, to: string): string {
  expect(chinook.split(from)).toHaveLength(2);
  return chinook.replace(from, to);
}

describe('declared SQL stores in the data map', () => {
  test('when the Chinook example is read, then both stores are declared with their collections in erase order', () => {
    const map = validateDataMap(chinook, 'chinook.data-map.json');
    expect(map.stores.map((s) => [s.name, s.kind, s.sql?.dialect, s.sql?.collections.map((c) => c.name)])).toEqual([
      ['chinook-postgres', 'sql', 'postgres', ['invoice_line', 'invoice', 'customer']],
      ['chinook-mysql', 'sql', 'mysql', ['InvoiceLine', 'Invoice', 'Customer']],
    ]);
  });

  test('when the shipped map and the Chinook example are checked against the published JSON Schema, then both conform', () => {
    const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../docs/data-map.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    for (const file of [DEFAULT_DATA_MAP_FILE, CHINOOK_MAP_FILE]) {
      expect([file, validate(JSON.parse(readFileSync(file, 'utf8'))), validate.errors ?? null]).toEqual([file, true, null]);
    }
    expect(validate(JSON.parse(edited('"dialect": "postgres"', '"dialect": "oracle"')))).toBe(false);
  });

  test('when a collection reaches no identity, then the map is refused at that collection line', () => {
    const text = edited('"references": {\n            "invoice_id": "invoice.invoice_id"\n          }', '"references": {}');
    expect(problemsOf(text)).toEqual([`data-map.json line ${lineOf(text, '"invoice_line": {')}: store "chinook-postgres" collection "invoice_line" reaches no identity: it has no "identities" and no reference leads to a collection that has one`]);
  });

  test('when references loop, then the circular erase order is refused with its line', () => {
    const text = edited('"primaryKey": "customer_id",', '"primaryKey": "customer_id",\n          "references": { "support_rep_id": "invoice_line.invoice_line_id" },');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^data-map\.json line \d+: store "chinook-postgres" has a circular erase order: (\w+ -> ){3}\w+ \(references must not loop\)$/);
    expect(problems[0]).toContain('customer');
  });

  test('when a declared store names an unknown mask, dialect or correctable field, then each is refused on its own line', () => {
    let text = edited('"dialect": "postgres"', '"dialect": "oracle"');
    text = text.replace('"mask": "hash"', '"mask": "shred"');
    text = text.replace('"correctedBy": "companyName"', '"correctedBy": "company"');
    expect(problemsOf(text)).toEqual([
      `data-map.json line ${lineOf(text, '"oracle"')}: store "chinook-postgres" needs "dialect": one of postgres, mysql (MariaDB is "mysql")`,
      `data-map.json line ${lineOf(text, '"correctedBy": "company"')}: store "chinook-postgres" collection "customer" column "company" names "company", which is not a correctable field (fullName, phone, companyName, preferredLanguage, billingName, billingAddress)`,
      `data-map.json line ${lineOf(text, '"shred"')}: store "chinook-postgres" collection "customer" column "email" has an unknown mask (one of: "null", "hash", "keep", {"fixed": value})`,
    ]);
  });

  test('when a required store has its connection variable unset, then the start is refused naming the store line', () => {
    const text = edited('"dialect": "postgres",\n      "connection": "CHINOOK_POSTGRES_URL",\n      "required": false', '"dialect": "postgres",\n      "connection": "CHINOOK_POSTGRES_URL",\n      "required": true');
    const map = validateDataMap(text, 'chinook.data-map.json');
    const env = { CHINOOK_HASH_KEY: 'k' };
    expect(declaredSqlProblems(map, env, 'chinook.data-map.json')).toEqual([`chinook.data-map.json line ${lineOf(text, '"chinook-postgres": {')}: store "chinook-postgres" is required, but CHINOOK_POSTGRES_URL is not set`]);
    expect(() => declaredSqlConnections(map, env, 'chinook.data-map.json')).toThrow('is required, but CHINOOK_POSTGRES_URL is not set');
    // Not required and unset: simply not connected (the registry names it not searched).
    expect(declaredSqlConnections(validateDataMap(chinook), env)).toEqual([]);
  });

  test('when the map is written in YAML, then it reads the same and faults name YAML lines', () => {
    const yaml = stringify(JSON.parse(chinook));
    expect(validateDataMap(yaml, 'chinook.data-map.yaml').stores.map((s) => s.sql?.collections.length)).toEqual([3, 3]);
    const broken = yaml.replace('dialect: mysql', 'dialect: sqlite');
    expect(problemsOf2(broken, 'chinook.data-map.yaml')).toEqual([`chinook.data-map.yaml line ${lineOf(broken, 'dialect: sqlite')}: store "chinook-mysql" needs "dialect": one of postgres, mysql (MariaDB is "mysql")`]);
    const duplicate = yaml.replace('dialect: mysql', 'dialect: mysql\n    dialect: postgres');
    expect(problemsOf2(duplicate, 'chinook.data-map.yaml')[0]).toMatch(new RegExp(`^chinook\\.data-map\\.yaml line ${lineOf(duplicate, 'dialect: postgres', duplicate.indexOf('dialect: mysql'))}: invalid YAML: Map keys must be unique`));
  });

  test.each([
    ['chinook-postgres', 'CHINOOK_POSTGRES_URL', 'fax', 'telefax'],
    ['chinook-mysql', 'CHINOOK_MYSQL_URL', 'Fax', 'Telefax'],
  ])('when %s names a column its live database lacks, then the live check names the line', async (store, variable, column, wrong) => {
    const at = chinook.indexOf(`"${store}": {`);
    const position = chinook.indexOf(`          "${column}"`, chinook.indexOf('"columns"', at));
    const text = chinook.slice(0, position) + chinook.slice(position).replace(`"${column}"`, `"${wrong}"`);
    const map = validateDataMap(text, 'chinook.data-map.json');
    const entry = map.stores.find((s) => s.name === store)!;
    const db = openSqlDb(entry.sql!.dialect, process.env[variable]!);
    try {
      expect(await liveProblems(store, entry.sql!, db, 'chinook.data-map.json')).toEqual([
        `chinook.data-map.json line ${lineOf(text, `"${wrong}"`, at)}: store "${store}" collection "${entry.sql!.collections.find((c) => c.name.toLowerCase() === 'customer')!.name}" names column "${wrong}", which table ${store === 'chinook-mysql' ? 'Customer' : 'customer'} does not have`,
      ]);
      // The example itself matches its database.
      expect(await liveProblems(store, validateDataMap(chinook).stores.find((s) => s.name === store)!.sql!, db)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});

function problemsOf2(text: string, fileName: string): string[] {
  try {
    validateDataMap(text, fileName);
  } catch (err) {
    return (err as { problems: string[] }).problems;
  }
  throw new Error('the map was accepted');
}

describe('the purposes a manage request may name, declared in the data map', () => {
  const shipped = readFileSync(DEFAULT_DATA_MAP_FILE, 'utf8');
  /** The shipped map with one edit, which must find its text exactly once. */
  function shippedEdited(from: string, to: string): string {
    expect(shipped.split(from)).toHaveLength(2);
    return shipped.replace(from, to);
  }

  test('when the shipped map is read, then it declares its purposes once, with words in both languages, the sale/sharing marks, and the marketing database stopping each', () => {
    const map = validateDataMap(shipped);
    expect(map.purposes.map((p) => [p.id, p.disclosure])).toEqual([
      ['marketing', []],
      ['personalised-recommendations', []],
      ['affiliate-sharing', []],
      ['advertising-partners', ['sale', 'sharing']],
    ]);
    for (const p of map.purposes) expect([p.label.zh.length > 0, p.label.en.length > 0]).toEqual([true, true]);
    const marketing = map.stores.find((s) => s.name === 'marketing-db')!.sql!.purposes;
    expect(marketing.map((p) => [p.purpose, p.collection, p.column])).toEqual([
      ['marketing', 'newsletter_subscription', 'status'],
      ['personalised-recommendations', 'audience_membership', 'active'],
      ['affiliate-sharing', 'audience_membership', 'active'],
      ['advertising-partners', 'audience_membership', 'active'],
    ]);
  });

  test('when a store stops a purpose the map does not declare, then the map is refused at that line, naming the declared ones', () => {
    const text = shippedEdited('"affiliate-sharing": {\n          "collection"', '"affiliate-sharingg": {\n          "collection"');
    expect(problemsOf(text)).toEqual([
      `data-map.json line ${lineOf(text, '"affiliate-sharingg"')}: store "marketing-db" purpose "affiliate-sharingg" is not declared in the map's top-level "purposes" (declared: marketing, personalised-recommendations, affiliate-sharing, advertising-partners): declare its label and consequence there first`,
    ]);
  });

  test('when a purpose is declared without its words, with a bad id, a bad mark or a consequence missing for an action, then each is refused on its own line', () => {
    let text = shippedEdited('"label": { "zh": "个性化推荐", "en": "personalised recommendations" },', '"label": { "en": "personalised recommendations" },');
    text = text.replace('"disclosure": ["sale", "sharing"]', '"disclosure": ["sold"]');
    text = text.replace('"RESTRICT": { "zh": "我们暂停向您发送营销信息，并仅存储相关信息。", "en": "marketing messages to you are paused and the related data is only stored." },\n', '');
    text = text.replace('"purposes": {\n    "marketing": {', '"purposes": {\n    "Bad Id": { "label": { "zh": "坏", "en": "bad" }, "consequence": { "zh": "无", "en": "none" } },\n    "marketing": {');
    const problems = problemsOf(text);
    expect(problems).toEqual([
      `data-map.json line ${lineOf(text, '"Bad Id"')}: purpose "Bad Id" is not a purpose id: lower-case letters and digits joined by hyphens, at most 60 characters, e.g. "personalised-recommendations"`,
      `data-map.json line ${lineOf(text, '"consequence": {\n        "WITHDRAW_CONSENT"')}: purpose "marketing" gives consequences per action but none for RESTRICT: the letter would say nothing of what follows`,
      `data-map.json line ${lineOf(text, '"label": { "en": "personalised recommendations" }')}: purpose "personalised-recommendations" needs "label": what the subject reads, as {"zh": text, "en": text} (both, neither empty)`,
      `data-map.json line ${lineOf(text, '"disclosure": ["sold"]')}: purpose "advertising-partners" has "disclosure" that is not a list of "sale" and/or "sharing" (a sale or a sharing under the CCPA), each at most once`,
    ]);
  });

  test('when a purpose names a column its table lacks, then the live check refuses it with the line', async () => {
    const text = shippedEdited('"column": "status",\n          "set"', '"column": "state",\n          "set"');
    const store = validateDataMap(text).stores.find((s) => s.name === 'marketing-db')!;
    const url = process.env.MARKETING_DATABASE_URL;
    if (!url) throw new Error('MARKETING_DATABASE_URL is not set');
    const { ensureMarketingSchemaAt } = await import('../../devtools/estate/marketing-schema');
    await ensureMarketingSchemaAt(url);
    const db = openSqlDb('postgres', url);
    try {
      expect(await liveProblems('marketing-db', store.sql!, db)).toEqual([
        `data-map.json line ${lineOf(text, '"marketing": {\n          "description": "The subscription')}: store "marketing-db" collection "newsletter_subscription" names purpose "marketing" column "state", which table newsletter_subscription does not have`,
      ]);
    } finally {
      await db.destroy();
    }
  });
});
