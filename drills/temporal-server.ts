// The file-backed Temporal dev server for a drill: the same `temporal server start-dev
// --db-filename` as devtools/temporal-dev-server.ts, but with its log in the drill's folder,
// because a server whose workers are being killed logs every abandoned poll as an error.
import { Connection } from '@temporalio/client';
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import path from 'node:path';

const CLI = path.resolve(__dirname, '../.tools/temporal/bin/temporal');
const START_TIMEOUT_MS = 60_000;

export interface DrillTemporalServer {
  address: string;
  stop(): Promise<void>;
}

async function answering(address: string): Promise<boolean> {
  try {
    const connection = await Connection.connect({ address, connectTimeout: 1000 });
    await connection.workflowService.getSystemInfo({});
    await connection.close();
    return true;
  } catch {
    return false;
  }
}

/** Starts the server on `port` with its state in `dir`/temporal.sqlite; resolves once it answers. */
export async function startDrillTemporalServer(dir: string, port: number, uiPort: number): Promise<DrillTemporalServer> {
  const log = openSync(path.join(dir, 'temporal.log'), 'a');
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--ui-port', String(uiPort)];
  const child = spawn(CLI, [...args, '--db-filename', path.join(dir, 'temporal.sqlite'), '--namespace', 'default', '--log-level', 'error'], {
    stdio: ['ignore', log, log],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const address = `127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await answering(address))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Temporal dev server did not start at ${address}; see ${path.join(dir, 'temporal.log')}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    address,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
