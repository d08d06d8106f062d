// Section 1: fully automatic ACCESS requests end to end (start -> reply mail received) on
// the real server, database and SMTP catcher, against two bare workflows on the same
// Temporal server: one of the same shape (as many no-op activities and local activities as
// one such request runs, counted from its history) and one with 3 no-op activities.
import { randomUUID } from 'node:crypto';
import { watchMail, type MailWatch } from './mail-watch';
import { percentile, progress, round, runBounded } from './stats';
import type { BenchStack } from './stack';
import { startAccessRequest } from './subject-requests';

// A new subject of whom no store holds anything gets the nothing-held reply; one with data, the package.
const REPLY_SUBJECT = ['The personal information we hold about you', 'We hold no personal information about you'];

export interface RunFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
}

export interface ThroughputResult {
  requests: number;
  concurrency: number;
  /** Activities one request scheduled on the server (ActivityTaskScheduled events). */
  activitiesPerRequest: number;
  /** Local activities it ran in its workflow tasks (local activity markers). */
  localActivitiesPerRequest: number;
  real: RunFigures;
  /** The bare workflow of the same shape. */
  baseline: RunFigures;
  /** The bare workflow with 3 no-op activities. */
  baseline3: RunFigures;
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

/** Counts the activities a fully automatic ACCESS request runs, from its real history:
 *  those scheduled on the server and the local ones (recorded as markers). */
async function activitiesOfOneRequest(stack: BenchStack, watch: MailWatch): Promise<{ scheduled: number; local: number }> {
  const email = `bench-${randomUUID()}@example.org`;
  const arrived = watch.arrival(email, REPLY_SUBJECT);
  const workflowId = await startAccessRequest(stack, email, true);
  await arrived;
  const handle = stack.client.workflow.getHandle(workflowId);
  await handle.result();
  const events = (await handle.fetchHistory()).events ?? [];
  return {
    scheduled: events.filter((e) => e.activityTaskScheduledEventAttributes).length,
    local: events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').length,
  };
}

export async function benchThroughput(stack: BenchStack, requests: number, concurrency: number): Promise<ThroughputResult> {
  console.log(`\n[1] End-to-end throughput: ${requests} automatic ACCESS requests, ${concurrency} in flight`);
  const watch = watchMail(stack.mail);
  try {
    const shape = await activitiesOfOneRequest(stack, watch);
    console.log(`  one automatic ACCESS request runs ${shape.scheduled} activities and ${shape.local} local activities (from its history)`);
    const bare = (count: number, localCount: number) => () =>
      stack.bareClient.workflow
        .execute('baselineWorkflow', { taskQueue: stack.baselineTaskQueue, workflowId: `baseline-${randomUUID()}`, args: [count, localCount] })
        .then(() => Date.now());
    const sameShape = bare(shape.scheduled, shape.local);
    const three = bare(3, 0);
    // Warm every path (bundles loaded, connections open) before timing.
    await measure('warm-up real', concurrency, concurrency, () => oneRequest(stack, watch));
    await measure('warm-up baseline', concurrency, concurrency, sameShape);
    await measure('warm-up baseline, 3 activities', concurrency, concurrency, three);
    const real = await measure('real', requests, concurrency, () => oneRequest(stack, watch));
    console.log(`  real: ${real.requestsPerSecond} req/s, p50 ${real.p50Ms} ms, p95 ${real.p95Ms} ms`);
    const baseline = await measure('baseline', requests, concurrency, sameShape);
    console.log(`  baseline (same shape): ${baseline.requestsPerSecond} wf/s, p50 ${baseline.p50Ms} ms, p95 ${baseline.p95Ms} ms`);
    const baseline3 = await measure('baseline, 3 activities', requests, concurrency, three);
    console.log(`  baseline (3 no-op activities): ${baseline3.requestsPerSecond} wf/s, p50 ${baseline3.p50Ms} ms, p95 ${baseline3.p95Ms} ms`);
    return { requests, concurrency, activitiesPerRequest: shape.scheduled, localActivitiesPerRequest: shape.local, real, baseline, baseline3 };
  } finally {
    watch.stop();
  }
}
