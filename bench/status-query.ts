// Section 6: N open requests waiting on verification, on a worker process of their own.
// That worker's memory before and after they are all waiting, then the latency of
// statusQuery against describe() on a sample of the same workflows, and of the status read
// the portal, API and console do (server/use-cases/request-status.ts, the request's row)
// against a plain SELECT of the row by its primary key.
import { randomUUID } from 'node:crypto';
import { requestStatus } from '../server/use-cases/request-status';
import { statusQuery } from '../workflows/messages';
import { watchMail } from './mail-watch';
import { percentile, progress, round, runBounded, since } from './stats';
import type { BenchStack } from './stack';
import { startAccessRequest } from './subject-requests';
import { startWorkers } from './worker-process';

const CODE_SUBJECT = 'Your identity verification code';
// Queries go one at a time; a sample spread over all of them keeps the section's time in bounds (BENCH_STATUS_SAMPLE).
const MAX_SAMPLE = Number(process.env.BENCH_STATUS_SAMPLE ?? 2000);

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
  /** The status read of the portal and API, and its baseline: SELECT * by primary key. */
  statusReadP50Ms: number;
  statusReadP95Ms: number;
  plainSelectP50Ms: number;
  plainSelectP95Ms: number;
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
  const read: number[] = [];
  const select: number[] = [];
  const tickQ = progress('query, describe, status read, SELECT', sample.length);
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
    const requestId = id.slice('dsr-'.length);
    const runRead = async () => {
      const t = performance.now();
      const view = await requestStatus(stack, requestId);
      read.push(since(t));
      if (view.awaiting !== 'SUBJECT_VERIFICATION') throw new Error(`Request ${id} reads ${view.status}, not awaiting verification.`);
    };
    const runSelect = async () => {
      const t = performance.now();
      await stack.db.$queryRaw`SELECT * FROM "DsrRequest" WHERE id = ${requestId}::uuid`;
      select.push(since(t));
    };
    if (i % 2 === 0) await runQuery().then(runDescribe).then(runRead).then(runSelect);
    else await runDescribe().then(runQuery).then(runSelect).then(runRead);
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
    statusReadP50Ms: r(read, 50),
    statusReadP95Ms: r(read, 95),
    plainSelectP50Ms: r(select, 50),
    plainSelectP95Ms: r(select, 95),
  };
  console.log(`  status read (the row) p50 ${result.statusReadP50Ms} ms, p95 ${result.statusReadP95Ms} ms; plain SELECT p50 ${result.plainSelectP50Ms} ms, p95 ${result.plainSelectP95Ms} ms`);
  console.log(`  statusQuery p50 ${result.queryP50Ms} ms, p95 ${result.queryP95Ms} ms; describe() p50 ${result.describeP50Ms} ms, p95 ${result.describeP95Ms} ms`);
  return result;
}
