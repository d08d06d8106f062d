// What a request in a given status waits for: the same answer for the workflow's own state
// and for the database row the portal, API and console read (activities/request-state.ts).
import type { RequestStatus } from './status';

export const AWAITING_VALUES = ['SUBJECT_VERIFICATION', 'SUBJECT_FEE_ANSWER', 'COMPLIANCE_DECISION', 'COMPLIANCE_APPROVAL', 'COMPLIANCE_STORE_ACTION'] as const;
export type Awaiting = (typeof AWAITING_VALUES)[number] | null;

const AWAITING_BY_STATUS: Partial<Record<RequestStatus, Awaiting>> = {
  AWAITING_VERIFICATION: 'SUBJECT_VERIFICATION',
  AWAITING_FEE: 'SUBJECT_FEE_ANSWER',
  AWAITING_DECISION: 'COMPLIANCE_DECISION',
  AWAITING_APPROVAL: 'COMPLIANCE_APPROVAL',
  STUCK: 'COMPLIANCE_STORE_ACTION',
};

/** Who or what a request in `status` waits for; null when it waits for nobody. */
export function awaitingFor(status: RequestStatus): Awaiting {
  return AWAITING_BY_STATUS[status] ?? null;
}

/** Why a store whose manual task is open is not done: waiting for the person is not being stuck. */
export const STORE_AWAITING_PERSON = 'waiting for a person to work this store (manual task)';
