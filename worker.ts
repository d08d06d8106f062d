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

/** Workflows kept in the worker's sticky cache. Requests mostly wait (on a code, a fee, a
 *  person), so a bounded cache keeps memory flat however many are open: an evicted one is
 *  replayed from its history when it next has work. The SDK's default sizes the cache from
 *  the heap, about 1.3 GiB of RSS with 10,000 open requests (npm run bench). */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 1000;

/** Creates a worker for the request workflows with encrypted payloads. */
export function createDsrWorker(opts: DsrWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath: require.resolve('./workflows') }),
    activities: createActivities(opts.deps),
    dataConverter: encryptedDataConverter(opts.keyring),
    maxCachedWorkflows: Number(process.env.WORKER_MAX_CACHED_WORKFLOWS ?? DEFAULT_MAX_CACHED_WORKFLOWS),
  });
}
