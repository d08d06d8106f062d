// `npm run bench`: starts the product's real parts once, runs each section (each prints
// as it goes), then prints one table of figures with their same-run baselines and ratios,
// and writes bench/results.json. Sizes can be overridden by environment variables.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchDatabaseUrl } from './database';
import { benchErasure } from './erasure';
import { benchThroughput } from './e2e-throughput';
import { startBenchStack } from './stack';
import { benchStatusQuery } from './status-query';
import { round } from './stats';

const size = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

async function main(): Promise<void> {
  const started = Date.now();
  const databaseUrl = benchDatabaseUrl();
  const stack = await startBenchStack(databaseUrl);
  try {
    const throughput = await benchThroughput(stack, size('BENCH_REQUESTS', 200), size('BENCH_CONCURRENCY', 20));
    const erasure = await benchErasure(stack.db, size('BENCH_ERASE_ROWS', 100_000), size('BENCH_OTHER_ROWS', 100_000), size('BENCH_ERASE_ROUNDS', 3));
    const status = await benchStatusQuery(stack, size('BENCH_OPEN_REQUESTS', 1000));

    const { real, baseline } = throughput;
    const rows = [
      ['automatic ACCESS requests/s', real.requestsPerSecond, baseline.requestsPerSecond, 'no-op workflow/s'],
      ['  p50 start -> reply mail, ms', real.p50Ms, baseline.p50Ms, 'no-op workflow p50'],
      ['  p95 start -> reply mail, ms', real.p95Ms, baseline.p95Ms, 'no-op workflow p95'],
      [`erase ${erasure.subjectRows} log rows (store), ms`, erasure.storeEraseMs, erasure.plainDeleteMs, 'plain DELETE'],
      [`statusQuery p50 (${status.openRequests} open), ms`, status.queryP50Ms, status.describeP50Ms, 'describe() p50'],
      [`statusQuery p95 (${status.openRequests} open), ms`, status.queryP95Ms, status.describeP95Ms, 'describe() p95'],
      [`worker RSS, MiB (+${status.openRequests} open)`, status.rssAfterMiB, status.rssBeforeMiB, 'RSS before'],
    ] as const;
    console.log('\nFigure                                       measured   baseline   ratio   baseline is');
    for (const [name, value, base, what] of rows) {
      console.log(`${name.padEnd(44)} ${String(value).padStart(9)} ${String(base).padStart(10)} ${round(value / base, 2).toFixed(2).padStart(7)}   ${what}`);
    }
    const machine = { cpus: os.cpus().length, memoryGiB: round(os.totalmem() / 1024 ** 3), node: process.version };
    const results = { date: new Date().toISOString(), machine, durationSeconds: round((Date.now() - started) / 1000), throughput, erasure, status };
    writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
    console.log(`\nWrote bench/results.json (${results.durationSeconds} s in all).`);
  } finally {
    await stack.close();
  }
}

main().catch((err) => {
  console.error('bench failed:', err);
  process.exit(1);
});
