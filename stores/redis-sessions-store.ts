// The redis connector: records kept in Redis as hashes, found through a set that lists a
// subject's record keys, so a subject is found without SCANning the keyspace. The set's key
// template and each category's hash fields come from the store's map entry
// (stores/data-map/redis-fields.ts). The demo's `redis-sessions` (the sign-in service's web
// sessions, layout shared with the writer):
//   subject-keys:<h>     SET of the subject's session keys
//   session:<h>:<n>      HASH startedAt, lastSeenAt, lastIp, deviceId, cookieIds (comma-separated)
// where <h> is the SHA-256 of the normalised e-mail address. Counts are records holding data
// in a category. Categories are erased in the map's order; the last one's erasure removes the
// keys, which must stay while a hold keeps another category attributable to the subject.
import { createClient, type RedisClientType } from 'redis';
import type { DataCategory } from '../domain/fulfilment';
import { EMAIL_HASH } from './data-map/files-fields';
import { REDIS_KIND, type RedisLayout } from './data-map/redis-fields';
import { loadDataMap, type DataMap } from './data-map/validate';
import { EXPORT_BATCH_SIZE, type DataStore, type ExportedRecord, type SubjectKeys } from './data-store';
import { eraseByCategory } from './erase-by-category';
import { subjectHash } from './subject-hash';

export type RedisClient = RedisClientType;

/** Hands out a connected client; lets the store be built before Redis is reached. */
export type RedisProvider = () => Promise<RedisClient>;

/** The demo's redis store in the shipped map. */
export const REDIS_SESSIONS_STORE = 'redis-sessions';

/** The index set listing one subject's record keys. */
export const subjectIndexKey = (email: string, template = `subject-keys:${EMAIL_HASH}`) => template.replaceAll(EMAIL_HASH, subjectHash(email));

/** The key of the subject's n-th session, as the sign-in service writes it. */
export const sessionKey = (email: string, n: number) => `session:${subjectHash(email)}:${n}`;

/** A redis store's entry in the map: name and layout (the shipped map's `redis-sessions` by default). */
export function redisEntry(map: DataMap = loadDataMap(), name = REDIS_SESSIONS_STORE): { name: string; layout: RedisLayout } {
  const entry = map.stores.find((s) => s.name === name && s.kind === REDIS_KIND);
  if (!entry?.redis) throw new Error(`The data map has no store "${name}" of kind ${REDIS_KIND} with its keys.`);
  return { name, layout: entry.redis };
}

/** A lazily connected client: the first command connects, later ones share the connection.
 *  A Redis that stays unreachable fails the command after a few quick retries (the activity
 *  is retried later) rather than holding it; the next command tries to connect again. */
export function lazyRedis(url: string): { provide: RedisProvider; close(): Promise<void> } {
  const client: RedisClient = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 5_000, reconnectStrategy: (retries: number, cause: Error) => (retries >= 5 ? cause : Math.min(retries * 200, 2_000)) },
  });
  // Reported by code only: a message could carry the URL, and with it a password.
  client.on('error', (err: NodeJS.ErrnoException) => console.warn(`redis-sessions: connection problem (${err.code ?? err.name})`));
  let connecting: Promise<RedisClient> | undefined;
  return {
    provide: () =>
      (connecting ??= client.connect().then(
        () => client,
        (err: unknown) => {
          connecting = undefined;
          throw err;
        },
      )),
    async close() {
      if (client.isOpen) await client.quit();
    },
  };
}

/** A redis store, laid out as its map entry says. */
export function createRedisSessionsStore(redis: RedisProvider, { name, layout } = redisEntry()): DataStore {
  const categories = layout.categories.map((c) => c.category);
  const FIELDS: Record<string, readonly string[]> = Object.fromEntries(layout.categories.map((c) => [c.category, c.fields]));
  const indexKey = (email: string) => subjectIndexKey(email, layout.keys);
  const known = (c: DataCategory): string => {
    if (!categories.includes(c)) throw new Error(`Store ${name} has no category "${c}".`);
    return c;
  };

  /** The subject's sessions as they are now, by key; keys listed but gone are skipped. */
  async function sessions(subject: SubjectKeys): Promise<Array<{ key: string; fields: Record<string, string> }>> {
    const client = await redis();
    const keys = (await client.sMembers(indexKey(subject.email))).sort(byNumber);
    const all = await Promise.all(keys.map(async (key) => ({ key, fields: (await client.hGetAll(key)) as Record<string, string> })));
    return all.filter((s) => Object.keys(s.fields).length > 0);
  }

  const holding = (fields: Record<string, string>, c: string) => (FIELDS[c] ?? []).some((f) => fields[f] !== undefined);

  return {
    name,
    categories,
    correctable: [],

    async locate(subject) {
      const found = await sessions(subject);
      return Object.fromEntries(categories.map((c) => [c, found.filter((s) => holding(s.fields, c)).length]));
    },

    // SSCAN over the subject's index set, a batch of keys at a time, rather than SMEMBERS of all.
    async *exportStream(subject): AsyncGenerator<ExportedRecord> {
      const client = await redis();
      for await (const batch of client.sScanIterator(indexKey(subject.email), { COUNT: EXPORT_BATCH_SIZE })) {
        const keys = [...batch].sort(byNumber);
        const found = await Promise.all(keys.map(async (key) => ({ key, fields: (await client.hGetAll(key)) as Record<string, string> })));
        for (const s of found) {
          for (const c of categories) {
            if (holding(s.fields, c)) yield { category: c, record: { session: sessionNumber(s.key), ...Object.fromEntries((FIELDS[c] ?? []).map((f) => [f, s.fields[f] ?? null])) } };
          }
        }
      }
    },

    async erase(subject, protectedNow) {
      const client = await redis();
      return eraseByCategory(
        {
          categories,
          count: async (c) => (await sessions(subject)).filter((s) => holding(s.fields, known(c))).length,
          clear: async (c) => {
            const hit = (await sessions(subject)).filter((s) => holding(s.fields, known(c)));
            await Promise.all(hit.map((s) => client.hDel(s.key, [...(FIELDS[known(c)] ?? [])])));
            return hit.length;
          },
          removeRows: async () => {
            const index = indexKey(subject.email);
            const keys = await client.sMembers(index);
            // One DEL is atomic: no reader sees the index without its sessions or the reverse.
            return client.del([...keys, index]);
          },
        },
        protectedNow,
      );
    },

    // Sessions record what the sign-in service observed; nothing here is a value the subject
    // supplied, so corrections concern other stores.
    async rectify() {
      return 0;
    },
  };
}

/** The n of `session:<h>:<n>`, the only part of a key worth showing the subject. */
function sessionNumber(key: string): number | null {
  const n = Number(key.slice(key.lastIndexOf(':') + 1));
  return Number.isInteger(n) ? n : null;
}

const byNumber = (a: string, b: string) => (sessionNumber(a) ?? 0) - (sessionNumber(b) ?? 0);
