// Section 6: N open requests waiting on verification, on a worker process of their own.
// That worker's memory before and after they are all waiting, then the latency of
// statusQuery against describe() on a sample of the same workflows.
import { randomUUID } from 'node:crypto';
import { statusQuery } from '../workflows/messages';
import { watchMail } from './mail-watch';
import { percentile, progress, round, runBounded, since } from './stats';
import type { BenchStack } from './stack';
import { startAccessRequest } from './subject-requests';
import { startWorkers } from './worker-process';

const CODE_SUBJECT = 'Your identity verification code';
// Queries go one at a time; a sample spread over all of them keeps the section's time in bounds.
const MAX_SAMPLE = 2000;

export interface StatusQueryResult {
  openRequests: number;
  sampled: number;
  /** The worker process's resident memory once polling, and once all are waiting. */
  workerRssBeforeMiB: number;
  workerRssAfterMiB: number;
  queryP50Ms: number;
  queryP95Ms: number;
  describeP50Ms: number;
  describeP95Ms: number;
}

export async function benchStatusQuery(stack: BenchStack, open: number): Promise<StatusQueryResult> {
  console.log(`\n[6] Status query: ${open} open requests awaiting verification, on one worker process`);
  const taskQueue = `dsr-open-${randomUUID()}`;
  const [worker] = await startWorkers(stack, taskQueue, 1);
  try {
    return await measureOpen(stack, worker!.rssMiB, taskQueue, open);
  } finally {
    await worker!.stop();
  }
}

async function measureOpen(stack: BenchStack, rssMiB: () => number, taskQueue: string, open: number): Promise<StatusQueryResult> {
  const before = rssMiB();
  console.log(`  worker RSS before: ${before} MiB`);
  const watch = watchMail(stack.mail);
  const ids: string[] = [];
  const tick = progress('waiting on verification', open);
  // A request is settled in its wait once its code mail has arrived.
  await runBounded(open, 50, async () => {
    const email = `waiting-${randomUUID()}@example.org`;
    const mailed = watch.arrival(email, CODE_SUBJECT);
    ids.push(await startAccessRequest(stack, email, false, taskQueue));
    await mailed;
    tick();
  });
  watch.stop();
  const after = rssMiB();
  console.log(`  worker RSS with ${open} waiting: ${after} MiB`);

  // One call of each per sampled workflow, one at a time, alternating which goes first.
  const step = Math.max(1, Math.ceil(ids.length / MAX_SAMPLE));
  const sample = ids.filter((_, i) => i % step === 0);
  const query: number[] = [];
  const describe: number[] = [];
  const tickQ = progress('query + describe', sample.length);
  for (const [i, id] of sample.entries()) {
    const handle = stack.client.workflow.getHandle(id);
    const runQuery = async () => {
      const t = performance.now();
      const s = await handle.query(statusQuery);
      query.push(since(t));
      if (s.awaiting !== 'SUBJECT_VERIFICATION') throw new Error(`Request ${id} is ${s.status}, not awaiting verification.`);
    };
    const runDescribe = async () => {
      const t = performance.now();
      await handle.describe();
      describe.push(since(t));
    };
    if (i % 2 === 0) await runQuery().then(runDescribe);
    else await runDescribe().then(runQuery);
    tickQ();
  }
  const r = (xs: number[], p: number) => round(percentile(xs, p), 2);
  const result = {
    openRequests: open,
    sampled: sample.length,
    workerRssBeforeMiB: before,
    workerRssAfterMiB: after,
    queryP50Ms: r(query, 50),
    queryP95Ms: r(query, 95),
    describeP50Ms: r(describe, 50),
    describeP95Ms: r(describe, 95),
  };
  console.log(`  statusQuery p50 ${result.queryP50Ms} ms, p95 ${result.queryP95Ms} ms; describe() p50 ${result.describeP50Ms} ms, p95 ${result.describeP95Ms} ms`);
  return result;
}
