// Every subject action is a workflow update; this is the one place where Temporal's ways
// of saying no become API errors, so each use case tells only its own story.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/common';
import { workflowIdFor } from '../../workflows/messages';
import { conflict, notFound } from '../app-error';
import type { ServerDeps } from '../deps';

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
    // The validator's refusal is an ApplicationFailure whose message is written for the subject.
    if (err instanceof WorkflowUpdateFailedError) throw conflict(err.cause?.message ?? err.message);
    // The server answers an update to a finished run with NOT_FOUND, so this test comes first.
    if (err instanceof Error && /already completed/i.test(err.message)) throw conflict('This request is already closed.');
    if (err instanceof WorkflowNotFoundError) throw notFound('The request');
    throw err;
  }
}
