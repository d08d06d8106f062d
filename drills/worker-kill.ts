// Drill 1: the worker is killed with SIGKILL several times while requests are in
// fulfilment, and started again each time. Activities in flight are abandoned mid-way;
// Temporal retries them after their start-to-close timeout, on the new worker.
import type { Drill } from './drill';

export interface WorkerKillSettings {
  kills: number;
  /** Pause between a restart and the next kill. */
  intervalMs: number;
}

export const WORKER_KILL_DEFAULTS: WorkerKillSettings = { kills: 4, intervalMs: 5000 };

export function workerKillDrill(settings: WorkerKillSettings = WORKER_KILL_DEFAULTS): Drill {
  return {
    name: 'worker-kill',
    fault: `worker SIGKILLed ${settings.kills} times, ${settings.intervalMs / 1000} s apart, restarted each time`,
    async inject({ stack, event, sleep }) {
      for (let i = 1; i <= settings.kills; i++) {
        await sleep(settings.intervalMs);
        await stack.worker.kill();
        event(`SIGKILL worker (${i}/${settings.kills})`);
        const pid = await stack.worker.start();
        event(`worker restarted (pid ${pid})`);
      }
    },
  };
}
