// Reads and checks the data map (config/data-map.json) at start-up. Every fault is reported
// with the line it is on, e.g. `data-map.json line 14: store "redis-sessions" lists unknown
// erase method "shred"`, and the map must agree with what the connectors in the code do.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONNECTORS, ERASE_METHODS, IDENTITY_KEYS, MANUAL_CONNECTION, MANUAL_KIND, STORE_KINDS, type ConnectorDescription, type EraseMethod, type IdentityKey, type StoreKind } from './connectors';
import { checkFilesFields, FILES_FIELDS, FILES_KIND, type FilesLayout } from './files-fields';
import { JsonLineError, parseJsonWithLines } from './json-lines';
import { checkPurposes, type MapPurpose } from './purposes';
import { checkRedisFields, REDIS_FIELDS, REDIS_KIND, type RedisLayout } from './redis-fields';
import { checkSqlFields, SQL_FIELDS, SQL_KIND, type SqlDeclaration } from './sql-fields';
import { checkWebhookFields, WEBHOOK_FIELDS, WEBHOOK_KIND, type WebhookSettings } from './webhook-fields';
import { parseYamlWithLines } from './yaml-lines';

export interface MappedCategory {
  name: string;
  erase: EraseMethod;
  corrections: boolean;
  /** The subject provided this data (not observed or derived): a PORTABILITY request delivers it. */
  provided?: boolean;
}

export interface MappedStore {
  name: string;
  kind: StoreKind;
  /** How the store finds a subject: `email` for the built-in connectors; a declared SQL store
   *  lists the identities its collections hold (e.g. "email, phone, accountId"). */
  identityKey: IdentityKey | string;
  connection?: string;
  description?: string;
  /** Kind `manual` only: what the person working the store looks for, and where. */
  instructions?: string;
  /** Kind `webhook` only: the secret's variable and the callback timeout. */
  webhook?: WebhookSettings;
  /** Kind `sql` with `collections` only: the deployer's own database, declared in the map. */
  sql?: SqlDeclaration;
  /** Kind `files` only: the subject's folder and the file-name patterns of each category. */
  files?: FilesLayout;
  /** Kind `redis` only: the set listing a subject's records and the fields of each category. */
  redis?: RedisLayout;
  categories: MappedCategory[];
}

/** The validated map, stores in the order the file lists them. */
export interface DataMap {
  stores: MappedStore[];
  /** The purposes a MANAGE request may name (purposes.ts), in the file's order; none when the map declares none. */
  purposes: MapPurpose[];
}

/** A map that cannot be used; `problems` are the messages, each naming its line. */
export class DataMapError extends Error {
  override readonly name = 'DataMapError';
  constructor(readonly problems: string[]) {
    super(`The data map is invalid:\n${problems.join('\n')}`);
  }
}

const STORE_FIELDS = ['description', 'kind', 'connection', 'identityKey', 'instructions', ...WEBHOOK_FIELDS, ...SQL_FIELDS, ...FILES_FIELDS, ...REDIS_FIELDS, 'categories'];
// Instructions must tell a person what to do; a word or two cannot.
const MIN_INSTRUCTIONS_CHARS = 10;
const CATEGORY_FIELDS = ['description', 'erase', 'corrections', 'provided', 'files', 'fields'];
const TOP_FIELDS = ['$comment', 'description', 'purposes', 'stores'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const quoted = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

/** Validates the map's text (YAML when `fileName` ends in .yaml or .yml, else JSON); `fileName`
 *  prefixes each message. Throws DataMapError. */
export function validateDataMap(text: string, fileName = 'data-map.json', connectors: Record<string, ConnectorDescription> = CONNECTORS): DataMap {
  let parsed;
  try {
    parsed = /\.ya?ml$/i.test(fileName) ? parseYamlWithLines(text) : parseJsonWithLines(text);
  } catch (err) {
    if (err instanceof JsonLineError) throw new DataMapError([`${fileName} line ${err.line}: ${err.message}`]);
    throw err;
  }
  const problems: Array<{ line: number; message: string }> = [];
  const report = (at: string[], message: string) => problems.push({ line: parsed.lineOf(at), message });
  for (const d of parsed.duplicates) problems.push({ line: d.line, message: `key "${d.path[d.path.length - 1]}" is written twice in the same place` });
  const unknownFields = (value: Record<string, unknown>, allowed: string[], at: string[], owner: string) => {
    for (const key of Object.keys(value)) if (!allowed.includes(key)) report([...at, key], `${owner} has an unknown field "${key}" (allowed: ${allowed.join(', ')})`);
  };

  const stores: MappedStore[] = [];
  const root = parsed.value;
  // Read first: the stores' own `purposes` may name only what is declared here.
  const purposes = isObject(root) ? checkPurposes(root.purposes, report, (at) => parsed.lineOf(at)) : [];
  const declaredPurposes = isObject(root) && isObject(root.purposes) ? Object.keys(root.purposes) : [];
  if (!isObject(root) || !isObject(root.stores)) {
    report(['stores'], 'the map must be an object with a "stores" object');
  } else {
    unknownFields(root, TOP_FIELDS, [], 'the map');
    for (const [name, entry] of Object.entries(root.stores)) {
      const at = ['stores', name];
      const store = `store "${name}"`;
      const connector = Object.hasOwn(connectors, name) ? connectors[name] : undefined;
      const manual = isObject(entry) && entry.kind === MANUAL_KIND;
      const webhook = isObject(entry) && entry.kind === WEBHOOK_KIND;
      // A store of kind sql without a connector of its own is the deployer's database, declared here.
      const declaredSql = isObject(entry) && entry.kind === SQL_KIND && !connector;
      // So is a store of kind files: its folder and file-name patterns are all the connector needs.
      const declaredFiles = isObject(entry) && (entry.kind === FILES_KIND || entry.kind === REDIS_KIND) && !connector;
      const knownKind = isObject(entry) && (STORE_KINDS as readonly unknown[]).includes(entry.kind);
      // An unknown kind is reported as such below; a known one always has a connector but for a
      // kind whose stores are hand-written (none ship today: every kind here is declared).
      if (knownKind && !connector && !manual && !webhook && !declaredSql && !declaredFiles) report(at, `${store} has no connector in the code (known: ${Object.keys(connectors).join(', ')})`);
      if (!isObject(entry)) {
        report(at, `${store} must be an object`);
        continue;
      }
      unknownFields(entry, STORE_FIELDS, at, store);
      const { kind, identityKey, connection, description, instructions, categories } = entry;
      if (!(STORE_KINDS as readonly unknown[]).includes(kind)) report([...at, 'kind'], `${store} has unknown kind ${quoted(kind)} (one of: ${STORE_KINDS.join(', ')})`);
      else if (connector && connector.kind !== kind) report([...at, 'kind'], `${store} is of kind "${connector.kind}", not ${quoted(kind)}`);
      if (declaredSql) {
        if (identityKey !== undefined) report([...at, 'identityKey'], `${store} is a declared SQL store: its collections' "identities" say how it finds a subject, not "identityKey"`);
      } else if (knownKind && !(IDENTITY_KEYS as readonly unknown[]).includes(identityKey)) report([...at, 'identityKey'], `${store} has unknown identity key ${quoted(identityKey)} (one of: ${IDENTITY_KEYS.join(', ')})`);
      if (!declaredSql) for (const field of SQL_FIELDS) if (entry[field] !== undefined) report([...at, field], `${store} has "${field}", which only declared stores of kind "sql" take`);
      if (connection !== undefined && !declaredSql && (typeof connection !== 'string' || (connector && connector.connection !== connection))) {
        report([...at, 'connection'], `${store} is connected by ${connector?.connection ?? 'nothing configurable'}, not ${quoted(connection)}`);
      }
      if (description !== undefined && typeof description !== 'string') report([...at, 'description'], `${store} has a description that is not text`);
      if (manual && connection !== undefined && connection !== MANUAL_CONNECTION) report([...at, 'connection'], `${store} is a manual store, connected by ${MANUAL_CONNECTION}, not ${quoted(connection)}`);
      if (manual && (typeof instructions !== 'string' || instructions.trim().length < MIN_INSTRUCTIONS_CHARS)) {
        report([...at, 'instructions'], `${store} is a manual store and needs "instructions" for the person who works it (at least ${MIN_INSTRUCTIONS_CHARS} characters)`);
      }
      if (!manual && instructions !== undefined) report([...at, 'instructions'], `${store} has "instructions", which only stores of kind "manual" take`);
      // A store with a connector of its own in the code is described by it, not by a layout.
      const filesLayout = connector ? undefined : checkFilesFields(entry, store, (field, message) => report([...at, ...field], message));
      const redisLayout = connector ? undefined : checkRedisFields(entry, store, (field, message) => report([...at, ...field], message));
      if (declaredFiles && (typeof connection !== 'string' || !/^[A-Z][A-Z0-9_]{0,63}$/.test(connection))) report([...at, 'connection'], `${store} needs "connection": the environment variable that connects it, e.g. "FILE_STORE_DIR" or "REDIS_URL"`);
      const webhookSettings = checkWebhookFields(entry, (field, message) => report([...at, field], `${store} ${message}`));
      if (!isObject(categories) || Object.keys(categories).length === 0) {
        report([...at, 'categories'], `${store} must list its categories`);
        continue;
      }
      const mapped: MappedCategory[] = [];
      for (const [category, rule] of Object.entries(categories)) {
        const cat = [...at, 'categories', category];
        const behaviour = connector && Object.hasOwn(connector.categories, category) ? connector.categories[category] : undefined;
        if (connector && !behaviour) report(cat, `${store} lists category "${category}", which its connector does not hold (it holds: ${Object.keys(connector.categories).join(', ')})`);
        if (!isObject(rule)) {
          report(cat, `${store} category "${category}" must be an object with "erase" and "corrections"`);
          continue;
        }
        unknownFields(rule, CATEGORY_FIELDS, cat, `${store} category "${category}"`);
        if (!(ERASE_METHODS as readonly unknown[]).includes(rule.erase)) {
          report([...cat, 'erase'], `${store} lists unknown erase method ${quoted(rule.erase)} (one of: ${ERASE_METHODS.join(', ')})`);
        } else if (behaviour && behaviour.erase !== rule.erase) {
          report([...cat, 'erase'], `${store} category "${category}" is erased by "${behaviour.erase}" in the connector, not ${quoted(rule.erase)}`);
        }
        if (typeof rule.corrections !== 'boolean') report([...cat, 'corrections'], `${store} category "${category}" must say "corrections": true or false`);
        else if (behaviour && rule.corrections && !behaviour.corrections) report([...cat, 'corrections'], `${store} category "${category}" cannot be corrected by its connector`);
        if (rule.provided !== undefined && typeof rule.provided !== 'boolean') report([...cat, 'provided'], `${store} category "${category}" must say "provided": true or false`);
        mapped.push({ name: category, erase: rule.erase as EraseMethod, corrections: rule.corrections === true, ...(rule.provided === true && { provided: true }) });
      }
      // An omitted category would hide personal data from whoever reads the map.
      for (const held of Object.keys(connector?.categories ?? {})) {
        if (!Object.hasOwn(categories, held)) report([...at, 'categories'], `${store} does not list category "${held}", which its connector holds`);
      }
      const sql = declaredSql
        ? checkSqlFields(entry, Object.keys(categories), store, (field, message) => report([...at, ...field], message), (field) => parsed.lineOf([...at, ...field]), declaredPurposes)
        : undefined;
      if (sql) sql.line = parsed.lineOf(at);
      const identities = sql ? [...new Set(sql.collections.flatMap((c) => c.identities.map((i) => i.kind)))].join(', ') : identityKey;
      stores.push({
        name,
        kind: kind as StoreKind,
        identityKey: identities as IdentityKey | string,
        connection: connection as string | undefined,
        description: description as string | undefined,
        ...(manual ? { instructions: (instructions as string).trim() } : {}),
        ...(webhookSettings ? { webhook: webhookSettings } : {}),
        ...(sql ? { sql } : {}),
        ...(filesLayout ? { files: filesLayout } : {}),
        ...(redisLayout ? { redis: redisLayout } : {}),
        categories: mapped,
      });
    }
  }
  if (problems.length > 0) {
    throw new DataMapError(problems.sort((a, b) => a.line - b.line).map((p) => `${fileName} line ${p.line}: ${p.message}`));
  }
  return { stores, purposes };
}

/** The map shipped with the product. */
export const DEFAULT_DATA_MAP_FILE = path.resolve(__dirname, '../../config/data-map.json');

/** Reads and validates a map file (JSON, or YAML by its extension); messages name the file by
 *  its base name and the line. */
export function loadDataMap(file: string = DEFAULT_DATA_MAP_FILE): DataMap {
  return validateDataMap(readFileSync(file, 'utf8'), path.basename(file));
}

let shipped: DataMap | undefined;
/** The shipped map, read once: for a server built without a map of its own (tests). */
export function shippedDataMap(): DataMap {
  shipped ??= loadDataMap();
  return shipped;
}
