// The exercise endpoint's story (§2.01): a verified message becomes an engine request, or a
// DRP request denied at intake when the engine cannot take it on; either way the agent gets
// a request_id and its status.
import { randomUUID } from 'node:crypto';
import { DRP_EXERCISES, type DrpDenialReason, type DrpExercise, EXERCISE_TYPES, engineRegimeFor, optOutPurposes } from '../../drp/mapping';
import { type ExerciseStatus, exerciseStatus, type LinkContext } from '../../drp/exercise-status';
import { engineFacts } from '../../drp/engine-facts';
import { statusTokenKey } from '../../crypto/status-token';
import { type ServerDeps, servedPurposes, serverProfile } from '../deps';
import { submitRequest } from '../use-cases/submit-request';
import { DrpError } from './drp-error';
import type { DrpSettings } from './settings';

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,}$/;
const AGENT_REQUEST_ID = /^[\x21-\x7e]{1,200}$/;

interface Refusal {
  reason: DrpDenialReason;
  details: string;
}

/** The callback URL, when given: an absolute http(s) URL. */
function callbackOf(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 2048) throw new DrpError(400, 'status_callback must be an http(s) URL.');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DrpError(400, 'status_callback must be an http(s) URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DrpError(400, 'status_callback must be an http(s) URL.');
  return url.toString();
}

/** Why the engine cannot take the request on, or null when it can. */
function refusalOf(deps: ServerDeps, exercise: DrpExercise, regime: string | undefined, email: unknown): Refusal | null {
  if (EXERCISE_TYPES[exercise] === null) return { reason: 'claim_not_covered', details: `This business does not handle "${exercise}" requests through this service.` };
  if (exercise === 'sale:opt-out' && optOutPurposes(servedPurposes(deps)).length === 0) {
    return { reason: 'claim_not_covered', details: 'This business declares no sale or sharing of personal information to opt out of.' };
  }
  const { profile } = serverProfile(deps);
  const engineRegime = engineRegimeFor(regime, profile.defaultRegime);
  if (!engineRegime || !profile.regimes[engineRegime]) {
    return { reason: 'outside_jurisdiction', details: `This business does not take requests under the regime "${regime ?? 'voluntary'}".` };
  }
  if (typeof email !== 'string' || !EMAIL.test(email) || email.length > 254) return { reason: 'no_match', details: 'An e-mail address is needed to find the consumer’s data.' };
  return null;
}

/** Files the agent's verified request and answers its Exercise Status. */
export async function exerciseRight(deps: ServerDeps, drp: DrpSettings, agentId: string, claims: Record<string, unknown>): Promise<ExerciseStatus> {
  const exercise = claims.exercise;
  if (typeof exercise !== 'string' || !(DRP_EXERCISES as readonly string[]).includes(exercise)) throw new DrpError(400, 'Unsupported rights actions submitted.');
  const regime = claims.regime;
  if (regime !== undefined && typeof regime !== 'string') throw new DrpError(400, 'regime must be a string.');
  const agentRequestId = claims['agent-request-id'];
  if (agentRequestId !== undefined && (typeof agentRequestId !== 'string' || !AGENT_REQUEST_ID.test(agentRequestId))) {
    throw new DrpError(400, 'agent-request-id must be at most 200 printable characters.');
  }
  const statusCallback = callbackOf(claims.status_callback);
  const requestId = randomUUID();
  const row = { id: requestId, agentId, agentRequestId: agentRequestId ?? null, exercise, regime: regime ?? null, statusCallback: statusCallback ?? null, receivedAt: deps.clock() };

  const refusal = refusalOf(deps, exercise as DrpExercise, regime, claims.email);
  if (refusal) {
    const denied = await deps.db.drpRequest.create({ data: { ...row, started: false, deniedReason: refusal.reason, processingDetails: refusal.details } });
    return exerciseStatus(denied, null);
  }
  // Written first, so the status callback of the request's first change finds where to go.
  const created = await deps.db.drpRequest.create({ data: { ...row, started: true } });
  // An e-mail address the agent verified counts as the agent's attestation (docs/drp.md);
  // otherwise the consumer confirms it with the mailed code, as any subject does.
  const attestation =
    claims.email_verified === true
      ? { staffId: `drp-agent:${agentId}`, evidenceNote: `DRP authorized agent ${agentId} signed email_verified: true for the address (${drp.agents.get(agentId)?.identityAssuranceUrl ?? 'identity assurance per the DRP system rules'}).` }
      : undefined;
  try {
    // An opt-out objects to every purpose that is a sale or sharing; under the CCPA it needs no verification (11 CCR §7026(d)).
    const manage = exercise === 'sale:opt-out' ? { manage: { purposes: optOutPurposes(servedPurposes(deps)), action: 'OBJECT' as const } } : {};
    await submitRequest(deps, { email: claims.email as string, type: EXERCISE_TYPES[exercise as DrpExercise]!, regime: engineRegimeFor(regime, serverProfile(deps).profile.defaultRegime)!, language: 'en', ...manage }, 'API', attestation, {
      requestId,
      statusCallback: statusCallback !== undefined,
    });
  } catch (err) {
    await deps.db.drpRequest.delete({ where: { id: requestId } }).catch(() => undefined);
    throw err;
  }
  const engine = await engineFacts(deps.db, requestId);
  return exerciseStatus(created, engine ?? { status: 'RECEIVED', outcome: null, dueAt: null }, verificationLink(deps));
}

/** What a status needs to point the consumer at their code form (§3.02.1). */
export function verificationLink(deps: ServerDeps): LinkContext {
  return { publicUrl: deps.publicUrl, key: statusTokenKey(deps.identityPepper), now: deps.clock() };
}
