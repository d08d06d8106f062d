// The product's worker as a separate process (the worker entry of app/run-entry.ts, configured
// by environment as in production, without the production settings check: the bench has no Redis or processors) on a task queue of the bench's Temporal server: to measure one worker's own
// memory, and to add a second worker to the same queue.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import type { BenchStack } from './stack';

const ROOT = path.resolve(__dirname, '..');
const MiB = 1024 * 1024;

export interface WorkerProcess {
  pid: number;
  /** The process's resident memory now, from /proc. */
  rssMiB(): number;
  stop(): Promise<void>;
}

/** Resident set size of a process in MiB (Linux /proc). */
function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Math.round((Number(line[1]) * 1024 * 10) / MiB) / 10 : NaN;
}

/** Starts drills/worker-process.ts through scripts/run-worker.sh with the bench's database, Temporal, SMTP catcher and keys. */
export function startWorkerProcess(stack: BenchStack, taskQueue: string): WorkerProcess {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: stack.databaseUrl,
    TEMPORAL_ADDRESS: stack.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(stack.mail.port),
    DSR_ENCRYPTION_KEYS: stack.keys.spec,
    DSR_ENCRYPTION_KEY_ID: stack.keys.currentKeyId,
    DSR_IDENTITY_PEPPER: stack.identityPepper,
    STAFF_MAIL_TO: 'compliance@example.test',
    FILE_STORE_DIR: mkdtempSync(path.join(os.tmpdir(), 'dsr-bench-files-')),
    // The workflow cache's and heap's sizing, when the bench is run with others (README, Configuration).
    ...(process.env.WORKER_HEAP_MIB && { WORKER_HEAP_MIB: process.env.WORKER_HEAP_MIB }),
    ...(process.env.WORKER_MEMORY_BUDGET_MIB && { WORKER_MEMORY_BUDGET_MIB: process.env.WORKER_MEMORY_BUDGET_MIB }),
    ...(process.env.WORKER_MAX_CACHED_WORKFLOWS && { WORKER_MAX_CACHED_WORKFLOWS: process.env.WORKER_MAX_CACHED_WORKFLOWS }),
    // Node options for the worker alone (e.g. a bounded heap), never for the bench's own process.
    ...(process.env.BENCH_WORKER_NODE_OPTIONS && { NODE_OPTIONS: process.env.BENCH_WORKER_NODE_OPTIONS }),
  };
  // With the worker's own process settings (bounded heap, malloc arenas), as `npm run worker`;
  // the script execs node, so the child's pid is the worker's own.
  const child = spawn('sh', ['scripts/run-worker.sh', 'drills/worker-process.ts'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping = false;
  child.once('exit', (code) => {
    if (!stopping) console.error(`  worker process ${child.pid} exited (${code}):\n${stderr}`);
  });
  return {
    pid: child.pid!,
    rssMiB: () => rssOf(child.pid!),
    async stop() {
      stopping = true;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Waits until `count` workers poll the task queue for workflow tasks (a fresh queue each time). */
export async function waitForPollers(stack: BenchStack, taskQueue: string, count: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { pollers } = await stack.client.workflowService.describeTaskQueue({
      namespace: 'default',
      taskQueue: { name: taskQueue },
      taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    if ((pollers?.length ?? 0) >= count) return;
    if (Date.now() > deadline) throw new Error(`${count} worker(s) did not poll ${taskQueue} within ${timeoutMs / 1000} s.`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Starts `count` worker processes on the queue and waits until all of them poll it. */
export async function startWorkers(stack: BenchStack, taskQueue: string, count: number): Promise<WorkerProcess[]> {
  const workers = Array.from({ length: count }, () => startWorkerProcess(stack, taskQueue));
  await waitForPollers(stack, taskQueue, count);
  return workers;
}
