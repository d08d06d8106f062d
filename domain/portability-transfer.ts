// A portability package sent to a recipient the controller registered (PIPL art 45 para 3;
// the protocol: docs/portability-recipients.md). Shared by the workflow, which schedules the
// sending, and the activity, which gives up on an unreachable recipient after the same number
// of attempts the workflow's retry policy allows.

/** How a transfer ended. Only ACKNOWLEDGED means delivered; every other state leaves the
 *  package with the subject alone, and the reply says why. */
export const TRANSFER_STATES = ['SENDING', 'ACKNOWLEDGED', 'REFUSED', 'UNREACHABLE', 'RECEIPT_INVALID', 'NOT_SENT'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

/** Attempts at reaching a recipient that is down or answers 5xx, before it is given up as unreachable. */
export const TRANSFER_ATTEMPTS = 5;

/** What the workflow hands the activity: ids and store names, nothing personal. */
export interface TransferRequest {
  requestId: string;
  recipientId: string;
  /** The stores the engine searched, whose provided categories make the package. */
  stores: string[];
}

/** What the activity tells the workflow (the reply reads the full row). */
export interface TransferResult {
  state: TransferState;
  acknowledgedAt: string | null;
}
