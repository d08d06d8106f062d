// The zero-setup database for `npm start`: PostgreSQL (PGlite) from @prisma/dev, kept on
// disk between runs. It serves one connection at a time, so callers use a pool of one.
import { startPrismaDevServer } from '@prisma/dev';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** Starts the embedded database of that name on the given ports and returns its URL. */
export async function startEmbeddedDatabase(basePort: number, name = 'dsr-engine'): Promise<EmbeddedDatabase> {
  const server = await startPrismaDevServer({
    name,
    persistenceMode: 'stateful',
    port: basePort,
    databasePort: basePort + 1,
    shadowDatabasePort: basePort + 2,
  });
  return { url: server.database.connectionString, stop: () => server.close() };
}
