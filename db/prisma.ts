// The application's database client: Prisma over the pg driver adapter (no native engine).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export type Db = PrismaClient;

/** Opens a Prisma client on the given PostgreSQL URL. `maxConnections` is 1 for the
 *  embedded development database, which serves a single connection at a time. */
export function createDb(databaseUrl: string, maxConnections?: number): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: maxConnections }) });
}
