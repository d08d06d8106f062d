// Intake: validate, start the request's workflow, record the request, answer with the
// secret link to follow it. The rows are written only once the workflow exists, so there is
// no half-created request when Temporal is unreachable; they are written before the answer,
// so staff can act on the request (place a hold) the moment it is acknowledged.
import { randomUUID } from 'node:crypto';
import { GUARDIAN_NEEDS_ATTESTATION, type MinorFlag } from '../../domain/minor';
import { recordRequest } from '../../activities/intake';
import { hashIdentity, normaliseEmail } from '../../crypto/identity-hash';
import { issueStatusToken, statusTokenKey } from '../../crypto/status-token';
import type { Channel } from '../../domain/request-kinds';
import { correctionProblem } from '../../stores/correctable-fields';
import { manageProblem } from '../../stores/data-map/purposes';
import { unknownRecipientProblem } from '../../config/portability-recipients';
import { isRegimeKey, regimeForResidence } from '../../policy';
import { servedPurposes, serverProfile } from '../deps';
import { type DsrWorkflowInput, OPEN_ATTESTED, workflowIdFor } from '../../workflows/messages';
import type { dsrRequestWorkflow } from '../../workflows/dsr-request';
import { AppError } from '../app-error';
import { furtherIdentities } from '../intake-identities';
import { admitSubmission } from '../identity-budgets';
import { AGENT_ACTOR_PREFIX, assertAuthorizedAgent, assertStaff } from './staff-assertions';
import type { ServerDeps } from '../deps';
import type { SubmitRequestBody, Submitted } from '../schemas';

/** Starts a request for the given subject; returns its random id and the token of its status link.
 *  A request opened by staff carries their attestation of the subject's identity instead of a mailed code. */
export async function submitRequest(
  deps: ServerDeps,
  body: SubmitRequestBody,
  channel: Channel,
  attestation?: DsrWorkflowInput['attestation'],
  /** A request filed by a DRP agent (server/drp/): its id chosen by the caller, and whether status changes are posted back. */
  drp?: { requestId: string; statusCallback: boolean },
  /** Set by compliance's own-motion deletion of a child's data (server/use-cases/child-data-deletion.ts), overriding the body's. */
  minor?: MinorFlag,
): Promise<Submitted> {
  const { profile, digest } = serverProfile(deps);
  const regime = body.regime ?? regimeForResidence(body.residence, profile.residences, profile.defaultRegime);
  if (!isRegimeKey(regime)) throw new AppError(400, 'INVALID_INPUT', `Unknown regime "${regime}".`);
  if (!profile.regimes[regime]) throw new AppError(400, 'INVALID_INPUT', `Regime "${regime}" is not offered.`);
  const corrections = body.corrections && Object.keys(body.corrections).length > 0 ? body.corrections : undefined;
  if ((body.type === 'CORRECTION') !== (corrections !== undefined)) {
    throw new AppError(400, 'INVALID_INPUT', 'A correction request needs the fields to correct, and only a correction request may carry them.');
  }
  // Checked here as the stores will check it, so a bad field is a 400 now, not a stuck store later.
  const problem = corrections ? correctionProblem(corrections) : null;
  if (problem) throw new AppError(400, 'INVALID_INPUT', `This request ${problem}`);
  if ((body.type === 'MANAGE') !== (body.manage !== undefined)) {
    throw new AppError(400, 'INVALID_INPUT', 'A manage request needs "manage" (purposes and action), and only a manage request may carry it.');
  }
  const manageFault = body.manage ? manageProblem(servedPurposes(deps), body.manage.purposes, body.manage.action) : null;
  if (manageFault) throw new AppError(400, 'INVALID_INPUT', `This request ${manageFault}`);
  if (body.recipient !== undefined && body.type !== 'PORTABILITY') {
    throw new AppError(400, 'INVALID_INPUT', 'Only a portability request may name a recipient ("recipient").');
  }
  // Checked against the profile in force before anything starts: an unknown recipient is a 400, never a request that cannot deliver.
  const recipientFault = body.recipient !== undefined ? unknownRecipientProblem(profile, body.recipient) : null;
  if (recipientFault) throw new AppError(400, 'INVALID_INPUT', `This request ${recipientFault}`);
  // A guardian's authority is checked by a person against evidence, as an agent's is: the
  // portal cannot take a guardian's word for it (the reason in both languages, Chinese first).
  if (body.minor?.filedBy === 'GUARDIAN' && !attestation) {
    throw new AppError(400, 'GUARDIAN_NOT_ATTESTED', `${GUARDIAN_NEEDS_ATTESTATION.zh} ${GUARDIAN_NEEDS_ATTESTATION.en}`);
  }
  // Checked before anything starts, so a bad number is a 400, never a half-made request.
  const further = furtherIdentities(deps.identityPepper, deps.cipher, body);
  const emailHash = hashIdentity(deps.identityPepper, body.email);
  // Staff attest the identity themselves; only requests that wait for a mailed code count.
  if (!attestation) await admitSubmission(deps, emailHash);
  const requestId = drp?.requestId ?? randomUUID();
  // An attestation counts only with the API's signature on it (workflows/steps/identity.ts).
  if (attestation) {
    const agent = drp !== undefined && attestation.staffId.startsWith(AGENT_ACTOR_PREFIX);
    attestation = { ...attestation, assertion: agent ? assertAuthorizedAgent(deps, attestation.staffId, requestId, OPEN_ATTESTED) : await assertStaff(deps, attestation.staffId, requestId, OPEN_ATTESTED) };
  }
  const input: DsrWorkflowInput = {
    requestId,
    type: body.type,
    regime,
    channel,
    language: body.language ?? 'zh',
    receivedAt: deps.clock().toISOString(),
    subject: {
      emailHash,
      emailEncrypted: deps.cipher.encrypt(normaliseEmail(body.email), 'DataSubject.emailEncrypted'),
      ...further,
    },
    corrections,
    ...(body.manage && { manage: { purposes: [...body.manage.purposes], action: body.manage.action } }),
    ...(body.recipient !== undefined && { portabilityRecipient: body.recipient }),
    ...((minor ?? body.minor) && { minor: { ...(minor ?? body.minor)! } }),
    attestation,
    profileDigest: digest,
    ...(drp?.statusCallback ? { drpStatusCallback: true } : {}),
  };
  await deps.temporal.workflow.start<typeof dsrRequestWorkflow>('dsrRequestWorkflow', {
    taskQueue: deps.taskQueue,
    workflowId: workflowIdFor(requestId),
    args: [input],
  });
  // The same idempotent write as the workflow's first activity, which then changes nothing.
  // Should it fail, the request is started all the same: that activity writes the rows with
  // retries, and only staff acting in the next moments would have to try again.
  await recordRequest(deps.db, input, serverProfile(deps)).catch(() => undefined);
  // Issued only once the workflow exists, so no link ever points at a request that failed to start.
  const statusToken = issueStatusToken(statusTokenKey(deps.identityPepper), requestId, deps.clock());
  return { requestId, status: 'RECEIVED', statusToken, statusUrl: `/api/requests/${requestId}?token=${encodeURIComponent(statusToken)}` };
}
