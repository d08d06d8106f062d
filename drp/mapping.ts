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
 *  access rights. `sale:opt-out` is a MANAGE request objecting to every purpose the data map
 *  marks a sale or a sharing (optOutPurposes; none marked: not covered). `sale:opt-in` (reconsent)
 *  would need an action that grants consent, which MANAGE does not have. */
export const EXERCISE_TYPES: Record<DrpExercise, RequestType | null> = {
  access: 'ACCESS',
  'access:categories': 'ACCESS',
  'access:specific': 'ACCESS',
  deletion: 'DELETION',
  'sale:opt-out': 'MANAGE',
  'sale:opt-in': null,
};

/** What `sale:opt-out` asks of the engine: an objection to the purposes the map marks a sale
 *  or a sharing. Both: since the CPRA one opt-out covers selling and sharing (Cal. Civ. Code
 *  §1798.120(a)), and DRP 1.0's right predates the word "sharing". */
export function optOutPurposes(purposes: ReadonlyArray<{ id: string; disclosure: readonly string[] }>): string[] {
  return purposes.filter((p) => p.disclosure.includes('sale') || p.disclosure.includes('sharing')).map((p) => p.id);
}

/** The engine's regime for a DRP regime. DRP 1.0 encodes only "ccpa"; a request without one
 *  "MAY be considered for voluntary processing" (§2.01, §3.01): the engine processes it under
 *  the controller profile's default regime, as it does a portal request that names none. */
export function engineRegimeFor(regime: string | undefined, defaultRegime: RegimeKey): RegimeKey | null {
  if (regime === undefined) return defaultRegime;
  if (regime === 'ccpa') return 'US_CA_CCPA';
  return null;
}

export interface DrpState {
  status: 'open' | 'in_progress' | 'fulfilled' | 'revoked' | 'denied' | 'expired';
  reason?: 'need_user_verification' | DrpDenialReason;
  details?: string;
}

/** The one table: each engine status as a DRP state. `expired` is not here: it is a fulfilled
 *  access request whose package has passed its expires_at (drp/exercise-status.ts). */
export const STATUS_TABLE: Record<RequestStatus, DrpState> = {
  RECEIVED: { status: 'open' },
  AWAITING_VERIFICATION: { status: 'in_progress', reason: 'need_user_verification', details: 'The consumer is asked to confirm their e-mail address with a code we mailed them.' },
  AWAITING_FEE: { status: 'in_progress', details: 'The business awaits the consumer’s answer to a fee.' },
  AWAITING_DECISION: { status: 'in_progress', details: 'The request is with the business’s privacy team for a decision.' },
  AWAITING_APPROVAL: { status: 'in_progress', details: 'The erasure waits for a second member of the business’s privacy team to approve it.' },
  IN_FULFILMENT: { status: 'in_progress' },
  STUCK: { status: 'in_progress', details: 'A system holding the consumer’s data needs attention; the request goes on once it is settled.' },
  COMPLETED: { status: 'fulfilled', details: 'The reply was sent to the consumer’s e-mail address.' },
  REFUSED: { status: 'denied', reason: 'other', details: 'The business refused the request on a ground the law allows; the consumer was told why.' },
  UNVERIFIABLE: { status: 'denied', reason: 'insuf_verification', details: 'The consumer’s identity could not be verified in time.' },
  WITHDRAWN: { status: 'revoked' },
  DUPLICATE: { status: 'denied', reason: 'too_many_requests', details: 'The consumer already has the same request open with this business.' },
};

/** What the status alone does not tell: the refusal's legal citations (codes of law, never
 *  staff's words, which may describe the consumer) and whether an access reply found nothing. */
export interface OutcomeFacts {
  citations?: readonly string[];
  nothingHeld?: boolean;
}

/** A state moved from one status to another, with the outcome where the status alone is too coarse. */
export function drpStateOf(status: RequestStatus, outcome: string | null, facts: OutcomeFacts = {}): DrpState {
  // Declining a fee closes the request as withdrawn, but it was the consumer's answer, not a revocation.
  if (status === 'WITHDRAWN' && outcome === 'FEE_DECLINED') return { status: 'denied', reason: 'other', details: 'The consumer declined the fee quoted for the request.' };
  // §3.02: more requests than the business is legally obliged to process.
  if (status === 'REFUSED' && outcome === 'REFUSED_EXCESSIVE') {
    return { status: 'denied', reason: 'too_many_requests', details: 'The business refused the request as manifestly unfounded or excessive (repeated requests), as the law allows; the consumer was told why.' };
  }
  // No DRP reason names an exemption: `other`, with the legal ground cited (§3.08: details add colour to a reason).
  if (status === 'REFUSED' && outcome === 'REFUSED_EXEMPT') {
    const grounds = facts.citations && facts.citations.length > 0 ? ` (${facts.citations.join('; ')})` : '';
    return { status: 'denied', reason: 'other', details: `The business refused the request under an exemption the law provides${grounds}; the consumer was told why.` };
  }
  // Every system was searched under the identity given and none holds the consumer: §3.02's no_match.
  if (status === 'COMPLETED' && facts.nothingHeld) {
    return { status: 'denied', reason: 'no_match', details: 'No system of the business holds data under the identity given; the consumer was told so.' };
  }
  return STATUS_TABLE[status];
}
