// A throwaway PostgreSQL cluster for the restart drill: initdb into a temporary folder and
// pg_ctl on a spare port, so restarting it disturbs nobody else's database on 5432.
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface ThrowawayPostgres {
  /** URL of a fresh, empty database in the cluster. */
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster and deletes its folder. */
  destroy(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;

/** The newest installed PostgreSQL's bin folder (Debian layout). */
function binDir(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  if (!newest) throw new Error('No PostgreSQL under /usr/lib/postgresql (apt-get install postgresql).');
  return path.join('/usr/lib/postgresql', newest, 'bin');
}

/** Runs a PostgreSQL tool as `postgres` when we are root (the server refuses to run as root). */
function pgTool(tool: string, args: string[]): void {
  const bin = path.join(binDir(), tool);
  if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  else execFileSync(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Creates the cluster on `port`, starts it and creates the database `dbName`. */
export async function startThrowawayPostgres(port: number, dbName: string): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dsr-drill-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  pgTool('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  // Sockets in the cluster's own folder, TCP on loopback only.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async () => pgTool('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', options, 'start']);
  const stop = async () => pgTool('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  await start();
  const admin = new Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/${dbName}`,
    stop,
    start,
    async destroy() {
      await stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
