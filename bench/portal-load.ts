// Intake under load: N calls of POST /api/requests (each starts a request workflow and
// mails a code) from `clients` concurrent clients, against the same number of calls of a
// trivial route on the same server (GET /portal, the form page: no database, no Temporal).
// The requests are worked by a worker.ts process of its own, as in production: the server's
// process runs no workflows, so its latency is the API's own.
import { randomUUID } from 'node:crypto';
import { watchMail } from './mail-watch';
import { percentile, progress, round, runBounded, runPaced, since } from './stats';
import type { BenchStack } from './stack';
import { startWorkers } from './worker-process';

export interface LatencyFigures {
  p50Ms: number;
  p99Ms: number;
  perSecond: number;
}

export interface PortalLoadResult {
  calls: number;
  clients: number;
  submit: LatencyFigures;
  baseline: LatencyFigures;
  /** The same clients, each submitting once every `paceMs` (an arrival rate below what the machine can take). */
  paceMs: number;
  pacedSubmit: LatencyFigures;
  pacedBaseline: LatencyFigures;
}

/** Each paced client's interval between submissions: 50 clients at 10 a second, about a third of
 *  what the 2-core bench machine takes flat out, so the latency is the API's own, not a queue's. */
const PACE_MS = Number(process.env.BENCH_PORTAL_PACE_MS ?? 5000);

/** Runs `calls` calls with `clients` in flight, each client calling again as soon as it is
 *  answered, or once every `paceMs` when given; every call must answer `expected`. */
async function load(label: string, calls: number, clients: number, expected: number, call: () => Promise<Response>, paceMs?: number): Promise<LatencyFigures> {
  const latencies: number[] = [];
  const tick = progress(label, calls);
  const t0 = performance.now();
  const run = (task: () => Promise<void>) => (paceMs === undefined ? runBounded(calls, clients, task) : runPaced(calls, clients, paceMs, task));
  await run(async () => {
    const t = performance.now();
    const res = await call();
    await res.arrayBuffer();
    latencies.push(since(t));
    if (res.status !== expected) throw new Error(`${label}: answered ${res.status}, expected ${expected}.`);
    tick();
  });
  const r = (p: number) => round(percentile(latencies, p), 1);
  return { p50Ms: r(50), p99Ms: r(99), perSecond: round(calls / (since(t0) / 1000)) };
}

const CODE_SUBJECT = 'Your identity verification code';

export async function benchPortalLoad(stack: BenchStack, calls: number, clients: number): Promise<PortalLoadResult> {
  console.log(`\n[5] Intake under load: ${calls} submissions from ${clients} concurrent clients, against GET /portal; the worker in a process of its own`);
  // From here on the server's task queue is served by a worker process (later sections use queues of their own).
  await stack.stopInProcessWorker();
  const [worker] = await startWorkers(stack, stack.taskQueue, 1);
  try {
    return await loadPortal(stack, calls, clients);
  } finally {
    await worker!.stop();
  }
}

async function loadPortal(stack: BenchStack, calls: number, clients: number): Promise<PortalLoadResult> {
  const watch = watchMail(stack.mail);
  const coded: Array<Promise<number>> = [];
  const submit = () => {
    const email = `load-${randomUUID()}@example.org`;
    coded.push(watch.arrival(email, CODE_SUBJECT));
    return fetch(`${stack.baseUrl}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, type: 'ACCESS', language: 'en' }),
    });
  };
  const form = () => fetch(`${stack.baseUrl}/portal`);
  // Warm both (connections, the route's first compile) before timing.
  await load('warm-up', clients, clients, 202, submit);
  await load('warm-up', clients, clients, 200, form);
  const baseline = await load('GET /portal', calls, clients, 200, form);
  console.log(`  GET /portal: p50 ${baseline.p50Ms} ms, p99 ${baseline.p99Ms} ms, ${baseline.perSecond}/s`);
  const submitted = await load('POST /api/requests', calls, clients, 202, submit);
  console.log(`  POST /api/requests: p50 ${submitted.p50Ms} ms, p99 ${submitted.p99Ms} ms, ${submitted.perSecond}/s`);
  // A third of the calls again, from the same clients at a human pace (each every PACE_MS).
  const pacedCalls = Math.max(clients, Math.round(calls / 3));
  const pacedBaseline = await load('GET /portal, paced', pacedCalls, clients, 200, form, PACE_MS);
  const pacedSubmit = await load('POST /api/requests, paced', pacedCalls, clients, 202, submit, PACE_MS);
  console.log(`  paced, each client every ${PACE_MS} ms: POST p50 ${pacedSubmit.p50Ms} ms, p99 ${pacedSubmit.p99Ms} ms (${pacedSubmit.perSecond}/s); GET /portal p50 ${pacedBaseline.p50Ms} ms, p99 ${pacedBaseline.p99Ms} ms`);
  // Every accepted submission must reach its code mail; and the next section starts on a settled worker.
  const tick = progress('code mails received', coded.length);
  await Promise.all(coded.map((p) => p.then(tick)));
  watch.stop();
  return { calls, clients, submit: submitted, baseline, paceMs: PACE_MS, pacedSubmit, pacedBaseline };
}
