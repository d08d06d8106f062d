// The zero-setup database for `npm start`: PostgreSQL (PGlite) from @prisma/dev, kept on
// disk between runs. It serves one connection at a time, so callers use a pool of one.
import { startPrismaDevServer } from '@prisma/dev';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** Starts the embedded database on the given ports and returns its URL. */
export async function startEmbeddedDatabase(basePort: number): Promise<EmbeddedDatabase> {
  const server = await startPrismaDevServer({
    name: 'dsr-engine',
    persistenceMode: 'stateful',
    port: basePort,
    databasePort: basePort + 1,
    shadowDatabasePort: basePort + 2,
  });
  return { url: server.database.connectionString, stop: () => server.close() };
}
