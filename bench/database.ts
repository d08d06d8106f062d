// The benchmark's own database: DATABASE_URL when given, otherwise a freshly recreated
// local "dsr_bench" (never the test database), migrated before anything runs.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/** Returns a migrated database URL, creating dsr_bench when DATABASE_URL is unset. */
export function benchDatabaseUrl(): string {
  let url = process.env.DATABASE_URL;
  if (!url) {
    console.log('DATABASE_URL unset: recreating the local database dsr_bench...');
    url = execFileSync('bash', [path.join(ROOT, 'scripts/local-postgres.sh'), 'dsr_bench'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  }
  execFileSync('npx', ['prisma', 'migrate', 'deploy'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'ignore', 'inherit'] });
  process.env.DATABASE_URL = url;
  return url;
}
