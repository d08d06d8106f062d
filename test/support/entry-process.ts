// An entry point (scripts/serve.ts, scripts/worker.ts, scripts/start.ts, …) as package.json runs
// it (`node --import tsx`: one node process, no tsx CLI in front relaying signals) in its own
// process group, output collected, waited for by a line it prints, stopped by signalling the
// whole group.
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT } from './paths';


export interface EntryProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves when the output matches; rejects if the process exits first or the time is up. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Exit code and signal, once it has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends the signal to the whole process group; returns how long the process took to exit. */
  signalGroup(signal: NodeJS.Signals, timeoutMs?: number): Promise<number>;
  /** SIGKILL to the group, for clean-up after a failed test. */
  kill(): void;
}

/** Starts `node --import tsx <script> ...args` with exactly `env` (plus PATH and HOME) in a new process group. */
export function startEntry(script: string, env: NodeJS.ProcessEnv, args: string[] = []): EntryProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const kill = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  return {
    child,
    exited,
    kill,
    output: () => text,
    waitFor(pattern, timeoutMs = 90_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${text}`)), timeoutMs);
        const check = () => {
          const match = text.match(pattern);
          if (match) done(undefined, match);
        };
        const done = (err?: Error, match?: RegExpMatchArray) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (err) reject(err);
          else resolve(match!);
        };
        listeners.add(check);
        void exited.then(({ code, signal }) => done(new Error(`exited (${signal ?? code}) before ${pattern}; output:\n${text}`)));
        check();
      });
    },
    async signalGroup(signal, timeoutMs = 20_000) {
      const started = Date.now();
      process.kill(-child.pid!, signal);
      const timer = setTimeout(kill, timeoutMs);
      await exited;
      clearTimeout(timer);
      return Date.now() - started;
    },
  };
}
