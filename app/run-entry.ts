// A long-running process of the engine, configured only by its environment: the HTTP API
// (`npm run serve`) or a worker (`npm run worker`), each runnable in as many processes as
// needed. It seeds nothing, creates no account, starts no stand-in service and generates
// no secret; the production entries first check every setting and refuse with one message.
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadConfig } from '../config/env';
import { checkSettings, PRODUCTION_CHECKS, SettingsError } from '../config/production-settings';
import { temporalTelemetryOptions } from '../config/temporal';
import { loadDataMap } from '../stores/data-map/validate';
import { bundleInChildProcess } from '../temporal/workflow-bundle';
import { buildEngine, type Engine } from './engine';
import { exitOnSignals } from './shutdown';

export interface EntryOptions {
  /** Refuse to start unless every production setting is present and valid. */
  checkSettings: boolean;
  /** Printed on standard output once the process serves (harnesses wait for it). */
  readyLine?: string;
  /** worker: a prebuilt workflow bundle file (the drills build it once); else DSR_WORKFLOW_BUNDLE, else one built in a child process. */
  workflowBundle?: string;
  /** worker: start the daily purge of expired access packages (production does). */
  startPurge?: boolean;
}

async function start(kind: 'serve' | 'worker', opts: EntryOptions): Promise<Engine> {
  const env = process.env;
  if (opts.checkSettings) checkSettings(PRODUCTION_CHECKS, env, loadDataMap());
  // Before the first connection; the process's own signal handling stops the worker, not the SDK's.
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: temporalTelemetryOptions(env), shutdownSignals: [] });
  const config = loadConfig(env);
  if (kind === 'serve') return buildEngine(config, { http: { logger: true } });
  // Never bundled in this process: the bundler's heap would stay with the worker for good.
  const codePath = opts.workflowBundle ?? env.DSR_WORKFLOW_BUNDLE ?? (await bundleInChildProcess());
  return buildEngine(config, { worker: { workflowBundle: { codePath } }, startPurge: opts.startPurge });
}

/** Starts the process; on a refused configuration or a failed start it exits non-zero with the reason. */
export function runEntry(kind: 'serve' | 'worker', opts: EntryOptions): void {
  let engine: Engine | undefined;
  exitOnSignals(async () => engine?.stop());
  start(kind, opts).then(
    (started) => {
      engine = started;
      console.log(opts.readyLine ?? (kind === 'serve' ? `dsr serve: listening on ${started.baseUrl}` : `dsr worker: polling task queue ${started.config.temporal.taskQueue}`));
      // A worker that stops by itself (a fatal error) takes the process with it, so that the service manager restarts it.
      started.workerDone?.then(
        () => void started.stop().then(() => process.exit(0)),
        (err: unknown) => {
          console.error('worker failed:', err instanceof Error ? err.message : err);
          void started.stop().then(() => process.exit(1));
        },
      );
    },
    (err: unknown) => {
      console.error(err instanceof SettingsError ? err.message : `Start-up failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(err instanceof SettingsError ? 2 : 1);
    },
  );
}
