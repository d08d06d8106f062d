// One matching rule for the identity key in every store: the address is compared trimmed and
// case-insensitively. A subject who writes `Li.Wei@Example.com` finds, exports and erases the
// rows each store holds as `li.wei@example.com` (and the other way round), and no other person's.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { hashIdentity } from '../../crypto/identity-hash';
import type { DataStore, SubjectKeys } from '../../stores/data-store';
import { createFileStore, subjectFolder } from '../../stores/file-store';
import { normaliseEmail } from '../../stores/identity-key';
import { createRedisSessionsStore, sessionKey, subjectIndexKey, type RedisClient } from '../../stores/redis-sessions-store';
import { testDb } from '../support/database';
import { declaredDemoStores } from '../support/demo-estate';
import { exportedByCategory } from '../support/exported';
import { marketingStoreForTests, nothingProtected, required } from './store-fixtures';

const db = testDb();
const client: RedisClient = createClient({ url: required('REDIS_URL') });
const { pool, marketing } = marketingStoreForTests();
const mainStores = declaredDemoStores();
let root = '';
let stores: DataStore[] = [];
beforeAll(async () => {
  await client.connect();
  root = await mkdtemp(path.join(tmpdir(), 'dsr-email-case-'));
  stores = [...mainStores, createRedisSessionsStore(async () => client), createFileStore(root), marketing];
});
afterAll(async () => {
  await client.quit();
  await rm(root, { recursive: true, force: true });
  await db.$disconnect();
});

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** One record or more in every store, each filed under exactly the spelling given. */
async function seedEverywhere(stored: string) {
  await db.customerAccount.create({ data: { email: stored, fullName: 'Li Wei', phone: '+86 139 0000 0008', plan: 'basic' } });
  await db.serviceLog.createMany({ data: [1, 2].map((i) => ({ email: stored, ipAddress: `10.2.0.${i}`, at: new Date() })) });
  await db.invoice.create({ data: { number: `INV-${randomUUID()}`, email: stored, billingName: 'Li Wei', amount: '12.00', currency: 'CNY' } });
  await db.paymentMethod.create({ data: { email: stored, type: 'card', brand: 'UnionPay', last4: '4242', holderName: 'Li Wei' } });
  // Redis and the file store file the subject under a hash of the normalised address, as the writing services do.
  await client.hSet(sessionKey(stored, 1), { startedAt: '2026-01-01T08:00:00Z', lastSeenAt: '2026-01-01T09:00:00Z', lastIp: '10.2.1.1', deviceId: 'device-1', cookieIds: 'ck-1' });
  await client.sAdd(subjectIndexKey(stored), sessionKey(stored, 1));
  await mkdir(subjectFolder(root, stored), { recursive: true });
  await writeFile(path.join(subjectFolder(root, stored), 'id-scan-front.png'), 'scan');
  await pool.query(`INSERT INTO newsletter_subscription (email, list, consented_at, source, display_name, language) VALUES ($1, 'weekly', now(), 'signup-form', 'Li Wei', 'en')`, [stored]);
}

/** What is left of the spelling in the main database, Redis, the folder and the marketing database. */
async function leftOver(stored: string) {
  return {
    accounts: await db.customerAccount.count({ where: { email: stored } }),
    logs: await db.serviceLog.count({ where: { email: stored } }),
    invoices: await db.invoice.count({ where: { email: stored } }),
    cards: await db.paymentMethod.count({ where: { email: stored } }),
    sessions: await client.sCard(subjectIndexKey(stored)),
    files: (await readdir(subjectFolder(root, stored)).catch(() => [])).length,
    subscriptions: (await pool.query(`SELECT count(*)::int AS n FROM newsletter_subscription WHERE email = $1`, [stored])).rows[0].n as number,
  };
}
const NOTHING = { accounts: 0, logs: 0, invoices: 0, cards: 0, sessions: 0, files: 0, subscriptions: 0 };

test.each([
  ['Li.Wei', 'li.wei'],
  ['li.wei', 'Li.Wei'],
])('when the subject writes %s@Example.com and the stores hold %s@example.com, then every store finds, exports and erases those rows', async (asked, held) => {
  const tag = randomUUID().slice(0, 8);
  const stored = `${held}.${tag}@${held === 'li.wei' ? 'example.com' : 'Example.com'}`;
  const subject: SubjectKeys = { subjectId: randomUUID(), email: ` ${asked}.${tag}@${asked === 'li.wei' ? 'example.com' : 'Example.com'} ` };
  await seedEverywhere(stored);

  for (const store of stores) {
    expect({ store: store.name, found: total(await store.locate(subject)) > 0 }).toEqual({ store: store.name, found: true });
    const exported = Object.values(await exportedByCategory(store, subject)).flat();
    expect({ store: store.name, exported: exported.length > 0 }).toEqual({ store: store.name, exported: true });
  }
  expect(await stores.find((s) => s.name === 'customer-accounts')!.locate(subject)).toEqual({ contact: 1, corporate: 0, account: 1 });
  expect(await stores.find((s) => s.name === 'service-logs')!.locate(subject)).toEqual({ network: 2, device: 0 });

  for (const store of stores) await store.erase(subject, nothingProtected);
  expect(await leftOver(stored)).toEqual(NOTHING);
  for (const store of stores) expect({ store: store.name, left: total(await store.locate(subject)) }).toEqual({ store: store.name, left: 0 });
});

test('when addresses differ only where a LIKE pattern has wildcards, then no store takes one for the other', async () => {
  const tag = randomUUID().slice(0, 8);
  const other = `lixwei${tag}@example.com`;
  await db.customerAccount.create({ data: { email: other, fullName: 'Not the subject', plan: 'basic' } });
  await db.serviceLog.create({ data: { email: other, ipAddress: '10.3.0.1', at: new Date() } });
  const subject: SubjectKeys = { subjectId: randomUUID(), email: `Li_Wei${tag}@Example.com` };
  for (const store of stores) expect({ store: store.name, found: total(await store.locate(subject)) }).toEqual({ store: store.name, found: 0 });
  for (const store of stores) await store.erase(subject, nothingProtected);
  expect(await db.customerAccount.count({ where: { email: other } })).toBe(1);
  expect(await db.serviceLog.count({ where: { email: other } })).toBe(1);
});

test('when a subject submits two spellings of one address, then intake hashes them alike, by the same rule the stores match with', () => {
  expect(normaliseEmail('  Li.Wei@Example.com ')).toBe('li.wei@example.com');
  expect(hashIdentity('pepper', 'Li.Wei@Example.com')).toBe(hashIdentity('pepper', 'li.wei@example.com'));
  expect(subjectFolder('/root', 'Li.Wei@Example.com')).toBe(subjectFolder('/root', 'li.wei@example.com'));
  expect(subjectIndexKey('Li.Wei@Example.com')).toBe(subjectIndexKey('li.wei@example.com'));
});
