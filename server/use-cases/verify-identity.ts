// Submitting the mailed code: a workflow update whose validator refuses a call made in
// the wrong state, and whose result says how the check went.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { verifyIdentityUpdate, workflowIdFor, type VerifyIdentityResult } from '../../workflows/messages';
import { AppError, conflict, notFound } from '../app-error';
import type { ServerDeps } from '../deps';

const REFUSALS: Record<Exclude<VerifyIdentityResult['outcome'], 'VERIFIED'>, { status: number; message: string }> = {
  WRONG_CODE: { status: 422, message: 'That code is not correct.' },
  EXPIRED: { status: 410, message: 'That code has expired. Ask for a new one.' },
  EXHAUSTED: { status: 429, message: 'Too many wrong codes. Ask for a new one.' },
  NO_CHALLENGE: { status: 409, message: 'No code is waiting to be checked for this request.' },
};

/** Checks the code; returns the result when verified, raises a 4xx otherwise. */
export async function verifyIdentity(deps: ServerDeps, requestId: string, code: string): Promise<VerifyIdentityResult> {
  let result: VerifyIdentityResult;
  try {
    result = await deps.temporal.workflow
      .getHandle(workflowIdFor(requestId))
      .executeUpdate(verifyIdentityUpdate, { args: [{ code }] });
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw notFound('The request');
    if (err instanceof WorkflowUpdateFailedError) throw conflict(err.cause?.message ?? err.message);
    if (err instanceof Error && /already completed/i.test(err.message)) throw conflict('This request is already closed.');
    throw err;
  }
  if (result.outcome === 'VERIFIED') return result;
  const refusal = REFUSALS[result.outcome];
  throw new AppError(refusal.status, result.outcome, refusal.message, { attemptsLeft: result.attemptsLeft, status: result.status });
}
