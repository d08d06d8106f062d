// Messages and payload types of the request workflow, defined once and imported by the
// workflow, the worker and every client (HTTP API, tests).
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Channel, Language, RequestType } from '../domain/request-kinds';
import type { RequestStatus } from '../domain/status';

/** What intake hands the workflow. The identity key arrives only as a keyed hash and a
 *  ciphertext, so no personal data sits in clear in the workflow's history. */
export interface DsrWorkflowInput {
  requestId: string;
  type: RequestType;
  regime: string;
  channel: Channel;
  language: Language;
  receivedAt: string;
  subject: { emailHash: string; emailEncrypted: string };
  /** How long the subject has to verify identity before the request closes (ms). */
  verificationWindowMs: number;
}

export interface DsrStatus {
  requestId: string;
  status: RequestStatus;
  type: RequestType;
  regime: string;
  awaiting: 'SUBJECT_VERIFICATION' | null;
}

export type VerificationOutcome = 'VERIFIED' | 'WRONG_CODE' | 'EXPIRED' | 'EXHAUSTED' | 'NO_CHALLENGE';

export interface VerifyIdentityResult {
  outcome: VerificationOutcome;
  attemptsLeft: number;
  status: RequestStatus;
}

export const statusQuery = defineQuery<DsrStatus>('status');
export const verifyIdentityUpdate = defineUpdate<VerifyIdentityResult, [{ code: string }]>('verifyIdentity');

/** Workflow ids carry only the random request id, never personal data. */
export function workflowIdFor(requestId: string): string {
  return `dsr-${requestId}`;
}
