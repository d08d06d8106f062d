// The one place where the activities' dependencies are assembled, for the product and
// for the tests alike, so both run the same stores and settings.
import { deletionConfirmationWindowMs } from '../config/env';
import type { ActivityDeps } from '../activities';
import type { FieldCipher } from '../crypto/field-cipher';
import type { Db } from '../db/prisma';
import { VERIFICATION } from '../domain/procedure';
import type { Mailer } from '../mail/mailer';
import { loadDataMap, type DataMap } from '../stores/data-map/validate';
import type { DataStore } from '../stores/data-store';
import { createFileStore, filesEntry } from '../stores/file-store';
import { manualStoresFromMap } from '../stores/manual-store';
import { createRedisSessionsStore, redisEntry, type RedisProvider } from '../stores/redis-sessions-store';
import { createStoreRegistry, createStoreRegistryFromMap, type StoreRegistry } from '../stores/registry';
import type { WebhookConnection } from '../stores/webhook/connections';
import { createWebhookStore } from '../stores/webhook/webhook-store';
import { declaredSqlStores, type DeclaredSqlConnection } from '../stores/sql/connections';

/** Connections of the optional stores; a store whose connection is absent is not built. */
export interface StoreConnections {
  redis?: RedisProvider;
  fileStoreDir?: string;
  /** Names of the data map's `manual` stores to include (MANUAL_STORES); none by default. */
  manualStores?: readonly string[];
  /** Processors reached over their webhooks (stores/webhook/connections.ts); they call back at `publicUrl`. */
  webhooks?: readonly WebhookConnection[];
  /** The SQL databases declared in the map (stores/sql/connections.ts): the demo's main-database
   *  tables and marketing database as much as a deployer's own. */
  sqlStores?: readonly DeclaredSqlConnection[];
}

export interface ActivityDepsInput {
  db: Db;
  mailer: Mailer;
  cipher: FieldCipher;
  staffMailTo: string;
  publicUrl?: string;
  connections?: StoreConnections;
  /** When given, the registry follows it: stores it does not name are refused. */
  dataMap?: DataMap;
  /** Where access packages are written; .data/access-packages when unset. */
  accessPackageDir?: string;
  /** Signs the status links in mails (see ActivityDeps). */
  statusLinkKey?: Buffer;
  /** Hashes mailed codes (see ActivityDeps). */
  codeHashKey?: Buffer;
  /** Checks the API's staff assertions (see ActivityDeps). */
  staffAssertionKey?: Buffer;
  /** Stores beyond the built-in ones (e.g. a processor's system). */
  extraStores?: DataStore[];
  /** The activities' clock; the real one unless a test runs as if on another day. */
  clock?: () => Date;
}

/** The stores of the given connections, then the extra ones. */
function connectedStores(input: ActivityDepsInput): DataStore[] {
  const { redis, fileStoreDir, manualStores, webhooks, sqlStores } = input.connections ?? {};
  return [
    ...(redis ? [createRedisSessionsStore(redis, redisEntry(input.dataMap))] : []),
    ...(fileStoreDir ? [createFileStore(fileStoreDir, filesEntry(input.dataMap))] : []),
    ...manualStoresFromMap(input.dataMap, manualStores ?? []),
    ...(webhooks ?? []).map((w) => createWebhookStore({ ...w, db: input.db, publicUrl: callbackBase(input) })),
    ...declaredSqlStores(sqlStores ?? []),
    ...(input.extraStores ?? []),
  ];
}

/** Where processors reach the engine's callback route: without a public address they could not. */
function callbackBase(input: ActivityDepsInput): string {
  if (!input.publicUrl) throw new Error('Processor stores are connected, but no PUBLIC_URL is set for their callbacks.');
  return input.publicUrl;
}

/** The store registry: from the data map when one is given, else every connected store. */
export function buildStoreRegistry(input: ActivityDepsInput): { registry: StoreRegistry; unconnected: string[] } {
  const stores = connectedStores(input);
  return input.dataMap ? createStoreRegistryFromMap(input.dataMap, stores) : { registry: createStoreRegistry(stores), unconnected: [] };
}

/** Builds the activities' dependencies with the clock (real by default) and the configured stores. */
export function buildActivityDeps(input: ActivityDepsInput): ActivityDeps {
  const { registry, unconnected } = buildStoreRegistry(input);
  if (unconnected.length > 0) {
    // Said at start-up, by store name only. Requests record these stores as not searched, and a
    // deletion waits for compliance (skip with a justification, or connect and retry).
    console.warn(`Data map: not connected, so not searched: ${unconnected.join(', ')}; deletions wait for compliance on them (see README, Data stores and the data map).`);
  }
  return {
    db: input.db,
    mailer: input.mailer,
    cipher: input.cipher,
    clock: input.clock ?? (() => new Date()),
    verification: VERIFICATION,
    stores: registry,
    staffMailTo: input.staffMailTo,
    publicUrl: input.publicUrl,
    accessPackageDir: input.accessPackageDir,
    statusLinkKey: input.statusLinkKey,
    codeHashKey: input.codeHashKey,
    deletionConfirmationWindowMs: deletionConfirmationWindowMs(),
    staffAssertionKey: input.staffAssertionKey,
    // Without a map of its own (tests, bench) the shipped map says what the built-in stores hold.
    providedCategories: providedCategories(input.dataMap ?? loadDataMap()),
    // And which purposes a MANAGE request may name, with their words for the reply.
    purposes: (input.dataMap ?? loadDataMap()).purposes,
  };
}

/** Per store, the categories the map marks "provided": what a portability request delivers. */
export function providedCategories(map: DataMap): ReadonlyMap<string, ReadonlySet<string>> {
  return new Map(map.stores.map((s) => [s.name, new Set(s.categories.filter((c) => c.provided).map((c) => c.name))]));
}
