// The worker: runs request workflows and their activities on the task queue.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from './activities';
import { loadConfig } from './config/env';
import { temporalConnectionSettings, temporalTelemetryOptions } from './config/temporal';
import type { Keyring } from './crypto/keyring';
import { createServices } from './app/services';
import { assertDeclaredStoresLive } from './stores/sql/connections';
import { startAccessPackagePurge } from './temporal/access-package-purge';
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

async function main(): Promise<void> {
  const config = loadConfig();
  // Before the first connection: the runtime's telemetry (Prometheus metrics) is fixed at its creation.
  const telemetryOptions = temporalTelemetryOptions();
  if (telemetryOptions) Runtime.install({ telemetryOptions });
  const services = createServices(config);
  // The declared SQL stores' tables and columns must exist before any request is fulfilled.
  await assertDeclaredStoresLive(services.declaredSql, services.dataMapFileName);
  const connection = await NativeConnection.connect(temporalConnectionSettings(config.temporal.address));
  const worker = await createDsrWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    deps: services.activityDeps,
    keyring: services.keyring,
  });
  // The daily purge of expired access packages runs on this queue; started once, whoever is first.
  const clientConnection = await Connection.connect(temporalConnectionSettings(config.temporal.address));
  await startAccessPackagePurge(new Client({ connection: clientConnection, namespace: config.temporal.namespace, dataConverter: encryptedDataConverter(services.keyring) }), config.temporal.taskQueue);
  await clientConnection.close();
  await worker.run();
  await services.close();
  await connection.close();
}

if (require.main === module) {
  main().catch((err) => {
    console.error('worker failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
