// The worker as the drills run it: the product's own services and worker, in a process of
// its own so a drill can SIGKILL it. Same as `npm run worker`, except that it may load a
// workflow bundle built once by the drill (DRILL_WORKFLOW_BUNDLE), so a restart is quick.
import { NativeConnection } from '@temporalio/worker';
import { createServices } from '../app/services';
import { loadConfig } from '../config/env';
import { createDsrWorker } from '../worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const services = createServices(config);
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const bundlePath = process.env.DRILL_WORKFLOW_BUNDLE;
  const worker = await createDsrWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    deps: services.activityDeps,
    keyring: services.keyring,
    workflowBundle: bundlePath ? { codePath: bundlePath } : undefined,
  });
  // The parent waits for this line before it counts the worker as up.
  console.log('drill-worker: running');
  await worker.run();
  await services.close();
  await connection.close();
}

main().catch((err) => {
  console.error('drill-worker failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
