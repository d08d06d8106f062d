// One-time links to set a staff password: how the first admin (made with `npm run staff`)
// gets a password without one ever passing through a command line, a log or a file. The
// token is random and only its SHA-256 is stored; a link lasts a day and works once.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/prisma';
import { AppError } from '../app-error';
import { hashPassword } from '../staff/password';
import type { StaffRole } from '../staff/roles';
import { MIN_PASSWORD_LENGTH } from './staff-accounts';

export const PASSWORD_LINK_VALID_MS = 24 * 60 * 60 * 1000;
export const SET_PASSWORD_PATH = '/console/set-password';

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');
const linkUnusable = () => new AppError(410, 'LINK_UNUSABLE', 'This link has expired or has already been used. Ask an administrator for a new one.');

/** Records what happened to an account, by id and actor only. */
export async function auditStaff(db: Pick<Db, 'staffAuditEvent'>, staffId: string, actor: string, action: string, at = new Date()): Promise<void> {
  await db.staffAuditEvent.create({ data: { staffId, actor, action, at } });
}

/** Issues a link for the account, replacing any unused one; returns the URL under `publicUrl`. */
export async function issuePasswordLink(db: Db, staffId: string, publicUrl: string, actor: string, now = new Date()): Promise<{ url: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_VALID_MS);
  await db.$transaction(async (tx) => {
    await tx.staffPasswordLink.updateMany({ where: { staffId, usedAt: null }, data: { usedAt: now } });
    await tx.staffPasswordLink.create({ data: { id: tokenId(token), staffId, expiresAt } });
    await auditStaff(tx, staffId, actor, 'PASSWORD_LINK_ISSUED', now);
  });
  const url = new URL(SET_PASSWORD_PATH, publicUrl);
  url.searchParams.set('token', token);
  return { url: url.toString(), expiresAt };
}

/** Creates an account without a password and a link for its person to set one. */
export async function createStaffWithPasswordLink(
  db: Db,
  input: { username: string; displayName: string; role: StaffRole },
  publicUrl: string,
  actor = 'cli',
): Promise<{ staffId: string; username: string; url: string; expiresAt: Date }> {
  const username = input.username.trim().toLowerCase();
  let staffId: string;
  try {
    ({ id: staffId } = await db.staffAccount.create({ data: { username, displayName: input.displayName, role: input.role, passwordHash: null } }));
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') throw new AppError(409, 'USERNAME_TAKEN', `The username "${username}" is already taken.`);
    throw err;
  }
  await auditStaff(db, staffId, actor, 'ACCOUNT_CREATED');
  return { staffId, username, ...(await issuePasswordLink(db, staffId, publicUrl, actor)) };
}

/** Whether the token names a live link (for showing the form); never says which test failed. */
export async function passwordLinkIsLive(db: Db, token: string, now: Date): Promise<boolean> {
  const link = await db.staffPasswordLink.findUnique({ where: { id: tokenId(token) } });
  return Boolean(link && !link.usedAt && link.expiresAt > now);
}

/** Sets the password through the link and spends the link; refuses a used or expired one (410). */
export async function setPasswordWithLink(db: Db, token: string, password: string, now: Date): Promise<{ staffId: string }> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError(400, 'INVALID_INPUT', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    // Spending the link in the same statement that checks it: two submissions cannot both win.
    const spent = await tx.staffPasswordLink.updateManyAndReturn({ where: { id: tokenId(token), usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    const link = spent[0];
    if (!link) throw linkUnusable();
    await tx.staffAccount.update({ where: { id: link.staffId }, data: { passwordHash, failedLogins: 0, lockedUntil: null } });
    await auditStaff(tx, link.staffId, `staff:${link.staffId}`, 'PASSWORD_SET', now);
    return { staffId: link.staffId };
  });
}
