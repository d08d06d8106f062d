// Section 1: fully automatic ACCESS requests end to end (start -> reply mail received) on
// the real server, database and SMTP catcher, against a bare workflow that runs as many
// no-op activities as one such request runs, on the same Temporal server.
import { randomUUID } from 'node:crypto';
import { watchMail, type MailWatch } from './mail-watch';
import { percentile, progress, round, runBounded } from './stats';
import type { BenchStack } from './stack';
import { startAccessRequest } from './subject-requests';

const REPLY_SUBJECT = 'The personal information we hold about you';

export interface RunFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
}

export interface ThroughputResult {
  requests: number;
  concurrency: number;
  activitiesPerRequest: number;
  real: RunFigures;
  baseline: RunFigures;
}

/** Runs `count` jobs with bounded concurrency; each returns its end time (epoch ms). */
export async function measure(label: string, count: number, concurrency: number, job: () => Promise<number>): Promise<RunFigures> {
  const latencies: number[] = [];
  const tick = progress(label, count);
  const t0 = Date.now();
  let last = t0;
  await runBounded(count, concurrency, async () => {
    const start = Date.now();
    const end = await job();
    latencies.push(end - start);
    last = Math.max(last, end);
    tick();
  });
  return { requestsPerSecond: round(count / ((last - t0) / 1000)), p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
}

/** One automatic request: resolves with the time its reply mail was received. */
export async function oneRequest(stack: BenchStack, watch: MailWatch, taskQueue = stack.taskQueue): Promise<number> {
  const email = `bench-${randomUUID()}@example.org`;
  const arrived = watch.arrival(email, REPLY_SUBJECT);
  await startAccessRequest(stack, email, true, taskQueue);
  return arrived;
}

/** Counts the activities a fully automatic ACCESS request schedules, from its real history. */
async function activitiesOfOneRequest(stack: BenchStack, watch: MailWatch): Promise<number> {
  const email = `bench-${randomUUID()}@example.org`;
  const arrived = watch.arrival(email, REPLY_SUBJECT);
  const workflowId = await startAccessRequest(stack, email, true);
  await arrived;
  const handle = stack.client.workflow.getHandle(workflowId);
  await handle.result();
  const history = await handle.fetchHistory();
  return (history.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes).length;
}

export async function benchThroughput(stack: BenchStack, requests: number, concurrency: number): Promise<ThroughputResult> {
  console.log(`\n[1] End-to-end throughput: ${requests} automatic ACCESS requests, ${concurrency} in flight`);
  const watch = watchMail(stack.mail);
  try {
    const activitiesPerRequest = await activitiesOfOneRequest(stack, watch);
    console.log(`  one automatic ACCESS request schedules ${activitiesPerRequest} activities (from its history)`);
    const bare = () =>
      stack.bareClient.workflow
        .execute('baselineWorkflow', { taskQueue: stack.baselineTaskQueue, workflowId: `baseline-${randomUUID()}`, args: [activitiesPerRequest] })
        .then(() => Date.now());
    // Warm both paths (bundles loaded, connections open) before timing.
    await measure('warm-up real', concurrency, concurrency, () => oneRequest(stack, watch));
    await measure('warm-up baseline', concurrency, concurrency, bare);
    const real = await measure('real', requests, concurrency, () => oneRequest(stack, watch));
    console.log(`  real: ${real.requestsPerSecond} req/s, p50 ${real.p50Ms} ms, p95 ${real.p95Ms} ms`);
    const baseline = await measure('baseline', requests, concurrency, bare);
    console.log(`  baseline: ${baseline.requestsPerSecond} wf/s, p50 ${baseline.p50Ms} ms, p95 ${baseline.p95Ms} ms`);
    return { requests, concurrency, activitiesPerRequest, real, baseline };
  } finally {
    watch.stop();
  }
}
