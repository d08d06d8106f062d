// The baseline for end-to-end throughput: a bare workflow that runs `count` no-op
// activities one after another on its own task queue, and nothing else.
import { proxyActivities } from '@temporalio/workflow';
import type * as activities from './baseline-activities';

const { noop } = proxyActivities<typeof activities>({ startToCloseTimeout: '30 seconds' });

export async function baselineWorkflow(count: number): Promise<number> {
  for (let i = 0; i < count; i++) await noop(i);
  return count;
}
