// Creating staff accounts: by an admin through the API, and the first admin from the command line.
import type { Db } from '../../db/prisma';
import { AppError } from '../app-error';
import { hashPassword } from '../staff/password';
import type { NewStaffAccountBody, StaffAccountView } from '../staff/schemas';

const MIN_PASSWORD_LENGTH = 12;

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
