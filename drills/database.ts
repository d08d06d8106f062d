// The drills' database: DATABASE_URL when given, otherwise a freshly recreated local
// "dsr_drill" (never the test database), migrated before anything runs.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';

const ROOT = path.resolve(__dirname, '..');

/** Returns a migrated database URL, creating dsr_drill when DATABASE_URL is unset. */
export function drillDatabaseUrl(name = 'dsr_drill'): string {
  let url = process.env.DATABASE_URL;
  if (!url) {
    console.log(`DATABASE_URL unset: recreating the local database ${name}...`);
    url = execFileSync('bash', [path.join(ROOT, 'scripts/local-postgres.sh'), name], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  }
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'ignore', 'inherit'] });
  return url;
}

/** Recreates database `name` on the server of `serverUrl` and migrates it; returns its URL.
 *  The jest drill uses it so it never shares the test database with other tests. */
export async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url.toString() }, stdio: ['ignore', 'ignore', 'inherit'] });
  return url.toString();
}
