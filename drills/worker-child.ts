// The request worker as a child process that a drill can kill with SIGKILL and start
// again. Its output goes to a log file, so a failing drill can show what the worker said.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import path from 'node:path';

const ENTRY = path.join(__dirname, 'worker-process.ts');
const READY_LINE = 'drill-worker: running';
const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 15_000;

export interface WorkerChild {
  /** Starts the worker and resolves once it polls; returns its pid. */
  start(): Promise<number>;
  /** SIGKILL: no shutdown, activities in flight are abandoned mid-way. */
  kill(): Promise<void>;
  /** Graceful stop at the end of a drill. */
  stop(): Promise<void>;
  /** True while a started worker has not exited. */
  running(): boolean;
  /** The last lines the worker wrote (stdout and stderr). */
  logTail(lines?: number): string;
}

/** `env` is the worker's whole configuration (see config/env.ts). */
export function workerChild(env: NodeJS.ProcessEnv, logFile: string): WorkerChild {
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let log: WriteStream | null = null;

  const stopWith = async (signal: NodeJS.Signals) => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill(signal);
    // A graceful stop that hangs is finished off, so a drill always ends.
    const stuck = setTimeout(() => proc.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(stuck);
  };

  return {
    start() {
      log ??= createWriteStream(logFile, { flags: 'a' });
      // Node itself with tsx's loader, not the tsx CLI: the CLI would stand between the
      // signal and the worker and forward it as it sees fit.
      const proc = spawn(process.execPath, ['--import', 'tsx', ENTRY], { env, cwd: path.resolve(__dirname, '..'), stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      exited = new Promise((resolve) => proc.once('exit', () => resolve()));
      return new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`worker did not start within ${START_TIMEOUT_MS} ms; see ${logFile}`)), START_TIMEOUT_MS);
        proc.stdout!.on('data', (chunk: Buffer) => {
          log!.write(chunk);
          if (chunk.toString().includes(READY_LINE)) {
            clearTimeout(timer);
            resolve(proc.pid!);
          }
        });
        proc.stderr!.on('data', (chunk: Buffer) => log!.write(chunk));
        proc.once('exit', (code, signal) => {
          clearTimeout(timer);
          reject(new Error(`worker exited during start-up (${signal ?? code}); see ${logFile}`));
        });
      });
    },
    kill: () => stopWith('SIGKILL'),
    async stop() {
      await stopWith('SIGTERM');
      await new Promise<void>((resolve) => (log ? log.end(() => resolve()) : resolve()));
      log = null;
    },
    running: () => child !== null && child.exitCode === null && child.signalCode === null,
    logTail(lines = 20) {
      try {
        return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
      } catch {
        return '';
      }
    },
  };
}
