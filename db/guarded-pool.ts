// A pg pool that a database restart cannot crash. pg emits 'error' on a client when the
// server ends its connection (a restart's "terminating connection due to administrator
// command"); the pool listens only while the client is idle, and a client checked out by a
// query or a transaction (Kysely, Prisma's driver adapter) may get it with no listener, which
// ends the Node process. Every client here keeps a listener for its whole life: the failed
// query fails and is retried by its activity, and pg drops the broken client from the pool.
import pg from 'pg';

/** Logs the failure by its code only: a connection error carries no personal data, but a
 *  server's message may quote a statement, so the message is not logged. */
function warn(label: string) {
  return (err: NodeJS.ErrnoException & { code?: string }) => console.warn(`${label}: connection problem (${err.code ?? err.name})`);
}

/** Opens a pool (lazily: nothing connects before the first query) whose clients' errors are handled. */
export function guardedPool(config: pg.PoolConfig, label: string): pg.Pool {
  const pool = new pg.Pool(config);
  const onError = warn(label);
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}
