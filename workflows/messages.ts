// Messages and payload types of the request workflow, defined once and imported by the
// workflow, the worker and every client (HTTP API, console, tests).
import { defineSearchAttributeKey } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Awaiting } from '../domain/awaiting';
import type { StoreOutcome } from '../domain/fulfilment';
import type { Channel, Language, RequestType } from '../domain/request-kinds';
import type { RequestStatus } from '../domain/status';

/** What intake hands the workflow. The identity key arrives only as a keyed hash and a
 *  ciphertext; everything else here is non-personal, and the payload codec encrypts all. */
export interface DsrWorkflowInput {
  requestId: string;
  type: RequestType;
  regime: string;
  channel: Channel;
  language: Language;
  receivedAt: string;
  subject: { emailHash: string; emailEncrypted: string };
  /** Set when an agent opened the request and attested identity with evidence. */
  attestation?: { staffId: string; evidenceNote: string; assertion?: string };
  /** Correction requests: field -> new value (validated at intake). */
  corrections?: Record<string, string>;
  /** Digest of the controller profile in force at intake (absent in runs started before profiles). */
  profileDigest?: string;
  /** Set when a DRP agent filed the request with a status_callback: each status change is posted to it (workflows/drp-callback.ts). */
  drpStatusCallback?: boolean;
}

/** A deadline plan: the due instant and the moments at which staff are warned. */
export interface DeadlinePlan {
  dueAt: string;
  dueDate: string;
  basis: string;
  alerts: Array<{ at: string; kind: 'reminder' | 'escalation' | 'deadline-reply'; daysBefore: number }>;
  /** Further extensions the regime allows, and the last instant to give notice of one. */
  extensionsLeft: number;
  extendBy: string | null;
}

export interface StoreState {
  status: 'PENDING' | 'DONE' | 'FAILED' | 'SKIPPED' | 'MANUAL';
  reason?: string;
  outcome?: StoreOutcome;
}

export type { Awaiting };

/** The API's signed proof that the member of staff named in the call asked for it
 *  (crypto/staff-assertion.ts); checked before a staff update changes anything. */
export interface Asserted {
  assertion?: string;
}

/** The action an assertion names when staff open a request with an attestation. */
export const OPEN_ATTESTED = 'openAttested';

export interface DsrStatus {
  requestId: string;
  status: RequestStatus;
  type: RequestType;
  regime: string;
  dueAt: string | null;
  awaiting: Awaiting;
  extensions: number;
  stores: Record<string, StoreState>;
  fee: { amount: number; currency: string; state: 'QUOTED' | 'ACCEPTED' | 'DECLINED' | 'WAIVED' } | null;
  outcome: string | null;
}

export type VerificationOutcome = 'VERIFIED' | 'WRONG_CODE' | 'EXPIRED' | 'EXHAUSTED' | 'NO_CHALLENGE';
export interface VerifyIdentityResult {
  outcome: VerificationOutcome;
  attemptsLeft: number;
  status: RequestStatus;
}

/** A legal ground for refusing all or part of a request, with its citation. */
export interface GroundRef {
  code: string;
  citation: string;
}

export interface DecisionInput extends Asserted {
  staffId: string;
  /** CHARGE_FEE: the request is manifestly unfounded or excessive and the regime lets the
   *  controller charge its fee for it; the fee is quoted and the request waits for the answer. */
  decision: 'PROCEED' | 'REFUSE' | 'REFUSE_IN_PART' | 'CHARGE_FEE';
  grounds: GroundRef[];
  /** For REFUSE_IN_PART: the categories kept out of the request, each with its ground. */
  excluded?: Array<{ category: string; ground: string; citation: string }>;
  reason: string;
}

/** A person's confirmation of a manual task: what they did or checked, or that nothing was found. */
export interface ManualTaskCompletion extends Asserted {
  staffId: string;
  store: string;
  note: string;
  nothingFound: boolean;
  /** Records dealt with, when the person counted them; 0 or absent with nothingFound. */
  processed?: number;
}

/** A second person's answer on an erasure whose identity staff attested (four eyes). */
export interface ApprovalInput extends Asserted {
  staffId: string;
  approve: boolean;
  reason: string;
}

export const statusQuery = defineQuery<DsrStatus>('status');
export const verifyIdentityUpdate = defineUpdate<VerifyIdentityResult, [{ code: string }]>('verifyIdentity');
export const resendCodeUpdate = defineUpdate<DsrStatus, []>('resendCode');
export const attestIdentityUpdate = defineUpdate<DsrStatus, [{ staffId: string; evidenceNote: string } & Asserted]>('attestIdentity');
export const answerFeeUpdate = defineUpdate<DsrStatus, [{ accept: boolean }]>('answerFee');
export const waiveFeeUpdate = defineUpdate<DsrStatus, [{ staffId: string; reason: string } & Asserted]>('waiveFee');
export const decideUpdate = defineUpdate<DsrStatus, [DecisionInput]>('decide');
export const extendDeadlineUpdate = defineUpdate<DsrStatus, [{ staffId: string; reason: string } & Asserted]>('extendDeadline');
export const retryStoreUpdate = defineUpdate<DsrStatus, [{ staffId: string; store: string } & Asserted]>('retryStore');
export const skipStoreUpdate = defineUpdate<DsrStatus, [{ staffId: string; store: string; justification: string } & Asserted]>('skipStore');
export const completeStoreUpdate = defineUpdate<DsrStatus, [{ staffId: string; store: string; note: string } & Asserted]>('completeStoreManually');
export const completeManualTaskUpdate = defineUpdate<DsrStatus, [ManualTaskCompletion]>('completeManualTask');
export const withdrawUpdate = defineUpdate<DsrStatus, [{ actor: string; reason?: string } & Asserted]>('withdraw');
/** From a verified request of the same subject and kind to an unverified one it supersedes. */
export const supersededSignal = defineSignal<[{ byRequestId: string }]>('superseded');
export const approveErasureUpdate = defineUpdate<DsrStatus, [ApprovalInput]>('approveErasure');

/** Non-personal search attributes, so compliance can also find requests in the Web UI. */
export const SA_STATUS = defineSearchAttributeKey('DsrStatus', 'KEYWORD');
export const SA_TYPE = defineSearchAttributeKey('DsrType', 'KEYWORD');
export const SA_REGIME = defineSearchAttributeKey('DsrRegime', 'KEYWORD');
export const SA_DUE_AT = defineSearchAttributeKey('DsrDueAt', 'DATETIME');
export const SA_STUCK = defineSearchAttributeKey('DsrStuck', 'BOOL');
export const SEARCH_ATTRIBUTES = [SA_STATUS, SA_TYPE, SA_REGIME, SA_DUE_AT, SA_STUCK];

/** Workflow ids carry only the random request id, never personal data. */
export function workflowIdFor(requestId: string): string {
  return `dsr-${requestId}`;
}
