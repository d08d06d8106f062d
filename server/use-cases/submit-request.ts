// Intake: validate, start the request's workflow, answer with where to follow it.
// The workflow records the request itself, so a request is either fully started or
// not at all: there is no half-created row when Temporal is unreachable.
import { randomUUID } from 'node:crypto';
import { hashIdentity, normaliseEmail } from '../../crypto/identity-hash';
import type { Channel, Language } from '../../domain/request-kinds';
import { DEFAULT_REGIME, isKnownRegime } from '../../domain/regime-choice';
import { type DsrWorkflowInput, workflowIdFor } from '../../workflows/messages';
import type { dsrRequestWorkflow } from '../../workflows/dsr-request';
import { AppError } from '../app-error';
import type { ServerDeps } from '../deps';
import type { SubmitRequestBody } from '../schemas';

export interface Submitted {
  requestId: string;
  status: 'RECEIVED';
}

/** Starts a request for the given subject; returns its random id. */
export async function submitRequest(deps: ServerDeps, body: SubmitRequestBody, channel: Channel): Promise<Submitted> {
  if (body.type !== 'ACCESS') {
    throw new AppError(422, 'UNSUPPORTED_TYPE', `Requests of type ${body.type} are not handled yet; only ACCESS is.`);
  }
  const regime = body.regime ?? DEFAULT_REGIME;
  if (!isKnownRegime(regime)) throw new AppError(400, 'INVALID_INPUT', `Unknown regime "${regime}".`);
  const requestId = randomUUID();
  const input: DsrWorkflowInput = {
    requestId,
    type: body.type,
    regime,
    channel,
    language: (body.language ?? 'zh') as Language,
    receivedAt: deps.clock().toISOString(),
    subject: {
      emailHash: hashIdentity(deps.identityPepper, body.email),
      emailEncrypted: deps.cipher.encrypt(normaliseEmail(body.email)),
    },
    verificationWindowMs: deps.verificationWindowMs,
  };
  await deps.temporal.workflow.start<typeof dsrRequestWorkflow>('dsrRequestWorkflow', {
    taskQueue: deps.taskQueue,
    workflowId: workflowIdFor(requestId),
    args: [input],
  });
  return { requestId, status: 'RECEIVED' };
}
