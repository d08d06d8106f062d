// `npm run seed [-- --subjects N]`: fills every connected store with N generated subjects
// (default 200), over the same environment as the app: DATABASE_URL (migrated), and when
// set REDIS_URL, MARKETING_DATABASE_URL and FILE_STORE_DIR (default .data/files).
import { parseArgs } from 'node:util';
import { createDb } from '../db/prisma';
import { DEFAULT_SUBJECTS, seedEstateOver } from '../devtools/estate-seed';
import { DEFAULT_FILE_STORE_DIR } from '../stores/file-store';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { subjects: { type: 'string', default: String(DEFAULT_SUBJECTS) } } });
  const subjects = Number(values.subjects);
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to the engine’s (migrated) database.');
  const db = createDb(process.env.DATABASE_URL);
  try {
    const report = await seedEstateOver(
      db,
      { redisUrl: process.env.REDIS_URL || undefined, marketingDatabaseUrl: process.env.MARKETING_DATABASE_URL || undefined, fileStoreDir: process.env.FILE_STORE_DIR || DEFAULT_FILE_STORE_DIR },
      { subjects },
    );
    console.log(`Seeded ${subjects} subjects (the demo subject li.wei@example.com first). Records per store:`);
    for (const [store, records] of Object.entries(report)) console.log(`  ${store.padEnd(18)} ${records}`);
    const skipped = [!process.env.REDIS_URL && 'redis-sessions (REDIS_URL)', !process.env.MARKETING_DATABASE_URL && 'marketing-db (MARKETING_DATABASE_URL)'].filter(Boolean);
    if (skipped.length > 0) console.log(`Not connected, so not seeded: ${skipped.join(', ')}.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
