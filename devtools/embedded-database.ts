// The zero-setup database for `npm start`: PostgreSQL (PGlite) through @prisma/dev's database
// server, kept on disk in the checkout's .data between runs. Its own folder per checkout: the
// default of @prisma/dev (a fixed name in the user's data folder) made a second clone find
// the first one's database. It serves one connection at a time, so callers use a pool of one.
import { startDBServer } from '@prisma/dev/internal/db';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  /** The PGlite data folder. */
  dir: string;
  stop(): Promise<void>;
}

/** Starts the embedded database kept in `<dataDir>/embedded-db/<name>` on the port (0 picks one). */
export async function startEmbeddedDatabase(dataDir: string, port: number, name = 'main'): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir, 'embedded-db', name);
  mkdirSync(dir, { recursive: true });
  const server = await startDBServer('database', {
    pgliteDataDirPath: dir,
    databasePort: port,
    shadowDatabasePort: 0,
    databaseConnectTimeoutMillis: 60_000,
    databaseIdleTimeoutMillis: Infinity,
    shadowDatabaseConnectTimeoutMillis: 60_000,
    shadowDatabaseIdleTimeoutMillis: Infinity,
    debug: false,
    dryRun: false,
  });
  return { url: server.connectionString, dir, stop: () => server.close() };
}
