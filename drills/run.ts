// `npm run drill`: runs the failure drills one after another on the real parts, audits the
// outcome of each, prints a table and writes drills/results.json; exits 1 if any failed.
//   npm run drill -- --only worker-kill --requests 50
import { DefaultLogger, Runtime } from '@temporalio/worker';
import path from 'node:path';
import { drillDatabaseUrl } from './database';
import { runDrill, type Drill, type DrillResult } from './drill';
import { postgresRestartDrill } from './postgres-restart';
import { findings, resultTable, writeResults } from './report';
import { smtpStopDrill } from './smtp-stop';
import { temporalRestartDrill } from './temporal-restart';
import { workerKillDrill } from './worker-kill';

const DRILLS: Drill[] = [workerKillDrill(), temporalRestartDrill(), smtpStopDrill(), postgresRestartDrill()];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const only = option('only')?.split(',');
  const unknown = only?.filter((n) => !DRILLS.some((d) => d.name === n)) ?? [];
  if (unknown.length > 0) throw new Error(`Unknown drill ${unknown.join(', ')}; drills: ${DRILLS.map((d) => d.name).join(', ')}.`);
  const requests = Number(option('requests') ?? 200);
  const settleTimeoutMs = Number(option('timeout') ?? 600) * 1000;
  if (!Number.isInteger(requests) || requests < 1) throw new Error('--requests must be a whole number of at least 1.');
  const chosen = DRILLS.filter((d) => !only || only.includes(d.name));

  const started = Date.now();
  const databaseUrl = chosen.some((d) => !d.ownDatabase) ? drillDatabaseUrl() : '';
  const results: DrillResult[] = [];
  for (const drill of chosen) {
    console.log(`\n== ${drill.name}: ${drill.fault}`);
    const result = await runDrill(drill, databaseUrl, { requests, settleTimeoutMs, log: (line) => console.log(line) });
    console.log(`[${drill.name}] ${result.verdict}: ${result.finished}/${result.requests} finished, ${result.replies} replies, ${result.duplicates} duplicates, ${result.missing} missing`);
    results.push(result);
  }
  console.log(`\n${resultTable(results)}`);
  const found = findings(results);
  if (found) console.log(`\n${found}`);
  const file = path.join(__dirname, 'results.json');
  writeResults(file, results, started);
  console.log(`\nWrote ${path.relative(process.cwd(), file)} (${Math.round((Date.now() - started) / 1000)} s in all).`);
  process.exitCode = results.every((r) => r.verdict === 'PASS') ? 0 : 1;
}

main().catch((err) => {
  console.error('drill failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
