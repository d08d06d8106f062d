// Starts the daily retention purge unless it already runs: every process that starts a worker
// calls this, and only the first start takes effect.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { RETENTION_PURGE_WORKFLOW_ID, type retentionPurgeWorkflow } from '../workflows/retention-purge';

/** Starts the retention workflow on the task queue; a no-op when it is already running. */
export async function startRetentionPurge(client: Client, taskQueue: string): Promise<void> {
  try {
    await client.workflow.start<typeof retentionPurgeWorkflow>('retentionPurgeWorkflow', { taskQueue, workflowId: RETENTION_PURGE_WORKFLOW_ID });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
