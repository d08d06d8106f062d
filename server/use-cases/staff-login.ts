// Signing staff in and out. One answer for an unknown user, a wrong password and a throttled
// account, with the same time spent on each: a throttled account cannot be told from a wrong
// password, so throttling reveals nothing to a guesser. After five wrong passwords in a row the
// account waits an exponentially growing delay (30 s, 1 min, 2 min … at most 15 min) before
// another password is even checked: guessing slows to a crawl, while someone who fails on
// purpose to shut out the last admin holds them off for minutes, not for good. Compliance and admin
// staff then give a TOTP code (server/staff/totp.ts), counted against the same throttle.
import type { ServerDeps } from '../deps';
import { AppError } from '../app-error';
import { dummyPasswordCheck, hashPassword, passwordMatches } from '../staff/password';
import type { StaffRole } from '../staff/roles';
import type { SecondFactorDue, SignedIn } from '../staff/schemas';
import { openSession, pendingSessionOf, revokeSession } from '../staff/session';
import { acceptedStep, needsTotp, newTotpSecret } from '../staff/totp';

const FREE_ATTEMPTS = 5;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60 * 1000;

const wrongCredentials = () => new AppError(401, 'SIGN_IN_FAILED', 'The username or password is not correct.');

/** What a correct password leads to: a session, or (compliance and admin) a pending one whose code is due. */
export type SignInOutcome =
  | { kind: 'signed-in'; signedIn: SignedIn; token: string }
  | { kind: 'code-due'; due: SecondFactorDue; token: string };

/** Counts an attempt (a password or a code) before it is checked, in one statement that also reads
 *  and sets the throttle under the row's lock: a burst of parallel guesses is counted in full, the
 *  one that reaches the fifth failure starts the wait for all the others, and none slips past it.
 *  Returns the count and whether the account was open to an attempt. */
async function countAttempt(deps: ServerDeps, accountId: string, now: Date): Promise<{ failedLogins: number; open: boolean }> {
  const [attempt] = await deps.db.$queryRaw<Array<{ failedLogins: number; open: boolean }>>`
    WITH before AS (
      SELECT "id", ("lockedUntil" IS NULL OR "lockedUntil" <= ${now}::timestamptz) AS open
      FROM "StaffAccount" WHERE "id" = ${accountId}::uuid FOR UPDATE
    )
    UPDATE "StaffAccount" AS a SET
      "failedLogins" = a."failedLogins" + 1,
      "lockedUntil" = CASE WHEN before.open AND a."failedLogins" + 1 >= ${FREE_ATTEMPTS}::int
        THEN ${now}::timestamptz + LEAST(${MAX_DELAY_MS}::float8, ${FIRST_DELAY_MS}::float8 * power(2, a."failedLogins" + 1 - ${FREE_ATTEMPTS}::int)) * interval '1 millisecond'
        ELSE a."lockedUntil" END
    FROM before WHERE a."id" = before."id"
    RETURNING a."failedLogins", before.open`;
  return attempt ?? { failedLogins: 0, open: false };
}

/** Clears the count only if no other attempt was counted meanwhile: the right password inside a
 *  burst of wrong ones does not wipe their count, so the account stays throttled after the burst. */
async function clearFailures(deps: ServerDeps, accountId: string, counted: number): Promise<void> {
  await deps.db.staffAccount.updateMany({ where: { id: accountId, failedLogins: counted }, data: { failedLogins: 0, lockedUntil: null } });
}

/** Checks the password; opens a session, or for the roles that need a second factor a pending
 *  session (and at the first sign-in a new TOTP secret to set up). */
export async function signIn(deps: ServerDeps, username: string, password: string): Promise<SignInOutcome> {
  const now = deps.clock();
  const account = await deps.db.staffAccount.findUnique({ where: { username: username.trim().toLowerCase() } });
  // An account whose person has not yet followed their set-password link cannot sign in.
  if (!account || account.disabledAt || !account.passwordHash) throw (await dummyPasswordCheck(password), wrongCredentials());

  const attempt = await countAttempt(deps, account.id, now);
  if (!attempt.open) {
    // Throttled: not even checked, and answered as a wrong password in the same time.
    throw (await dummyPasswordCheck(password), wrongCredentials());
  }

  // A wrong password keeps its count; the wait for it, if any, was set above.
  if (!(await passwordMatches(password, account.passwordHash))) throw wrongCredentials();

  if (!needsTotp(account.role)) {
    await clearFailures(deps, account.id, attempt.failedLogins);
    const { token, csrfToken } = await openSession(deps.db, account.id, now);
    return { kind: 'signed-in', signedIn: { staffId: account.id, role: account.role as StaffRole, displayName: account.displayName, csrfToken }, token };
  }
  // The count stays until the code is right: otherwise whoever holds the password could clear it
  // between rounds of guessed codes and guess codes without ever being throttled. Only the wait this
  // very attempt may have started is lifted, so that the code can be given now; the next wrong code
  // starts a longer one (the count goes on doubling it), as a wrong password would.
  await deps.db.staffAccount.updateMany({ where: { id: account.id, failedLogins: attempt.failedLogins }, data: { lockedUntil: null } });
  let setup: SecondFactorDue['setup'];
  if (!account.totpConfirmedAt) {
    // Not yet set up: a new secret each time until a code from it is entered, so only the latest shown counts.
    const fresh = newTotpSecret(account.username);
    await deps.db.staffAccount.update({ where: { id: account.id }, data: { totpSecret: deps.cipher.encrypt(fresh.secret, 'StaffAccount.totpSecret'), totpLastStep: null } });
    setup = fresh;
  }
  const { token, csrfToken } = await openSession(deps.db, account.id, now, { pending: true });
  return { kind: 'code-due', due: { secondFactor: 'TOTP', csrfToken, ...(setup ? { setup } : {}) }, token };
}

const wrongCode = () => new AppError(401, 'CODE_REFUSED', 'The code is not correct, was already used, or the sign-in has expired: sign in again if it keeps failing.');

/** The second step: the code from the authenticator app, given with the pending session's cookie
 *  token. Counted and throttled like a password; a code is accepted once. Ends the pending session
 *  and opens a new one (a new token: the pending one is worth nothing afterwards). */
export async function completeSecondFactor(deps: ServerDeps, pendingToken: string | undefined, code: string): Promise<{ signedIn: SignedIn; token: string }> {
  const now = deps.clock();
  const session = await pendingSessionOf(deps.db, pendingToken, now);
  if (!session) throw wrongCode();
  const account = session.staff;
  const attempt = await countAttempt(deps, account.id, now);
  if (!attempt.open || !account.totpSecret) throw wrongCode();
  const step = await acceptedStep(deps.cipher.decrypt(account.totpSecret, 'StaffAccount.totpSecret'), code.trim(), now, account.totpLastStep);
  if (step === null) throw wrongCode();
  // Claims the step atomically: of two sign-ins racing with the same code, one wins.
  const claimed = await deps.db.staffAccount.updateMany({
    where: { id: account.id, totpSecret: account.totpSecret, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step, totpConfirmedAt: account.totpConfirmedAt ?? now },
  });
  if (claimed.count === 0) throw wrongCode();
  await clearFailures(deps, account.id, attempt.failedLogins);
  await revokeSession(deps.db, session.id, now);
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
