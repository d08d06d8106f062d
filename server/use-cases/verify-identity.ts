// Submitting the mailed code: a workflow update whose validator refuses a call made in
// the wrong state, and whose result says how the check went.
import { verifyIdentityUpdate, type VerifyIdentityResult } from '../../workflows/messages';
import { AppError } from '../app-error';
import { spendCodeAttempt } from '../identity-budgets';
import type { ServerDeps } from '../deps';
import { updateRequest } from './request-update';

type Verified = VerifyIdentityResult & { outcome: 'VERIFIED' };

const REFUSALS: Record<Exclude<VerifyIdentityResult['outcome'], 'VERIFIED'>, { status: number; message: string }> = {
  WRONG_CODE: { status: 422, message: 'That code is not correct.' },
  EXPIRED: { status: 410, message: 'That code has expired. Ask for a new one.' },
  EXHAUSTED: { status: 429, message: 'Too many wrong codes. Ask for a new one.' },
  NO_CHALLENGE: { status: 409, message: 'No code is waiting to be checked for this request.' },
};

/** Checks the code; returns the result when verified, raises a 4xx otherwise. */
export async function verifyIdentity(deps: ServerDeps, requestId: string, code: string): Promise<Verified> {
  const settle = await spendCodeAttempt(deps, requestId);
  const result = await updateRequest(deps, requestId, verifyIdentityUpdate, { code }).catch(async (error: unknown) => {
    await settle(false);
    throw error;
  });
  // Only a wrong guess stays counted against the identity's budget for the day.
  await settle(result.outcome === 'WRONG_CODE');
  if (result.outcome === 'VERIFIED') return { ...result, outcome: 'VERIFIED' };
  const refusal = REFUSALS[result.outcome];
  throw new AppError(refusal.status, result.outcome, refusal.message, { attemptsLeft: result.attemptsLeft, status: result.status });
}
