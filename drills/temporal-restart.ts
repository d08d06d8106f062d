// Drill 2: the Temporal dev server (file-backed) is stopped mid-run and started again on
// the same port and file. Worker and clients must reconnect; no workflow may be lost.
import type { Drill } from './drill';

export const TEMPORAL_DOWN_MS = 10_000;

export function temporalRestartDrill(downMs = TEMPORAL_DOWN_MS): Drill {
  return {
    name: 'temporal-restart',
    fault: `Temporal dev server stopped for ${downMs / 1000} s, restarted on the same port and database file`,
    async inject({ stack, event, sleep, closedShare }) {
      await closedShare(0.1);
      await stack.temporal.stop();
      event('Temporal dev server stopped');
      await sleep(downMs);
      await stack.temporal.start();
      event('Temporal dev server started again');
    },
  };
}
