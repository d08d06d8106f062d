// Every subject action is a workflow update; this is the one place where Temporal's ways
// of saying no become API errors, so each use case tells only its own story.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/common';
import { workflowIdFor } from '../../workflows/messages';
import { REFUSAL_CODES, type RefusalCode } from '../../workflows/refusals';
import { AppError, conflict, notFound } from '../app-error';
import type { ServerDeps } from '../deps';

/** The HTTP answer to each code the workflow refuses an update with; the body's error is the code. */
const HTTP_BY_REFUSAL: Record<RefusalCode, number> = {
  WRONG_STATE: 409,
  ALREADY_DONE: 409,
  BUSY: 409,
  NOT_ALLOWED: 409,
  RATE_LIMITED: 429,
  INVALID_INPUT: 400,
  FORBIDDEN: 403,
};

function isRefusalCode(type: string | undefined | null): type is RefusalCode {
  return (REFUSAL_CODES as readonly string[]).includes(type ?? '');
}

/** Runs an update on the request's workflow and waits for its result; a refusal becomes a 4xx. */
export async function updateRequest<Ret, Args extends unknown[]>(
  deps: ServerDeps,
  requestId: string,
  update: UpdateDefinition<Ret, Args>,
  ...args: Args
): Promise<Ret> {
  // The SDK's overloads tell updates with arguments from those without; the signature
  // above already ties `args` to the definition, so one of them stands for both here.
  type SomeArgs = [unknown, ...unknown[]];
  try {
    return await deps.temporal.workflow
      .getHandle(workflowIdFor(requestId))
      .executeUpdate(update as unknown as UpdateDefinition<Ret, SomeArgs>, { args: args as unknown as SomeArgs });
  } catch (err) {
    // The workflow's refusal is an ApplicationFailure whose type is its code and whose message is written for the caller.
    if (err instanceof WorkflowUpdateFailedError) {
      const cause = err.cause;
      const message = cause?.message ?? err.message;
      if (cause instanceof ApplicationFailure && isRefusalCode(cause.type)) throw new AppError(HTTP_BY_REFUSAL[cause.type], cause.type, message);
      throw conflict(message);
    }
    // Not a refusal of ours: Temporal itself answers an update to a finished run with NOT_FOUND
    // and no typed detail, only these words, so this test comes first.
    if (err instanceof Error && /already completed/i.test(err.message)) throw conflict('This request is already closed.');
    if (err instanceof WorkflowNotFoundError) throw notFound('The request');
    throw err;
  }
}
