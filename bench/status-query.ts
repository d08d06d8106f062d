// Section 3: N open requests waiting on verification. Worker memory before and after they
// are all waiting, then the latency of statusQuery against describe() on the same workflows.
import { randomUUID } from 'node:crypto';
import { statusQuery } from '../workflows/messages';
import { watchMail } from './mail-watch';
import { percentile, progress, round, runBounded, since } from './stats';
import type { BenchStack } from './stack';
import { startAccessRequest } from './subject-requests';

const CODE_SUBJECT = 'Your identity verification code';
const MiB = 1024 * 1024;

export interface StatusQueryResult {
  openRequests: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  heapUsedBeforeMiB: number;
  heapUsedAfterMiB: number;
  queryP50Ms: number;
  queryP95Ms: number;
  describeP50Ms: number;
  describeP95Ms: number;
}

const memory = () => {
  const m = process.memoryUsage();
  return { rss: round(m.rss / MiB), heap: round(m.heapUsed / MiB) };
};

export async function benchStatusQuery(stack: BenchStack, open: number): Promise<StatusQueryResult> {
  console.log(`\n[3] Status query: ${open} open requests awaiting verification`);
  const before = memory();
  console.log(`  before: RSS ${before.rss} MiB, heap used ${before.heap} MiB`);
  const watch = watchMail(stack.mail);
  const ids: string[] = [];
  const tick = progress('waiting on verification', open);
  // A request is settled in its wait once its code mail has arrived.
  await runBounded(open, 50, async () => {
    const email = `waiting-${randomUUID()}@example.org`;
    const mailed = watch.arrival(email, CODE_SUBJECT);
    ids.push(await startAccessRequest(stack, email, false));
    await mailed;
    tick();
  });
  watch.stop();
  const after = memory();
  console.log(`  after:  RSS ${after.rss} MiB, heap used ${after.heap} MiB`);

  // One call of each per workflow, one at a time, alternating which goes first.
  const query: number[] = [];
  const describe: number[] = [];
  const tickQ = progress('query + describe', ids.length);
  for (const [i, id] of ids.entries()) {
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
    rssBeforeMiB: before.rss,
    rssAfterMiB: after.rss,
    heapUsedBeforeMiB: before.heap,
    heapUsedAfterMiB: after.heap,
    queryP50Ms: r(query, 50),
    queryP95Ms: r(query, 95),
    describeP50Ms: r(describe, 50),
    describeP95Ms: r(describe, 95),
  };
  console.log(`  statusQuery p50 ${result.queryP50Ms} ms, p95 ${result.queryP95Ms} ms; describe() p50 ${result.describeP50Ms} ms, p95 ${result.describeP95Ms} ms`);
  return result;
}
