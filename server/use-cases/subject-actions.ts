// What the subject may do through their status link besides checking a code: ask for a
// new code, answer a fee quote, withdraw. Each is one workflow update whose validator
// decides whether the request is in a state that allows it.
import { answerFeeUpdate, resendCodeUpdate, withdrawUpdate } from '../../workflows/messages';
import { AppError } from '../app-error';
import type { ServerDeps } from '../deps';
import type { StatusView } from '../schemas';
import { statusAfterUpdate } from './request-status';
import { updateRequest } from './request-update';

/** Mails a fresh code, which supersedes the earlier ones; refused with 429 during the cool-down or past the limit. */
export async function resendCode(deps: ServerDeps, requestId: string): Promise<StatusView> {
  try {
    return await statusAfterUpdate(deps, await updateRequest(deps, requestId, resendCodeUpdate));
  } catch (err) {
    // The validator refuses in the wrong state, during the cool-down and past the send
    // limit alike; a request still waiting for its code can only have met the last two,
    // which the client should meet with patience (429) rather than as a conflict.
    if (err instanceof AppError && err.code === 'WRONG_STATE' && (await awaitsCode(deps, requestId))) {
      throw new AppError(429, 'TOO_MANY_CODES', err.message);
    }
    throw err;
  }
}

/** Accepts or declines the quoted fee; declining closes the request. */
export async function answerFee(deps: ServerDeps, requestId: string, accept: boolean): Promise<StatusView> {
  return statusAfterUpdate(deps, await updateRequest(deps, requestId, answerFeeUpdate, { accept }));
}

/** Withdraws the request at the subject's wish; the workflow then closes it and confirms by mail. */
export async function withdrawRequest(deps: ServerDeps, requestId: string, reason?: string): Promise<StatusView> {
  return statusAfterUpdate(deps, await updateRequest(deps, requestId, withdrawUpdate, { actor: 'subject', reason }));
}

async function awaitsCode(deps: ServerDeps, requestId: string): Promise<boolean> {
  const row = await deps.db.dsrRequest.findUnique({ where: { id: requestId }, select: { status: true } });
  return row?.status === 'AWAITING_VERIFICATION';
}
