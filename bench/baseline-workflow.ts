// The baselines for end-to-end throughput: a bare workflow that runs `count` no-op
// activities one after another on its own task queue, then `localCount` no-op local
// activities (the same shape as a request that runs its database steps locally), and nothing else.
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type * as activities from './baseline-activities';

const { noop } = proxyActivities<typeof activities>({ startToCloseTimeout: '30 seconds' });
const local = proxyLocalActivities<typeof activities>({ startToCloseTimeout: '30 seconds' });

export async function baselineWorkflow(count: number, localCount = 0): Promise<number> {
  for (let i = 0; i < count; i++) await noop(i);
  for (let i = 0; i < localCount; i++) await local.noop(i);
  return count + localCount;
}
