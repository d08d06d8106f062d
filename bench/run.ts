// `npm run bench`: starts the product's real parts once, runs each section (each prints
// as it goes), then prints one table of figures with their same-run baselines and ratios,
// and writes bench/results.json. `-- --quick` runs small sizes; `--open N` sets how many
// requests wait on verification; `--only a,b` runs some sections. Sizes can also be
// overridden by environment variables (bench/README.md).
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchDatabaseUrl } from './database';
import { benchErasure } from './erasure';
import { benchThroughput } from './e2e-throughput';
import { benchPortalLoad } from './portal-load';
import { benchReviewQueue } from './review-queue';
import { benchScaleOut } from './scale-out';
import { startBenchStack } from './stack';
import { benchStatusQuery } from './status-query';
import { round } from './stats';

const SECTIONS = ['throughput', 'scale-out', 'erasure', 'queue', 'portal', 'status'] as const;
type Section = (typeof SECTIONS)[number];

const { values: args } = parseArgs({ options: { quick: { type: 'boolean' }, open: { type: 'string' }, only: { type: 'string' } } });
const quick = args.quick ?? false;
/** An environment override, else the quick or the full size. */
const size = (name: string, full: number, small: number) => Number(process.env[name] ?? (quick ? small : full));
const only = new Set((args.only?.split(',') ?? SECTIONS) as Section[]);
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`Unknown section "${s}"; sections: ${SECTIONS.join(', ')}.`);

type Row = readonly [name: string, measured: number, baseline: number, baselineIs: string];

async function main(): Promise<void> {
  const started = Date.now();
  const databaseUrl = benchDatabaseUrl();
  const stack = await startBenchStack(databaseUrl);
  const requests = size('BENCH_REQUESTS', 200, 40);
  const concurrency = size('BENCH_CONCURRENCY', 20, 10);
  const results: Record<string, unknown> = {};
  const rows: Row[] = [];
  const machine = { cpus: os.cpus().length, memoryGiB: round(os.totalmem() / 1024 ** 3), node: process.version };
  /** Writes what is measured so far: a long run cut short still leaves its finished sections. */
  const save = (complete: boolean) => {
    const durationSeconds = round((Date.now() - started) / 1000);
    const figures = rows.map(([figure, measured, baseline, baselineIs]) => ({ figure: figure.trim(), measured, baseline, baselineIs, ratio: round(measured / baseline, 2) }));
    const file = { date: new Date().toISOString(), machine, quick, complete, durationSeconds, figures, ...results };
    writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(file, null, 2) + '\n');
    return durationSeconds;
  };
  const failed: string[] = [];
  /** Runs one section; one that fails is reported and the others still run. */
  const section = async (name: Section, run: () => Promise<void>) => {
    if (!only.has(name)) return;
    try {
      await run();
    } catch (err) {
      console.error(`\nSection ${name} failed:`, err);
      failed.push(name);
    }
    save(false);
  };
  try {
    await section('throughput', async () => {
      const throughput = (results.throughput = await benchThroughput(stack, requests, concurrency));
      const { real, baseline, baseline3, activitiesPerRequest, localActivitiesPerRequest } = throughput;
      rows.push(
        ['automatic ACCESS requests/s', real.requestsPerSecond, baseline.requestsPerSecond, `no-op workflow/s, same shape (${activitiesPerRequest} + ${localActivitiesPerRequest} local)`],
        ['automatic ACCESS requests/s', real.requestsPerSecond, baseline3.requestsPerSecond, 'no-op workflow/s, 3 activities'],
        ['  p50 start -> reply mail, ms', real.p50Ms, baseline.p50Ms, 'no-op workflow p50'],
        ['  p95 start -> reply mail, ms', real.p95Ms, baseline.p95Ms, 'no-op workflow p95'],
      );
    });
    await section('scale-out', async () => {
      const scale = (results.scaleOut = await benchScaleOut(stack, requests, concurrency));
      rows.push(
        ['requests/s, 2 worker processes', scale.twoWorkers.requestsPerSecond, scale.oneWorker.requestsPerSecond, '1 worker process'],
        ['  p95 start -> reply mail, ms', scale.twoWorkers.p95Ms, scale.oneWorker.p95Ms, '1 worker process'],
      );
    });
    await section('erasure', async () => {
      const erasure = (results.erasure = await benchErasure(
        databaseUrl,
        size('BENCH_ERASE_ROWS', 100_000, 10_000),
        size('BENCH_OTHER_ROWS', 100_000, 10_000),
        size('BENCH_ERASE_ROUNDS', 3, 1),
      ));
      rows.push([`erase ${erasure.subjectRows} rows, 2 tables (declared), ms`, erasure.storeEraseMs, erasure.plainDeleteMs, 'plain SQL DELETEs']);
    });
    await section('queue', async () => {
      const queue = (results.reviewQueue = await benchReviewQueue(stack, size('BENCH_QUEUE_ROWS', 100_000, 10_000), size('BENCH_QUEUE_LOADS', 200, 40)));
      rows.push([`queue page p95 (${queue.totalRequests} rows), ms`, queue.queueP95Ms, queue.plainP95Ms, 'plain SELECT p95']);
    });
    await section('portal', async () => {
      const portal = (results.portal = await benchPortalLoad(stack, size('BENCH_PORTAL_CALLS', 1000, 200), size('BENCH_PORTAL_CLIENTS', 50, 50)));
      rows.push(
        [`POST /api/requests p50, ${portal.clients} clients, ms`, portal.submit.p50Ms, portal.baseline.p50Ms, 'GET /portal p50'],
        [`POST /api/requests p99, ${portal.clients} clients, ms`, portal.submit.p99Ms, portal.baseline.p99Ms, 'GET /portal p99'],
        [`POST p99, ${portal.clients} clients each every ${portal.paceMs / 1000} s, ms`, portal.pacedSubmit.p99Ms, portal.pacedBaseline.p99Ms, 'GET /portal p99, same pace'],
      );
    });
    await section('status', async () => {
      const open = Number(args.open ?? size('BENCH_OPEN_REQUESTS', 10_000, 300));
      const status = (results.status = await benchStatusQuery(stack, open));
      rows.push(
        [`statusQuery p50 (${status.openRequests} open), ms`, status.queryP50Ms, status.describeP50Ms, 'describe() p50'],
        [`statusQuery p95 (${status.openRequests} open), ms`, status.queryP95Ms, status.describeP95Ms, 'describe() p95'],
        [`status read p50 (${status.openRequests} open), ms`, status.statusReadP50Ms, status.plainSelectP50Ms, 'plain SELECT by id p50'],
        [`status read p95 (${status.openRequests} open), ms`, status.statusReadP95Ms, status.plainSelectP95Ms, 'plain SELECT by id p95'],
        [`worker RSS, MiB (${status.openRequests} open)`, status.workerRssAfterMiB, status.workerRssBeforeMiB, 'same worker idle'],
      );
    });

    console.log('\nFigure                                          measured   baseline   ratio   baseline is');
    for (const [name, value, base, what] of rows) {
      console.log(`${name.padEnd(47)} ${String(value).padStart(9)} ${String(base).padStart(10)} ${round(value / base, 2).toFixed(2).padStart(7)}   ${what}`);
    }
    const durationSeconds = save(failed.length === 0);
    console.log(`\nWrote bench/results.json (${durationSeconds} s in all).`);
    if (failed.length > 0) {
      console.error(`Failed sections: ${failed.join(', ')}.`);
      process.exitCode = 1;
    }
  } finally {
    await stack.close();
  }
}

main().catch((err) => {
  console.error('bench failed:', err);
  process.exit(1);
});
