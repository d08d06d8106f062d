// Redis for `npm start` when no REDIS_URL is given: Debian's redis-server, if installed, as a
// child process without persistence (the seed fills it again on every start).
import { spawn, spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';

export interface LocalRedis {
  url: string;
  stop(): Promise<void>;
}

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.end(() => resolve(true)));
    socket.on('error', () => resolve(false));
  });

/** Starts redis-server on the port, or returns null when it is not installed. */
export async function startLocalRedis(port: number): Promise<LocalRedis | null> {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).error) return null;
  const url = `redis://127.0.0.1:${port}`;
  // One left running by an earlier start (or by the tests) is used as it is.
  if (await answers(port)) return { url, stop: async () => undefined };
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  // Listened for from the start: signalled with the whole process group, it may exit before stop() is called.
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; i < 50 && !(await answers(port)); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await answers(port))) {
    child.kill();
    throw new Error(`redis-server did not answer on port ${port}.`);
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
