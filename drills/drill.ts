// Runs one drill: start the real parts, submit the requests, inject the drill's fault while
// they are processed, wait for every request to close, then audit the outcomes.
import { auditDrill, verdictOf, type DrillAudit } from './audit';
import { startDrillRequests, type DrillRequest } from './requests';
import { startDrillStack, type DrillStack } from './stack';
import { closedCount, waitForClosed, waitForFinished } from './wait';

export interface DrillOptions {
  requests: number;
  /** How long to wait for the requests to close after the fault, before auditing anyway. */
  settleTimeoutMs: number;
  log(line: string): void;
}

export interface FaultContext {
  stack: DrillStack;
  requests: DrillRequest[];
  /** The drill's own database, when it asked for one. */
  database?: RestartableDatabase;
  /** Logs a fault event with the drill's elapsed time and keeps it for the results. */
  event(what: string): void;
  /** A drill-level problem (e.g. the fault did not bite); fails the drill. */
  problem(what: string): void;
  sleep(ms: number): Promise<void>;
  /** Resolves once at least `share` (0..1) of the requests have closed. */
  closedShare(share: number): Promise<void>;
}

export interface Drill {
  name: string;
  /** What is broken, in one line, for the report. */
  fault: string;
  /** Breaks something while the requests run, and mends it before returning. */
  inject(ctx: FaultContext): Promise<void>;
  /** A database of the drill's own (the PostgreSQL drill restarts it); else the run's database. */
  ownDatabase?: () => Promise<OwnDatabase>;
}

export interface RestartableDatabase {
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface OwnDatabase extends RestartableDatabase {
  /** Migrated and empty. */
  url: string;
  destroy(): Promise<void>;
}

export interface DrillResult extends DrillAudit {
  drill: string;
  fault: string;
  verdict: 'PASS' | 'FAIL';
  seconds: number;
  events: string[];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs the drill against `databaseUrl` (migrated) or its own database; never throws for a failed outcome. */
export async function runDrill(drill: Drill, databaseUrl: string, opts: DrillOptions): Promise<DrillResult> {
  const own = await drill.ownDatabase?.();
  try {
    return await runOn(drill, own?.url ?? databaseUrl, own, opts);
  } finally {
    await own?.destroy();
  }
}

async function runOn(drill: Drill, databaseUrl: string, database: RestartableDatabase | undefined, opts: DrillOptions): Promise<DrillResult> {
  const t0 = Date.now();
  const events: string[] = [];
  const drillProblems: string[] = [];
  const stamp = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
  const log = (line: string) => opts.log(`[${drill.name} ${stamp()}] ${line}`);
  const stack = await startDrillStack(databaseUrl);
  try {
    log(`stack up; starting ${opts.requests} requests`);
    const requests = await startDrillRequests(stack, opts.requests);
    log(`${requests.length} requests started`);
    const ctx: FaultContext = {
      stack,
      requests,
      database,
      event(what) {
        events.push(`${stamp()} ${what}`);
        log(what);
      },
      problem(what) {
        drillProblems.push(what);
        log(`PROBLEM: ${what}`);
      },
      sleep,
      async closedShare(share) {
        const target = Math.ceil(share * requests.length);
        const giveUpAt = Date.now() + opts.settleTimeoutMs;
        while ((await closedCount(stack.db, requests).catch(() => 0)) < target) {
          if (Date.now() > giveUpAt) return ctx.problem(`fewer than ${target} requests closed before the fault`);
          await sleep(250);
        }
      },
    };
    await drill.inject(ctx);
    if (!stack.worker.running()) {
      // A worker that died of the fault by itself is a finding; it is started again so the audit still sees where requests end.
      ctx.problem('the worker exited by itself during the fault');
      await stack.worker.start();
    }
    const settleBy = Date.now() + opts.settleTimeoutMs;
    await waitForClosed(stack.db, requests, opts.settleTimeoutMs, log);
    await waitForFinished(stack.client, requests, settleBy, log);
    log('auditing');
    const audit = await auditDrill(stack, requests);
    if (!stack.worker.running()) drillProblems.push('the worker was not running at the end');
    const verdict = drillProblems.length === 0 ? verdictOf(audit) : 'FAIL';
    if (verdict === 'FAIL') log(`worker log (last lines):\n${stack.worker.logTail()}`);
    return { drill: drill.name, fault: drill.fault, ...audit, problems: [...drillProblems, ...audit.problems], verdict, seconds: Math.round((Date.now() - t0) / 1000), events };
  } finally {
    await stack.close();
  }
}
