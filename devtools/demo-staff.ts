// One staff account per role for a person trying the console on embedded defaults. The
// passwords are random, made once and kept in .data (mode 0600), never printed.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/prisma';
import { STAFF_ROLES } from '../server/staff/roles';
import { createStaffAccount } from '../server/use-cases/staff-accounts';

export const DEMO_STAFF_FILE = 'demo-staff.json';

/** Creates demo-agent, demo-compliance and demo-admin unless they exist; returns the file holding their passwords. */
export async function ensureDemoStaff(db: Db, dataDir: string): Promise<string> {
  const file = path.join(dataDir, DEMO_STAFF_FILE);
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const passwords: Record<string, string> = { ...stored };
  for (const role of STAFF_ROLES) {
    const username = `demo-${role}`;
    if (await db.staffAccount.findUnique({ where: { username } })) continue;
    passwords[username] = randomBytes(12).toString('base64url');
    await createStaffAccount(db, { username, displayName: `Demo ${role}`, role, password: passwords[username] });
  }
  if (JSON.stringify(passwords) !== JSON.stringify(stored)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(passwords, null, 2), { mode: 0o600 });
  }
  return file;
}
