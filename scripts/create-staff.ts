// Creates a staff account from the command line, e.g. the first admin, who then creates
// the others through the API. The password is read from STAFF_PASSWORD or standard input,
// never from the arguments, which other users of the machine can see.
//   DATABASE_URL=... npx tsx scripts/create-staff.ts --username alice --display-name "Alice Wang" --role admin
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createDb } from '../db/prisma';
import { AppError } from '../server/app-error';
import { STAFF_ROLES, type StaffRole } from '../server/staff/roles';
import { createStaffAccount } from '../server/use-cases/staff-accounts';

async function readPassword(): Promise<string> {
  if (process.env.STAFF_PASSWORD) return process.env.STAFF_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  try {
    return (await rl.question('Password (at least 12 characters): ')).trim();
  } finally {
    rl.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { username: { type: 'string' }, 'display-name': { type: 'string' }, role: { type: 'string' } } });
  const { username, 'display-name': displayName, role } = values;
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to the engine’s database.');
  if (!username || !displayName || !STAFF_ROLES.includes(role as StaffRole)) {
    throw new Error(`Usage: create-staff --username <name> --display-name <name> --role <${STAFF_ROLES.join('|')}>`);
  }
  const db = createDb(process.env.DATABASE_URL);
  try {
    const account = await createStaffAccount(db, { username, displayName, role: role as StaffRole, password: await readPassword() });
    console.log(`Created ${account.role} ${account.username} (${account.staffId}).`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof AppError || err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
