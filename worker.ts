// The request worker: runs request workflows and their activities on the task queue. The
// process that runs it is scripts/worker.ts (`npm run worker`); the assembly is app/engine.ts.
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from './activities';
import type { Keyring } from './crypto/keyring';
import { encryptedDataConverter } from './temporal/data-converter';

export interface DsrWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  keyring: Keyring;
  /** A prebuilt bundle (tests build it once); otherwise the workflows are bundled here. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

/** The memory the worker's sticky workflow cache may take, in MiB (WORKER_MEMORY_BUDGET_MIB).
 *  Requests mostly wait (on a code, a fee, a person), so a cache bounded by memory keeps the
 *  worker flat however many are open: an evicted request is replayed from its history when it
 *  next has work, and status pages read the database, so a wait costs nothing. With the
 *  worker's bounded heap (scripts/run-worker.sh) one worker measured 436 MiB with 10,000
 *  waiting, 248 MiB idle (docs/measurements.md). */
export const DEFAULT_WORKFLOW_CACHE_MIB = 128;

/** What one cached request workflow costs the worker, measured with `npm run bench`
 *  (RSS growth over cached workflows: 0.4 to 0.7 MiB each, the upper end taken). */
export const CACHED_WORKFLOW_MIB = 0.5;

/** Workflows to keep cached: WORKER_MAX_CACHED_WORKFLOWS when set, else as many as the budget holds. */
export function cachedWorkflowsFor(env: NodeJS.ProcessEnv = process.env): number {
  if (env.WORKER_MAX_CACHED_WORKFLOWS) return Number(env.WORKER_MAX_CACHED_WORKFLOWS);
  const budgetMiB = Number(env.WORKER_MEMORY_BUDGET_MIB ?? DEFAULT_WORKFLOW_CACHE_MIB);
  return Math.max(1, Math.floor(budgetMiB / CACHED_WORKFLOW_MIB));
}

/** Local database steps run at once (workflows/acts.ts): as many as the process's database
 *  pool holds (pg's default, 10). More would only wait for a connection, fail after Prisma's
 *  two seconds (P2028) and retry with back-off inside their workflow task; fewer queue in the
 *  worker instead, each taking its connection at once. */
export const DATABASE_STEPS_AT_ONCE = 10;

/** Creates a worker for the request workflows with encrypted payloads. */
export function createDsrWorker(opts: DsrWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath: require.resolve('./workflows') }),
    activities: createActivities(opts.deps),
    dataConverter: encryptedDataConverter(opts.keyring),
    maxCachedWorkflows: cachedWorkflowsFor(),
    maxConcurrentLocalActivityExecutions: DATABASE_STEPS_AT_ONCE,
  });
}
