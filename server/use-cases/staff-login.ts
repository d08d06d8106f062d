// Signing staff in and out. One answer for an unknown user and a wrong password, and the
// same time spent on both; five wrong passwords in a row lock the account for a while.
import type { ServerDeps } from '../deps';
import { AppError } from '../app-error';
import { dummyPasswordCheck, passwordMatches } from '../staff/password';
import type { StaffRole } from '../staff/roles';
import type { SignedIn } from '../staff/schemas';
import { openSession, revokeSession } from '../staff/session';

const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MS = 15 * 60 * 1000;

const wrongCredentials = () => new AppError(401, 'SIGN_IN_FAILED', 'The username or password is not correct.');
const locked = (until: Date) =>
  new AppError(423, 'ACCOUNT_LOCKED', `Too many failed sign-ins: this account is locked until ${until.toISOString()}. Please try again after that.`, {
    retryAt: until.toISOString(),
  });

/** Checks the password and opens a session; returns what the console needs and the cookie's token. */
export async function signIn(deps: ServerDeps, username: string, password: string): Promise<{ signedIn: SignedIn; token: string }> {
  const now = deps.clock();
  const account = await deps.db.staffAccount.findUnique({ where: { username: username.trim().toLowerCase() } });
  // An account whose person has not yet followed their set-password link cannot sign in.
  if (!account || account.disabledAt || !account.passwordHash) throw (await dummyPasswordCheck(password), wrongCredentials());
  if (account.lockedUntil && account.lockedUntil > now) throw locked(account.lockedUntil);

  if (!(await passwordMatches(password, account.passwordHash))) {
    const { failedLogins } = await deps.db.staffAccount.update({ where: { id: account.id }, data: { failedLogins: { increment: 1 } } });
    if (failedLogins < MAX_FAILED_LOGINS) throw wrongCredentials();
    const until = new Date(now.getTime() + LOCKOUT_MS);
    // The count starts afresh after the lock, so the next lock again takes five failures.
    await deps.db.staffAccount.update({ where: { id: account.id }, data: { failedLogins: 0, lockedUntil: until } });
    throw locked(until);
  }

  await deps.db.staffAccount.update({ where: { id: account.id }, data: { failedLogins: 0, lockedUntil: null } });
  const { token, csrfToken } = await openSession(deps.db, account.id, now);
  return { signedIn: { staffId: account.id, role: account.role as StaffRole, displayName: account.displayName, csrfToken }, token };
}

/** Revokes the session, so its cookie opens nothing even if it was copied. */
export async function signOut(deps: ServerDeps, sessionId: string): Promise<void> {
  await revokeSession(deps.db, sessionId, deps.clock());
}
