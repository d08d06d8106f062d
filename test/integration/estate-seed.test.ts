// The estate seeder against the real stores: every generated subject is found by every
// connected store's own connector, and a second run adds nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { createClient } from 'redis';
import { DEMO_SUBJECT_EMAIL, seedEstate } from '../../devtools/estate-seed';
import { people } from '../../devtools/estate/people';
import type { DataStore } from '../../stores/data-store';
import { createFileStore } from '../../stores/file-store';
import { createRedisSessionsStore, type RedisClient } from '../../stores/redis-sessions-store';
import { testDb } from '../support/database';
import { required } from './store-fixtures';
import { declaredDemoStores, demoStore } from '../support/demo-estate';

const SUBJECTS = 6;
const db = testDb();
const pool = new Pool({ connectionString: required('MARKETING_DATABASE_URL'), max: 2 });
const demo = declaredDemoStores({ marketing: true });
const redis: RedisClient = createClient({ url: required('REDIS_URL') });
let root = '';
let stores: DataStore[] = [];
beforeAll(async () => {
  await redis.connect();
  root = await mkdtemp(path.join(tmpdir(), 'dsr-estate-'));
  stores = [...demo.filter((s) => s.name !== 'marketing-db'), createRedisSessionsStore(async () => redis), createFileStore(root), demoStore(demo, 'marketing-db')];
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await redis.quit();
  await pool.end();
  await db.$disconnect();
});

/** What each store finds of each seeded subject, by store name then address. */
async function located() {
  const found: Record<string, Record<string, Record<string, number>>> = {};
  for (const store of stores) {
    found[store.name] = {};
    for (const p of people(SUBJECTS)) found[store.name]![p.email] = await store.locate({ subjectId: `seed-${p.index}`, email: p.email });
  }
  return found;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe('estate seed', () => {
  test('when N subjects are seeded, then each is in every connected store, and seeding again duplicates nothing', async () => {
    const targets = { db, redis, marketingDb: pool, fileStoreDir: root };
    const first = await seedEstate(targets, { subjects: SUBJECTS });
    expect(Object.keys(first).sort()).toEqual(['billing', 'customer-accounts', 'files', 'marketing-db', 'redis-sessions', 'service-logs']);

    const after = await located();
    for (const store of stores) {
      for (const p of people(SUBJECTS)) expect([store.name, p.email, total(after[store.name]![p.email]!) > 0]).toEqual([store.name, p.email, true]);
    }
    // Every category of every store is represented somewhere in the estate.
    for (const store of stores) {
      for (const category of store.categories) expect([store.name, category, Object.values(after[store.name]!).some((c) => (c[category] ?? 0) > 0)]).toEqual([store.name, category, true]);
    }
    const everyone = people(SUBJECTS);
    expect(everyone[0]?.email).toBe(DEMO_SUBJECT_EMAIL);
    expect(everyone.some((p) => /[\u4e00-\u9fff]/.test(p.fullName))).toBe(true);
    expect(everyone.some((p) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(p.fullName))).toBe(true);

    expect(await seedEstate(targets, { subjects: SUBJECTS })).toEqual(first);
    expect(await located()).toEqual(after);
  });

  test('when only the main database is connected, then only its stores are seeded', async () => {
    expect(Object.keys(await seedEstate({ db }, { subjects: 1 })).sort()).toEqual(['billing', 'customer-accounts', 'service-logs']);
    await expect(seedEstate({ db }, { subjects: 0 })).rejects.toThrow('The number of subjects must be a whole number of at least 1.');
  });
});
