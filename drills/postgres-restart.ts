// Drill 4: PostgreSQL is restarted mid-run. A throwaway cluster of the drill's own (never
// the shared one on 5432) is stopped with `pg_ctl stop -m fast`, kept down, and started.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Drill, OwnDatabase } from './drill';
import { startThrowawayPostgres } from './postgres-cluster';
import { freePort } from './stack';

export const POSTGRES_DOWN_MS = 10_000;

/** A new cluster with a migrated database, on a free port. */
async function throwawayDatabase(): Promise<OwnDatabase> {
  const cluster = await startThrowawayPostgres(await freePort(), 'dsr_drill_pg');
  try {
    execFileSync('npx', ['prisma', 'migrate', 'deploy'], { cwd: path.resolve(__dirname, '..'), env: { ...process.env, DATABASE_URL: cluster.url }, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (err) {
    await cluster.destroy();
    throw err;
  }
  return { url: cluster.url, stop: cluster.stop, start: cluster.start, destroy: cluster.destroy };
}

export function postgresRestartDrill(downMs = POSTGRES_DOWN_MS): Drill {
  return {
    name: 'postgres-restart',
    fault: `PostgreSQL (a throwaway cluster) stopped -m fast for ${downMs / 1000} s, then started`,
    ownDatabase: throwawayDatabase,
    async inject({ database, event, sleep, closedShare }) {
      await closedShare(0.1);
      await database!.stop();
      event('PostgreSQL stopped');
      await sleep(downMs);
      await database!.start();
      event('PostgreSQL started again');
    },
  };
}
