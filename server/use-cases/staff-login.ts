// Signing staff in and out. One answer for an unknown user, a wrong password and a throttled
// account, with the same time spent on each: a throttled account cannot be told from a wrong
// password, so throttling reveals nothing to a guesser. After five wrong passwords in a row the
// account waits an exponentially growing delay (30 s, 1 min, 2 min … at most 15 min) before
// another password is even checked: guessing slows to a crawl, while someone who fails on
// purpose to shut out the last admin holds them off for minutes, not for good.
import type { ServerDeps } from '../deps';
import { AppError } from '../app-error';
import { dummyPasswordCheck, hashPassword, passwordMatches } from '../staff/password';
import type { StaffRole } from '../staff/roles';
import type { SignedIn } from '../staff/schemas';
import { openSession, revokeSession } from '../staff/session';

const FREE_ATTEMPTS = 5;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60 * 1000;

/** The wait after the n-th failure in a row: none for the first few, then doubling up to the ceiling. */
export function throttleDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS));
}

const wrongCredentials = () => new AppError(401, 'SIGN_IN_FAILED', 'The username or password is not correct.');

/** Checks the password and opens a session; returns what the console needs and the cookie's token. */
export async function signIn(deps: ServerDeps, username: string, password: string): Promise<{ signedIn: SignedIn; token: string }> {
  const now = deps.clock();
  const account = await deps.db.staffAccount.findUnique({ where: { username: username.trim().toLowerCase() } });
  // An account whose person has not yet followed their set-password link cannot sign in.
  if (!account || account.disabledAt || !account.passwordHash) throw (await dummyPasswordCheck(password), wrongCredentials());

  // The attempt is counted before the password is checked, in one statement that also reads the
  // throttle: a burst of parallel guesses is counted in full and cannot slip past the limit.
  const [reserved] = await deps.db.$queryRaw<Array<{ failedLogins: number }>>`
    UPDATE "StaffAccount" SET "failedLogins" = "failedLogins" + 1
    WHERE "id" = ${account.id}::uuid AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
    RETURNING "failedLogins"`;
  if (!reserved || reserved.failedLogins > FREE_ATTEMPTS) {
    // Throttled, or beyond the free attempts within one burst: not even checked, answered as a wrong password.
    if (reserved) await extendThrottle(deps, account.id, now, reserved.failedLogins);
    throw (await dummyPasswordCheck(password), wrongCredentials());
  }

  if (!(await passwordMatches(password, account.passwordHash))) {
    await extendThrottle(deps, account.id, now, reserved.failedLogins);
    throw wrongCredentials();
  }

  // Clears the count only if no other attempt was counted meanwhile: the right password inside a
  // burst of wrong ones does not wipe their count, so the account stays throttled after the burst.
  await deps.db.staffAccount.updateMany({ where: { id: account.id, failedLogins: reserved.failedLogins }, data: { failedLogins: 0, lockedUntil: null } });
  const { token, csrfToken } = await openSession(deps.db, account.id, now);
  return { signedIn: { staffId: account.id, role: account.role as StaffRole, displayName: account.displayName, csrfToken }, token };
}

/** After enough failures, holds further checks off until the delay for this count has passed (never shortening a longer one). */
async function extendThrottle(deps: ServerDeps, staffId: string, now: Date, failures: number): Promise<void> {
  const delay = throttleDelayMs(failures);
  if (delay === 0) return;
  const until = new Date(now.getTime() + delay);
  await deps.db.$executeRaw`
    UPDATE "StaffAccount" SET "lockedUntil" = GREATEST(COALESCE("lockedUntil", ${until}), ${until}) WHERE "id" = ${staffId}::uuid`;
}

/** Changes the signed-in person's own password, given the current one; their other sessions end. */
export async function changeOwnPassword(deps: ServerDeps, staffId: string, sessionId: string, current: string, next: string): Promise<void> {
  const account = await deps.db.staffAccount.findUniqueOrThrow({ where: { id: staffId } });
  if (!account.passwordHash || !(await passwordMatches(current, account.passwordHash))) {
    throw new AppError(403, 'WRONG_PASSWORD', 'The current password is not correct.');
  }
  if (current === next) throw new AppError(400, 'INVALID_INPUT', 'The new password must differ from the current one.');
  const passwordHash = await hashPassword(next);
  const now = deps.clock();
  await deps.db.$transaction([
    deps.db.staffAccount.update({ where: { id: staffId }, data: { passwordHash, failedLogins: 0, lockedUntil: null } }),
    // Whoever may have learnt the old password loses the sessions it opened; this one stays.
    deps.db.staffSession.updateMany({ where: { staffId, revokedAt: null, NOT: { id: sessionId } }, data: { revokedAt: now } }),
  ]);
}

/** Revokes the session, so its cookie opens nothing even if it was copied. */
export async function signOut(deps: ServerDeps, sessionId: string): Promise<void> {
  await revokeSession(deps.db, sessionId, deps.clock());
}
