// The composition root: builds the long-lived services from configuration once.
import type { ActivityDeps } from '../activities';
import { activeProfile, type LoadedProfile } from '../config/controller-profile';
import type { AppConfig } from '../config/env';
import { createFieldCipher, type FieldCipher } from '../crypto/field-cipher';
import { parseKeyring, type Keyring } from '../crypto/keyring';
import { createDb, type Db } from '../db/prisma';
import path from 'node:path';
import { createSmtpMailer, type Mailer } from '../mail/mailer';
import { loadDataMap, type DataMap } from '../stores/data-map/validate';
import { lazyRedis } from '../stores/redis-sessions-store';
import { processorSecrets, webhookConnections } from '../stores/webhook/connections';
import { closeDeclaredSql, declaredSqlConnections, mainDatabaseSqlConnections, type DeclaredSqlConnection } from '../stores/sql/connections';
import { buildActivityDeps } from './activity-deps';
import { staffAssertionKey } from '../crypto/staff-assertion';
import { statusTokenKey } from '../crypto/status-token';
import { oneTimeCodeKey } from '../crypto/one-time-code';
import type { DataStore } from '../stores/data-store';

/** The activities' keys derived from the identity pepper, each for one use. */
const pepperKeys = (pepper: string) => ({ statusLinkKey: statusTokenKey(pepper), staffAssertionKey: staffAssertionKey(pepper), codeHashKey: oneTimeCodeKey(pepper) });

/** The pieces every assembly shares: keyring, cipher, database, mailer. */
function coreServices(config: AppConfig) {
  const keyring = parseKeyring(config.keys.encryptionKeys, config.keys.currentKeyId);
  return {
    keyring,
    cipher: createFieldCipher(keyring),
    db: createDb(config.databaseUrl, config.databasePoolMax),
    mailer: createSmtpMailer({ ...config.smtp, from: config.mailFrom }),
  };
}

/** Services over the main database alone: what tests and measurements need, without the estate's
 *  other systems. The stores are the shipped map's over the main database (DATABASE_URL). */
function mainDatabaseServices(config: AppConfig, opts: ServicesOptions): Services {
  const { keyring, cipher, db, mailer } = coreServices(config);
  const dataMap = loadDataMap();
  const sqlStores = mainDatabaseSqlConnections(dataMap, config.databaseUrl);
  const activityDeps = buildActivityDeps({
    db, mailer, cipher, clock: opts.clock, extraStores: opts.extraStores, staffMailTo: config.staffMailTo, publicUrl: config.http.publicUrl,
    ...pepperKeys(config.keys.identityPepper), accessPackageDir: config.accessPackageDir,
    connections: { sqlStores },
  });
  return {
    config, keyring, cipher, db, mailer, activityDeps: { ...activityDeps, profile: opts.profile }, processorSecrets: new Map(), declaredSql: sqlStores, dataMap, dataMapFileName: 'data-map.json',
    async close() {
      mailer.close();
      await closeDeclaredSql(sqlStores);
      await db.$disconnect();
    },
  };
}

export interface Services {
  config: AppConfig;
  keyring: Keyring;
  cipher: FieldCipher;
  db: Db;
  mailer: Mailer;
  activityDeps: ActivityDeps;
  /** Secrets of the connected processors, by store name, for the callback route. */
  processorSecrets: ReadonlyMap<string, string>;
  /** The map's declared SQL stores this deployment connects, for the worker's live check. */
  declaredSql: readonly DeclaredSqlConnection[];
  /** The data map the engine runs with (DATA_MAP_FILE, or the shipped one): its stores and its purposes. */
  dataMap: DataMap;
  /** The data map file's base name, for messages naming its lines. */
  dataMapFileName: string;
  close(): Promise<void>;
}

export interface ServicesOptions {
  /** 'data-map' (the product): the map's stores with the connections the environment names.
   *  'main-database' (tests, bench, drills): only the map's stores over the main database, plus `extraStores`. */
  stores?: 'data-map' | 'main-database';
  /** Stores beyond the built-in ones (e.g. a failing processor in a test). */
  extraStores?: DataStore[];
  /** The activities' clock; the real one unless a test runs as if on another day. */
  clock?: () => Date;
  /** The controller profile; the one CONTROLLER_PROFILE_FILE names (or the example) when unset. */
  profile?: LoadedProfile;
}

/** Opens the database, mailer and data stores described by the configuration; the data map
 *  is read and checked here, so a broken one stops the start with the line at fault. */
export function createServices(config: AppConfig, env: NodeJS.ProcessEnv = process.env, opts: ServicesOptions = {}): Services {
  if (opts.stores === 'main-database') return mainDatabaseServices(config, opts);
  const { keyring, cipher, db, mailer } = coreServices(config);
  // DATA_MAP_FILE names another map, for a deployment whose estate differs from the shipped one.
  const dataMap = loadDataMap(env.DATA_MAP_FILE || undefined);
  // A bad controller profile stops the start here, with every problem listed (ProfileError).
  const profile = opts.profile ?? activeProfile();
  // Both connect on first use, so a store that is down fails its own task, not the start.
  const redis = config.stores.redisUrl ? lazyRedis(config.stores.redisUrl) : undefined;
  // Processors are named by the map, which also names the variables holding their URL and secret.
  const webhooks = webhookConnections(dataMap, env);
  // The deployer's own databases: a required one whose variable is unset stops the start here.
  // The configuration's database addresses win over the environment's (a test passes its own).
  const urls = { DATABASE_URL: config.databaseUrl, ...(config.stores.marketingDatabaseUrl && { MARKETING_DATABASE_URL: config.stores.marketingDatabaseUrl }) };
  const sqlStores = declaredSqlConnections(dataMap, { ...env, ...urls }, path.basename(env.DATA_MAP_FILE || 'data-map.json'));
  const connections = { redis: redis?.provide, fileStoreDir: config.stores.fileStoreDir, manualStores: config.stores.manualStores, webhooks, sqlStores };
  return {
    config,
    keyring,
    cipher,
    db,
    mailer,
    processorSecrets: processorSecrets(webhooks),
    declaredSql: sqlStores,
    dataMap,
    dataMapFileName: path.basename(env.DATA_MAP_FILE || 'data-map.json'),
    activityDeps: {
      ...buildActivityDeps({ db, mailer, cipher, clock: opts.clock, extraStores: opts.extraStores, staffMailTo: config.staffMailTo, publicUrl: config.http.publicUrl, ...pepperKeys(config.keys.identityPepper), accessPackageDir: config.accessPackageDir, connections, dataMap }),
      profile,
      // The deployer's account system, asked what stops an account closure (activities/account-closure.ts).
      ...(env.ACCOUNT_SYSTEM_URL && env.ACCOUNT_SYSTEM_SECRET ? { accountSystem: { url: env.ACCOUNT_SYSTEM_URL, secret: env.ACCOUNT_SYSTEM_SECRET } } : {}),
    },
    async close() {
      mailer.close();
      await redis?.close();
      await closeDeclaredSql(sqlStores);
      await db.$disconnect();
    },
  };
}
