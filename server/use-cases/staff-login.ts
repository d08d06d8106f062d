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

const wrongCredentials = () => new AppError(401, 'SIGN_IN_FAILED', 'The username or password is not correct.');

/** Checks the password and opens a session; returns what the console needs and the cookie's token. */
export async function signIn(deps: ServerDeps, username: string, password: string): Promise<{ signedIn: SignedIn; token: string }> {
  const now = deps.clock();
  const account = await deps.db.staffAccount.findUnique({ where: { username: username.trim().toLowerCase() } });
  // An account whose person has not yet followed their set-password link cannot sign in.
  if (!account || account.disabledAt || !account.passwordHash) throw (await dummyPasswordCheck(password), wrongCredentials());

  // The attempt is counted before the password is checked, in one statement that also reads and
  // sets the throttle under the row's lock: a burst of parallel guesses is counted in full, the one
  // that reaches the fifth failure starts the wait for all the others, and none slips past it.
  const [attempt] = await deps.db.$queryRaw<Array<{ failedLogins: number; open: boolean }>>`
    WITH before AS (
      SELECT "id", ("lockedUntil" IS NULL OR "lockedUntil" <= ${now}::timestamptz) AS open
      FROM "StaffAccount" WHERE "id" = ${account.id}::uuid FOR UPDATE
    )
    UPDATE "StaffAccount" AS a SET
      "failedLogins" = a."failedLogins" + 1,
      "lockedUntil" = CASE WHEN before.open AND a."failedLogins" + 1 >= ${FREE_ATTEMPTS}::int
        THEN ${now}::timestamptz + LEAST(${MAX_DELAY_MS}::float8, ${FIRST_DELAY_MS}::float8 * power(2, a."failedLogins" + 1 - ${FREE_ATTEMPTS}::int)) * interval '1 millisecond'
        ELSE a."lockedUntil" END
    FROM before WHERE a."id" = before."id"
    RETURNING a."failedLogins", before.open`;
  if (!attempt?.open) {
    // Throttled: not even checked, and answered as a wrong password in the same time.
    throw (await dummyPasswordCheck(password), wrongCredentials());
  }

  // A wrong password keeps its count; the wait for it, if any, was set above.
  if (!(await passwordMatches(password, account.passwordHash))) throw wrongCredentials();

  // Clears the count only if no other attempt was counted meanwhile: the right password inside a
  // burst of wrong ones does not wipe their count, so the account stays throttled after the burst.
  await deps.db.staffAccount.updateMany({ where: { id: account.id, failedLogins: attempt.failedLogins }, data: { failedLogins: 0, lockedUntil: null } });
  const { token, csrfToken } = await openSession(deps.db, account.id, now);
  return { signedIn: { staffId: account.id, role: account.role as StaffRole, displayName: account.displayName, csrfToken }, token };
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
