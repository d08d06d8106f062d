// Scale-out: the end-to-end throughput with one worker process on a task queue, then with
// two on another, each run as section 1 runs its requests. What the second worker adds is
// the ratio; on a small machine the two share its cores with Temporal and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { measure, oneRequest, type RunFigures } from './e2e-throughput';
import { watchMail } from './mail-watch';
import type { BenchStack } from './stack';
import { startWorkers } from './worker-process';

export interface ScaleOutResult {
  requests: number;
  concurrency: number;
  oneWorker: RunFigures;
  twoWorkers: RunFigures;
}

async function withWorkers(stack: BenchStack, count: number, requests: number, concurrency: number): Promise<RunFigures> {
  const taskQueue = `dsr-scale-${count}-${randomUUID()}`;
  const workers = await startWorkers(stack, taskQueue, count);
  const watch = watchMail(stack.mail);
  try {
    await measure(`warm-up, ${count} worker(s)`, concurrency, concurrency, () => oneRequest(stack, watch, taskQueue));
    const figures = await measure(`${count} worker process(es)`, requests, concurrency, () => oneRequest(stack, watch, taskQueue));
    console.log(`  ${count} worker process(es): ${figures.requestsPerSecond} req/s, p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms`);
    return figures;
  } finally {
    watch.stop();
    await Promise.all(workers.map((w) => w.stop()));
  }
}

export async function benchScaleOut(stack: BenchStack, requests: number, concurrency: number): Promise<ScaleOutResult> {
  console.log(`\n[2] Scale-out: ${requests} automatic ACCESS requests, ${concurrency} in flight, on 1 then 2 worker processes`);
  const oneWorker = await withWorkers(stack, 1, requests, concurrency);
  const twoWorkers = await withWorkers(stack, 2, requests, concurrency);
  return { requests, concurrency, oneWorker, twoWorkers };
}
