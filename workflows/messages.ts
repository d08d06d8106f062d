// Messages and payload types of the request workflow, defined once and imported by the
// workflow, the worker and every client (HTTP API, console, tests).
import { defineSearchAttributeKey } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Awaiting } from '../domain/awaiting';
import type { StoreOutcome, StoreTaskStatus } from '../domain/fulfilment';
import type { RegimeKey } from '../domain/regime-key';
import type { RequestFee } from '../domain/request-fee';
import type { RequestType } from '../domain/request-kinds';
import type { RequestStatus } from '../domain/status';
import type { VerificationOutcome } from '../domain/verification';

// The request as intake hands it, the deadline plan and the outcome of a code check are
// shared with the activities, which sit below the workflow: they are defined in domain/.
export type { DsrWorkflowInput } from '../domain/request-input';
export type { DeadlinePlan } from '../domain/deadline-plan';
export type { VerificationOutcome } from '../domain/verification';
export type { SubjectIdentities } from '../domain/request-input';

export interface StoreState {
  status: StoreTaskStatus;
  reason?: string;
  outcome?: StoreOutcome;
}

export type { Awaiting };

/** The API's signed proof that the member of staff named in the call asked for it
 *  (crypto/staff-assertion.ts); checked before a staff update changes anything. */
export interface Asserted {
  assertion?: string;
}

/** The role the API signs for an authorized agent's attestation (server/use-cases/staff-assertions.ts):
 *  the workflow tells an agent's attestation from staff's by it (workflows/approval.ts). */
export const AUTHORIZED_AGENT_ROLE = 'authorized-agent';

// Defined with the start input, so the opening activity reads them without climbing to the workflows.
export { attestedEventKey, OPEN_ATTESTED } from '../domain/request-input';

export interface DsrStatus {
  requestId: string;
  status: RequestStatus;
  type: RequestType;
  regime: RegimeKey;
  dueAt: string | null;
  awaiting: Awaiting;
  extensions: number;
  stores: Record<string, StoreState>;
  fee: RequestFee | null;
  outcome: string | null;
}

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
/** The subject signed in to the controller's account system (OpenID Connect) as the request's
 *  subject: the keyed hash of the identifying claim, and the API's signature binding it to this
 *  request (server/oidc/). Hashes only: no claim value ever enters the workflow. */
export interface SignInProof extends Asserted {
  /** The keyed hash of the identifying claim: the e-mail's identity hash, or the account id's. */
  claimHash: string;
  /** Which claim identified the subject; absent in proofs sent before `sub` was served: 'email'. */
  claim?: 'email' | 'sub';
  /** Keyed hash of the account's `sub`, so the audit says which account, without naming it. */
  accountHash: string;
  issuer: string;
}
/** The actor the API signs a sign-in proof for: bound to the claim's hash, so the proof cannot be replayed for another subject. */
export const signInActor = (claimHash: string): string => `account-sign-in:${claimHash}`;
export const SIGN_IN_ROLE = 'account-sign-in';
export const verifyBySignInUpdate = defineUpdate<DsrStatus, [SignInProof]>('verifyBySignIn');
/** The deployer's account system, as the API vouches for its signed sign-in event (server/routes/account-events.ts). */
export const ACCOUNT_SYSTEM_ACTOR = 'account-system';
/** A sign-in during an account closure's cooling-off period cancels the closure. */
export const cancelClosureBySignInUpdate = defineUpdate<DsrStatus, [{ signedInAt: string } & Asserted]>('cancelClosureBySignIn');
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
