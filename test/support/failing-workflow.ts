// A workflow that fails on purpose with a message holding personal data, once in an activity
// and once in the workflow itself, for the test that failures are encrypted in history.
import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';

export interface FailingActivities {
  failWith(message: string): Promise<void>;
}

const { failWith } = proxyActivities<FailingActivities>({ startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 1 } });

/** Runs the failing activity, then fails the workflow with `message` itself. */
export async function failingWorkflow(message: string): Promise<void> {
  try {
    await failWith(message);
  } catch {
    // The activity's failure is recorded; the workflow's own follows.
  }
  throw ApplicationFailure.nonRetryable(`workflow: ${message}`, 'TestFailure');
}
