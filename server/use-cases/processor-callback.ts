// A processor reporting the result of an erase or rectify it accepted earlier. The call is
// trusted only when signed with the secret shared with that processor and sent within the
// replay window; a repeated callback is acknowledged and changes nothing.
import { completeCall } from '../../stores/webhook/processor-calls';
import type { CallbackBody } from '../../stores/webhook/protocol';
import { CALLBACK_LABEL, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '../../stores/webhook/signature';
import { AppError, notFound } from '../app-error';
import type { ServerDeps } from '../deps';

/** Refuses a callback for a store with no connected processor (404) or one not signed by it (401). */
export function authenticateCallback(deps: ServerDeps, store: string, rawBody: string, headers: Record<string, unknown>): void {
  const secret = deps.processorSecrets?.get(store);
  if (!secret) throw notFound(`A connected processor store "${store}"`);
  const check = verifySignature(secret, CALLBACK_LABEL, rawBody, headers[TIMESTAMP_HEADER], headers[SIGNATURE_HEADER], deps.clock());
  if (!check.ok) throw new AppError(401, 'SIGNATURE_INVALID', `The callback was refused: ${check.problem}. Nothing was recorded.`);
}

/** Records the callback's outcome on its pending call; 404 for a call id the store never made. */
export async function recordCallback(deps: ServerDeps, store: string, body: CallbackBody): Promise<{ callId: string; status: CallbackBody['status']; repeated: boolean }> {
  const { callId, ...outcome } = body;
  if (outcome.status === 'DONE' && outcome.processed === undefined) {
    throw new AppError(400, 'INVALID_INPUT', 'A DONE callback must say how many records were processed ("processed").');
  }
  const completion = await completeCall(deps.db, store, callId, outcome, deps.clock());
  if (!completion.found) throw notFound(`Call ${callId} of processor store "${store}"`);
  // A retry was sent under a new call id: this callback answers an attempt the engine gave up on.
  if (completion.superseded) throw new AppError(409, 'CALL_SUPERSEDED', `Call ${callId} was retried under a new call id; its late result was not recorded.`);
  return { callId, status: completion.outcome.status, repeated: completion.repeated };
}
