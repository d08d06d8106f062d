// Run with tsx (jest cannot load @prisma/dev's ES modules): starts the embedded database of
// the data folder given as argument, migrates it, ensures the demo staff as `npm start` does,
// and prints as JSON the passwords file, whether each account's password matches it, and
// where the database lives.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations } from '../../db/apply-migrations';
import { createDb } from '../../db/prisma';
import { DEMO_STAFF_FILE, ensureDemoStaff } from '../../devtools/demo-staff';
import { startEmbeddedDatabase } from '../../devtools/embedded-database';
import { passwordMatches } from '../../server/staff/password';
import { ROOT } from './paths';

async function main(dir: string): Promise<void> {
  const database = await startEmbeddedDatabase(dir, 0);
  const db = createDb(database.url, 1);
  try {
    await applyMigrations(database.url, path.join(ROOT, 'prisma/migrations'));
    await ensureDemoStaff(db, dir);
    const passwords = JSON.parse(readFileSync(path.join(dir, DEMO_STAFF_FILE), 'utf8')) as Record<string, string>;
    const accounts = await db.staffAccount.findMany({ where: { username: { startsWith: 'demo-' } }, orderBy: { username: 'asc' } });
    const matches = await Promise.all(accounts.map(async (a) => Boolean(a.passwordHash) && (await passwordMatches(passwords[a.username] ?? '', a.passwordHash!))));
    console.log(JSON.stringify({ passwords, matches, dbDir: database.dir }));
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

void main(process.argv[2] as string);
