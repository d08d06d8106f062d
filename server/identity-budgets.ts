// Budgets per identity (the e-mail's keyed hash, never the address), on top of the per-address
// limits: an attacker who rotates addresses still cannot guess a subject's code into an
// erasure, nor mail-bomb one recipient through repeated submissions. docs/security.md works
// out what they bound.
import type { Db } from '../db/prisma';
import { AppError } from './app-error';
import type { ServerDeps } from './deps';
import { sharedLimiter, type SharedLimiter } from './rate-limit';
import { countUnverifiedSelfFiledOf, findRequestFields } from '../db/records';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The budgets; named so that docs/security.md and the tests cite the same numbers. */
export const IDENTITY_BUDGETS = {
  /** Requests awaiting their code at once: a 4th submission is refused until one is verified or closes. */
  openUnverifiedRequests: 3,
  /** Wrong codes per identity per day, across all its requests; when spent, codes are refused until the day ends. */
  failedCodesPerDay: { max: 10, windowMs: DAY_MS },
} as const;

const limiters = new WeakMap<Db, Map<string, SharedLimiter>>();
/** One limiter per database and scope, made once: each holds a sweeping timer. */
function failedCodes(deps: Pick<ServerDeps, 'db' | 'rateLimitScope'>): SharedLimiter {
  const scope = deps.rateLimitScope ?? 'dsr';
  const byScope = limiters.get(deps.db) ?? new Map<string, SharedLimiter>();
  limiters.set(deps.db, byScope);
  let limiter = byScope.get(scope);
  if (!limiter) {
    limiter = sharedLimiter(deps.db, scope, 'failed-codes', IDENTITY_BUDGETS.failedCodesPerDay);
    byScope.set(scope, limiter);
  }
  return limiter;
}

/** Refuses a public submission for an identity that already has its fill of requests awaiting a code.
 *  Refused 429 rather than pretended accepted: a fake acknowledgement's status link would fail later
 *  and leak the same fact, while this one tells only that requests are pending, most likely the caller's own. */
export async function admitSubmission(deps: Pick<ServerDeps, 'db'>, emailHash: string): Promise<void> {
  const open = await countUnverifiedSelfFiledOf(deps.db, emailHash);
  if (open >= IDENTITY_BUDGETS.openUnverifiedRequests) {
    throw new AppError(
      429,
      'TOO_MANY_OPEN_REQUESTS',
      'Several requests for this e-mail address are already waiting for their code. Please confirm one with the code we sent, or wait until they close, before sending another.',
    );
  }
}

/** Spends one of the identity's code attempts for the day before the check; the returned
 *  function gives it back when the attempt was not a wrong guess. Throws 429 once the day's budget is spent. */
export async function spendCodeAttempt(deps: Pick<ServerDeps, 'db' | 'rateLimitScope'>, requestId: string): Promise<(keep: boolean) => Promise<void>> {
  const row = await findRequestFields(deps.db, requestId, { subject: { select: { emailHash: true } } });
  // An unknown request has no identity to spend; the workflow update answers it.
  if (!row) return async () => undefined;
  const key = row.subject.emailHash;
  const limiter = failedCodes(deps);
  if ((await limiter.take(key)) > 0) {
    throw new AppError(429, 'VERIFICATION_REFUSED_TODAY', 'Too many wrong codes were entered for this e-mail address today. Please try again tomorrow.');
  }
  return async (keep) => (keep ? undefined : limiter.refund(key));
}
