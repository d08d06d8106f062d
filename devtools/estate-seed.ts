// Fills every connected data store with generated subjects, so that a person trying the
// product (npm start) or measuring it (npm run seed) sees requests fulfilled over a real
// estate: accounts, logs, billing, sessions, documents and marketing, the demo subject
// li.wei@example.com in each. Deterministic, offline, and safe to run again.
import { Pool } from 'pg';
import { createClient } from 'redis';
import type { Db } from '../db/prisma';
import type { RedisClient } from '../stores/redis-sessions-store';
import { people } from './estate/people';
import { seedFiles } from './estate/seed-files';
import { seedMainDb } from './estate/seed-main-db';
import { seedMarketing } from './estate/seed-marketing';
import { seedRedis } from './estate/seed-redis';

export { DEMO_SUBJECT_EMAIL } from './estate/people';

/** Where to write; a store left out is not connected and not seeded. */
export interface EstateTargets {
  db: Db;
  redis?: RedisClient;
  marketingDb?: Pool;
  fileStoreDir?: string;
}

/** The connections as the app's configuration names them (AppConfig['stores']). */
export interface EstateConnections {
  redisUrl?: string;
  marketingDatabaseUrl?: string;
  marketingDatabasePoolMax?: number;
  fileStoreDir?: string;
}

/** Records the seed holds per store (written now or found from an earlier run). */
export type SeedReport = Record<string, number>;

export const DEFAULT_SUBJECTS = 200;

/** Seeds `subjects` people (the demo subject first) into every target given. */
export async function seedEstate(targets: EstateTargets, { subjects = DEFAULT_SUBJECTS }: { subjects?: number } = {}): Promise<SeedReport> {
  if (!Number.isInteger(subjects) || subjects < 1) throw new Error('The number of subjects must be a whole number of at least 1.');
  const everyone = people(subjects);
  const report: SeedReport = { ...(await seedMainDb(targets.db, everyone)) };
  if (targets.redis) report['redis-sessions'] = await seedRedis(targets.redis, everyone);
  if (targets.fileStoreDir) report.files = await seedFiles(targets.fileStoreDir, everyone);
  if (targets.marketingDb) report['marketing-db'] = await seedMarketing(targets.marketingDb, everyone);
  return report;
}

/** Opens the optional stores' connections, seeds, and closes them again. */
export async function seedEstateOver(db: Db, connections: EstateConnections, options: { subjects?: number } = {}): Promise<SeedReport> {
  const redis: RedisClient | undefined = connections.redisUrl ? createClient({ url: connections.redisUrl }) : undefined;
  const marketingDb = connections.marketingDatabaseUrl ? new Pool({ connectionString: connections.marketingDatabaseUrl, max: Math.min(2, connections.marketingDatabasePoolMax ?? 2) }) : undefined;
  try {
    await redis?.connect();
    return await seedEstate({ db, redis, marketingDb, fileStoreDir: connections.fileStoreDir }, options);
  } finally {
    if (redis?.isOpen) await redis.quit();
    await marketingDb?.end();
  }
}
