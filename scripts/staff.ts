// Staff accounts from the command line, for the first administrator (who then creates the
// others in the console). No password is typed here: the command prints a one-time link
// under PUBLIC_URL where the person sets their own, valid for 24 hours.
//   npm run staff -- create --role admin --username alice [--display-name "Alice Wang"]
//   npm run staff -- new-link --username alice      (a fresh link; the earlier one stops working)
import { parseArgs } from 'node:util';
import { createDb } from '../db/prisma';
import { AppError } from '../server/app-error';
import { STAFF_ROLES, type StaffRole } from '../server/staff/roles';
import { createStaffWithPasswordLink, issuePasswordLink } from '../server/use-cases/staff-password-links';
import { checkSettings, databaseUrlCheck, publicUrlCheck, type SettingCheck } from '../config/production-settings';

const USAGE = `Usage:
  npm run staff -- create --role <${STAFF_ROLES.join('|')}> --username <name> [--display-name <name>]
  npm run staff -- new-link --username <name>
Needs DATABASE_URL and PUBLIC_URL, as for the server.`;
const CHECKS: SettingCheck[] = [databaseUrlCheck, publicUrlCheck];

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { username: { type: 'string' }, 'display-name': { type: 'string' }, role: { type: 'string' } } });
  const [command] = positionals;
  const { username, role } = values;
  if (!username || (command === 'create' && !STAFF_ROLES.includes(role as StaffRole)) || (command !== 'create' && command !== 'new-link')) throw new Error(USAGE);
  checkSettings(CHECKS, process.env);
  const publicUrl = process.env.PUBLIC_URL as string;
  const db = createDb(process.env.DATABASE_URL as string);
  try {
    if (command === 'create') {
      const made = await createStaffWithPasswordLink(db, { username, displayName: values['display-name'] ?? username, role: role as StaffRole }, publicUrl);
      console.log(`Created ${role} ${made.username} (${made.staffId}). They cannot sign in until they set a password at this link,`);
      console.log(`valid until ${made.expiresAt.toISOString()} and only once:\n\n  ${made.url}\n`);
    } else {
      const account = await db.staffAccount.findUnique({ where: { username: username.trim().toLowerCase() } });
      if (!account) throw new Error(`No staff account is named "${username}".`);
      const link = await issuePasswordLink(db, account.id, publicUrl, 'cli');
      console.log(`A new link for ${account.username}, valid until ${link.expiresAt.toISOString()} and only once (the password is replaced when it is used):\n\n  ${link.url}\n`);
    }
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof AppError || err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
