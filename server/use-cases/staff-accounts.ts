// Creating staff accounts: by an admin through the API, and the first admin from the command line.
import type { Db } from '../../db/prisma';
import type { StaffAccount } from '../../generated/prisma/client';
import { AppError, notFound } from '../app-error';
import type { ServerDeps } from '../deps';
import type { ChangeStaffBody, StaffAccountRow } from '../staff/console-schemas';
import { hashPassword } from '../staff/password';
import type { StaffRole } from '../staff/roles';
import type { NewStaffAccountBody, StaffAccountView } from '../staff/schemas';

export const MIN_PASSWORD_LENGTH = 12;

/** Creates an account; refuses a taken username with 409 and a short password with 400. */
export async function createStaffAccount(db: Db, input: NewStaffAccountBody): Promise<StaffAccountView> {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new AppError(400, 'INVALID_INPUT', `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  const username = input.username.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  try {
    const account = await db.staffAccount.create({ data: { username, displayName: input.displayName, role: input.role, passwordHash } });
    return { staffId: account.id, username: account.username, displayName: account.displayName, role: input.role };
  } catch (err) {
    if ((err as { code?: string }).code === 'P2002') throw new AppError(409, 'USERNAME_TAKEN', `The username "${username}" is already taken.`);
    throw err;
  }
}

const accountRow = (a: StaffAccount): StaffAccountRow => ({
  staffId: a.id,
  username: a.username,
  displayName: a.displayName,
  role: a.role as StaffRole,
  disabled: a.disabledAt !== null,
  secondFactor: a.totpConfirmedAt !== null,
  lockedUntil: a.lockedUntil?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
});

/** Every staff account, by username; password hashes never leave the database. */
export async function listStaffAccounts(deps: ServerDeps): Promise<StaffAccountRow[]> {
  return (await deps.db.staffAccount.findMany({ orderBy: { username: 'asc' } })).map(accountRow);
}

/** Changes an account's role or disables (or re-enables) it. The last active admin cannot be
 *  demoted or disabled (409), so the console can never be left without one. Disabling ends the
 *  account's sessions. `_adminId` is who asks: staff accounts have no audit trail of their own yet. */
export async function changeStaffAccount(deps: ServerDeps, _adminId: string, staffId: string, change: ChangeStaffBody): Promise<StaffAccountRow> {
  const now = deps.clock();
  return deps.db.$transaction(async (tx) => {
    // Locking the active admins makes two admins demoting each other at once take turns.
    const admins = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "StaffAccount" WHERE role = 'admin' AND "disabledAt" IS NULL FOR UPDATE`;
    const account = await tx.staffAccount.findUnique({ where: { id: staffId } });
    if (!account) throw notFound('The staff account');
    const disabled = change.disabled ?? account.disabledAt !== null;
    const role = change.role ?? account.role;
    const wasActiveAdmin = admins.some((a) => a.id === staffId);
    if (wasActiveAdmin && (role !== 'admin' || disabled) && admins.length === 1) {
      throw new AppError(409, 'LAST_ADMIN', 'This is the last active admin: make another account admin before demoting or disabling this one.');
    }
    const updated = await tx.staffAccount.update({
      where: { id: staffId },
      data: {
        role,
        disabledAt: disabled ? (account.disabledAt ?? now) : null,
        // A lost authenticator: the secret goes, and the next sign-in shows a new one to set up.
        ...(change.resetSecondFactor ? { totpSecret: null, totpConfirmedAt: null, totpLastStep: null } : {}),
      },
    });
    if (disabled || change.resetSecondFactor) await tx.staffSession.updateMany({ where: { staffId, revokedAt: null }, data: { revokedAt: now } });
    return accountRow(updated);
  });
}
