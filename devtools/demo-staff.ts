// One staff account per role for a person trying the console on embedded defaults. The
// passwords are random, made once and kept in .data (mode 0600), never printed. An account
// whose password the file does not hold (the file was deleted, or the database came from
// elsewhere) gets a new one, so the file always opens the console.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/prisma';
import { hashPassword, passwordMatches } from '../server/staff/password';
import { STAFF_ROLES } from '../server/staff/roles';
import { createStaffAccount } from '../server/use-cases/staff-accounts';

export const DEMO_STAFF_FILE = 'demo-staff.json';

/** Makes demo-agent, demo-compliance and demo-admin sign in with the passwords in the file; returns the file. */
export async function ensureDemoStaff(db: Db, dataDir: string): Promise<string> {
  const file = path.join(dataDir, DEMO_STAFF_FILE);
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const passwords: Record<string, string> = {};
  for (const role of STAFF_ROLES) {
    const username = `demo-${role}`;
    const account = await db.staffAccount.findUnique({ where: { username } });
    const known = stored[username];
    if (account?.passwordHash && known && (await passwordMatches(known, account.passwordHash))) {
      passwords[username] = known;
      continue;
    }
    passwords[username] = randomBytes(12).toString('base64url');
    if (account) {
      // Also unlocks it: the demo's own accounts must open the console on the next try.
      await db.staffAccount.update({ where: { id: account.id }, data: { passwordHash: await hashPassword(passwords[username]), failedLogins: 0, lockedUntil: null, disabledAt: null } });
    } else {
      await createStaffAccount(db, { username, displayName: `Demo ${role}`, role, password: passwords[username] });
    }
  }
  if (JSON.stringify(passwords) !== JSON.stringify(stored)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(passwords, null, 2), { mode: 0o600 });
  }
  return file;
}
