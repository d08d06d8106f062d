// The web sessions kept in Redis by the sign-in service. Layout (shared with the writer):
//   subject-keys:<h>     SET of the subject's session keys, so a subject is found without
//                        SCANning the keyspace
//   session:<h>:<n>      HASH startedAt, lastSeenAt, lastIp, deviceId, cookieIds (comma-separated)
// where <h> is the SHA-256 of the normalised e-mail address. Categories: 'session' (the
// session itself: times and last IP), 'device' (device id) and 'cookie' (cookie ids).
// Counts are sessions holding data in a category.
import { createClient, type RedisClientType } from 'redis';
import type { DataCategory } from '../domain/fulfilment';
import { EXPORT_BATCH_SIZE, type DataStore, type ExportedRecord, type SubjectKeys } from './data-store';
import { eraseByCategory } from './erase-by-category';
import { subjectHash } from './subject-hash';

export type RedisClient = RedisClientType;

/** Hands out a connected client; lets the store be built before Redis is reached. */
export type RedisProvider = () => Promise<RedisClient>;

// The session itself comes last: its erasure removes the keys, which must stay while a
// hold keeps a device or cookie id attributable to the subject.
const CATEGORIES = ['device', 'cookie', 'session'] as const;
type Category = (typeof CATEGORIES)[number];

const FIELDS: Record<Category, readonly string[]> = {
  device: ['deviceId'],
  cookie: ['cookieIds'],
  session: ['startedAt', 'lastSeenAt', 'lastIp'],
};

/** The index set listing one subject's session keys. */
export const subjectIndexKey = (email: string) => `subject-keys:${subjectHash(email)}`;

/** The key of the subject's n-th session. */
export const sessionKey = (email: string, n: number) => `session:${subjectHash(email)}:${n}`;

function isCategory(category: DataCategory): category is Category {
  return (CATEGORIES as readonly string[]).includes(category);
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

/** The redis-sessions store. */
export function createRedisSessionsStore(redis: RedisProvider): DataStore {
  const name = 'redis-sessions';
  const known = (c: DataCategory): Category => {
    if (!isCategory(c)) throw new Error(`Store ${name} has no category "${c}".`);
    return c;
  };

  /** The subject's sessions as they are now, by key; keys listed but gone are skipped. */
  async function sessions(subject: SubjectKeys): Promise<Array<{ key: string; fields: Record<string, string> }>> {
    const client = await redis();
    const keys = (await client.sMembers(subjectIndexKey(subject.email))).sort(byNumber);
    const all = await Promise.all(keys.map(async (key) => ({ key, fields: (await client.hGetAll(key)) as Record<string, string> })));
    return all.filter((s) => Object.keys(s.fields).length > 0);
  }

  const holding = (fields: Record<string, string>, c: Category) => FIELDS[c].some((f) => fields[f] !== undefined);

  return {
    name,
    categories: CATEGORIES,
    correctable: [],

    async locate(subject) {
      const found = await sessions(subject);
      return Object.fromEntries(CATEGORIES.map((c) => [c, found.filter((s) => holding(s.fields, c)).length]));
    },

    // SSCAN over the subject's index set, a batch of keys at a time, rather than SMEMBERS of all.
    async *exportStream(subject): AsyncGenerator<ExportedRecord> {
      const client = await redis();
      for await (const batch of client.sScanIterator(subjectIndexKey(subject.email), { COUNT: EXPORT_BATCH_SIZE })) {
        const keys = [...batch].sort(byNumber);
        const found = await Promise.all(keys.map(async (key) => ({ key, fields: (await client.hGetAll(key)) as Record<string, string> })));
        for (const s of found) {
          for (const c of CATEGORIES) {
            if (holding(s.fields, c)) yield { category: c, record: { session: sessionNumber(s.key), ...Object.fromEntries(FIELDS[c].map((f) => [f, s.fields[f] ?? null])) } };
          }
        }
      }
    },

    async erase(subject, protectedNow) {
      const client = await redis();
      return eraseByCategory(
        {
          categories: CATEGORIES,
          count: async (c) => (await sessions(subject)).filter((s) => holding(s.fields, known(c))).length,
          clear: async (c) => {
            const hit = (await sessions(subject)).filter((s) => holding(s.fields, known(c)));
            await Promise.all(hit.map((s) => client.hDel(s.key, [...FIELDS[known(c)]])));
            return hit.length;
          },
          removeRows: async () => {
            const index = subjectIndexKey(subject.email);
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
