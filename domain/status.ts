// The one status enum and the one transition table. The workflow, the API and the pages
// all ask this module whether a move is allowed, so the rules cannot drift apart.

export const REQUEST_STATUSES = [
  'RECEIVED',
  'AWAITING_VERIFICATION',
  'AWAITING_FEE',
  'AWAITING_DECISION',
  'AWAITING_APPROVAL',
  'IN_FULFILMENT',
  'STUCK',
  'COMPLETED',
  'REFUSED',
  'UNVERIFIABLE',
  'WITHDRAWN',
  'DUPLICATE',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses in which nothing more will happen to a request. */
export const CLOSED_STATUSES: readonly RequestStatus[] = ['COMPLETED', 'REFUSED', 'UNVERIFIABLE', 'WITHDRAWN', 'DUPLICATE'];

const OPEN_TO_CLOSED_BY_SUBJECT_OR_STAFF: RequestStatus[] = ['WITHDRAWN', 'REFUSED'];

export const TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  RECEIVED: ['AWAITING_VERIFICATION', 'AWAITING_APPROVAL', 'AWAITING_FEE', 'AWAITING_DECISION', 'IN_FULFILMENT', 'DUPLICATE', ...OPEN_TO_CLOSED_BY_SUBJECT_OR_STAFF],
  AWAITING_VERIFICATION: ['AWAITING_APPROVAL', 'AWAITING_FEE', 'AWAITING_DECISION', 'IN_FULFILMENT', 'UNVERIFIABLE', 'DUPLICATE', ...OPEN_TO_CLOSED_BY_SUBJECT_OR_STAFF],
  AWAITING_FEE: ['AWAITING_DECISION', 'IN_FULFILMENT', ...OPEN_TO_CLOSED_BY_SUBJECT_OR_STAFF],
  AWAITING_DECISION: ['IN_FULFILMENT', 'AWAITING_FEE', ...OPEN_TO_CLOSED_BY_SUBJECT_OR_STAFF],
  // A deletion or account closure whose identity staff attested waits for a second person
  // (compliance) to approve it; a rejected attestation closes the request as unverifiable.
  AWAITING_APPROVAL: ['AWAITING_FEE', 'AWAITING_DECISION', 'IN_FULFILMENT', 'UNVERIFIABLE', 'DUPLICATE', ...OPEN_TO_CLOSED_BY_SUBJECT_OR_STAFF],
  IN_FULFILMENT: ['STUCK', 'COMPLETED', ...OPEN_TO_CLOSED_BY_SUBJECT_OR_STAFF],
  STUCK: ['IN_FULFILMENT', 'COMPLETED', ...OPEN_TO_CLOSED_BY_SUBJECT_OR_STAFF],
  COMPLETED: [],
  REFUSED: [],
  UNVERIFIABLE: [],
  WITHDRAWN: [],
  DUPLICATE: [],
};

/** Statuses in which the subject or staff may still withdraw the request: once
 *  fulfilment has begun (IN_FULFILMENT, and STUCK, which is fulfilment waiting on a store),
 *  erasures may already be done and cannot be taken back, so a withdrawal is refused. */
export const WITHDRAWABLE_STATUSES: readonly RequestStatus[] = ['RECEIVED', 'AWAITING_VERIFICATION', 'AWAITING_APPROVAL', 'AWAITING_FEE', 'AWAITING_DECISION'];

/** True when the table allows moving from `from` to `to`. */
export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** True when a request in this status is finished. */
export function isClosed(status: RequestStatus): boolean {
  return CLOSED_STATUSES.includes(status);
}
