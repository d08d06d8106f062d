// How DRP 1.0 meets the engine: rights and regimes onto request types and regimes (§3.01),
// and the engine's statuses onto DRP's states and reasons (§3.02), each in one table.
import type { RequestType } from '../domain/request-kinds';
import type { RequestStatus } from '../domain/status';
import type { RegimeKey } from '../policy/regime-policy';

/** The rights actions of §3.01; anything else is refused as unsupported (400). */
export const DRP_EXERCISES = ['sale:opt-out', 'sale:opt-in', 'deletion', 'access', 'access:categories', 'access:specific'] as const;
export type DrpExercise = (typeof DRP_EXERCISES)[number];

export const DRP_DENIAL_REASONS = ['suspected_fraud', 'insuf_verification', 'no_match', 'claim_not_covered', 'outside_jurisdiction', 'too_many_requests', 'other'] as const;
export type DrpDenialReason = (typeof DRP_DENIAL_REASONS)[number];

/** The engine's request type for each right, or null for a right the engine does not serve:
 *  the access reply names the categories and holds the specific pieces, so it answers all three
 *  access rights; the engine keeps no sale of data to opt out of or into. */
export const EXERCISE_TYPES: Record<DrpExercise, RequestType | null> = {
  access: 'ACCESS',
  'access:categories': 'ACCESS',
  'access:specific': 'ACCESS',
  deletion: 'DELETION',
  'sale:opt-out': null,
  'sale:opt-in': null,
};

/** The engine's regime for a DRP regime. DRP 1.0 encodes only "ccpa"; a request without one is
 *  voluntary (§3.01) and is processed under CCPA's rules, the regime DRP's rights are written for. */
export function engineRegimeFor(regime: string | undefined): RegimeKey | null {
  if (regime === undefined || regime === 'ccpa') return 'US_CA_CCPA';
  return null;
}

export interface DrpState {
  status: 'open' | 'in_progress' | 'fulfilled' | 'revoked' | 'denied' | 'expired';
  reason?: 'need_user_verification' | DrpDenialReason;
  details?: string;
}

/** The one table: each engine status as a DRP state. `expired` is never used: the engine
 *  gives no expires_at, so no request passes one. */
export const STATUS_TABLE: Record<RequestStatus, DrpState> = {
  RECEIVED: { status: 'open' },
  AWAITING_VERIFICATION: { status: 'in_progress', reason: 'need_user_verification', details: 'The consumer is asked to confirm their e-mail address with a code we mailed them.' },
  AWAITING_FEE: { status: 'in_progress', details: 'The business awaits the consumer’s answer to a fee.' },
  AWAITING_DECISION: { status: 'in_progress', details: 'The request is with the business’s privacy team for a decision.' },
  AWAITING_APPROVAL: { status: 'in_progress', details: 'The erasure waits for a second member of the business’s privacy team to approve it.' },
  IN_FULFILMENT: { status: 'in_progress' },
  STUCK: { status: 'in_progress', details: 'A system holding the consumer’s data needs attention; the request goes on once it is settled.' },
  COMPLETED: { status: 'fulfilled', details: 'The reply was sent to the consumer’s e-mail address.' },
  REFUSED: { status: 'denied', reason: 'claim_not_covered', details: 'The business refused the request on a ground the law allows; the consumer was told why.' },
  UNVERIFIABLE: { status: 'denied', reason: 'insuf_verification', details: 'The consumer’s identity could not be verified in time.' },
  WITHDRAWN: { status: 'revoked' },
  DUPLICATE: { status: 'denied', reason: 'too_many_requests', details: 'The consumer already has the same request open with this business.' },
};

/** A state moved from one status to another, with the outcome where the status alone is too coarse. */
export function drpStateOf(status: RequestStatus, outcome: string | null): DrpState {
  // Declining a fee closes the request as withdrawn, but it was the consumer's answer, not a revocation.
  if (status === 'WITHDRAWN' && outcome === 'FEE_DECLINED') return { status: 'denied', reason: 'other', details: 'The consumer declined the fee quoted for the request.' };
  return STATUS_TABLE[status];
}
