// A portability package sent to a recipient the controller registered (PIPL art 45 para 3;
// the protocol: docs/portability-recipients.md). Shared by the workflow, which paces the
// attempts with its own timers (durable, and skipped by the test server like any wait), and the
// activity, which makes one attempt each time and gives up on the last.

/** How a transfer ended. Only ACKNOWLEDGED means delivered; every other state leaves the
 *  package with the subject alone, and the reply says why. */
export const TRANSFER_STATES = ['SENDING', 'ACKNOWLEDGED', 'REFUSED', 'UNREACHABLE', 'RECEIPT_INVALID', 'NOT_SENT'] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

/** The waits between attempts at a recipient that is down or answers 5xx: a maintenance window
 *  of some hours is outlasted, and the reply is held back by less than a day. */
export const TRANSFER_RETRY_DELAYS = ['1 minute', '10 minutes', '1 hour', '6 hours'] as const;

/** Attempts at reaching such a recipient before it is given up as unreachable. */
export const TRANSFER_ATTEMPTS = TRANSFER_RETRY_DELAYS.length + 1;

/** What the workflow hands the activity: ids and store names, nothing personal. */
export interface TransferRequest {
  requestId: string;
  recipientId: string;
  /** The stores the engine searched, whose provided categories make the package. */
  stores: string[];
  /** 1 for the first attempt; the last (TRANSFER_ATTEMPTS) settles an unreachable recipient as such. */
  attempt: number;
}

/** What the activity tells the workflow (the reply reads the full row): SENDING means try again later. */
export interface TransferResult {
  state: TransferState;
  acknowledgedAt: string | null;
}
