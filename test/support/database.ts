import { createDb, type Db } from '../../db/prisma';

/** The test database prepared by scripts/test.sh (migrated, may hold other tests' rows). */
export function testDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
  return createDb(url);
}
