// Starts the daily purge of expired access packages unless it already runs: every process
// that starts a worker calls this, and only the first start takes effect.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { PURGE_ACCESS_PACKAGES_WORKFLOW_ID, type purgeAccessPackagesWorkflow } from '../workflows/purge-access-packages';

/** Starts the purge workflow on the task queue; a no-op when it is already running. */
export async function startAccessPackagePurge(client: Client, taskQueue: string): Promise<void> {
  try {
    await client.workflow.start<typeof purgeAccessPackagesWorkflow>('purgeAccessPackagesWorkflow', { taskQueue, workflowId: PURGE_ACCESS_PACKAGES_WORKFLOW_ID });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
