// The read model of a request: everything the portal, the API and the console show about it
// (status, what it waits for, due date, extensions, fee, outcome; store states live in
// StoreTask) is written to its DsrRequest row by the activity that changes it, in the same
// transaction as the audit event. Status pages read the row and never ask the workflow.
// New steps call writeRequestState (inside their own transaction) or the recordTransition
// activity; nothing else writes these columns.
import { ApplicationFailure } from '@temporalio/activity';
import { awaitingFor } from '../domain/awaiting';
import { canTransition, isClosed, type RequestStatus } from '../domain/status';
import { Prisma } from '../generated/prisma/client';
import type { RequestFee } from '../domain/request-fee';
import { appendAudit, updateRequest } from '../db/records';

type Tx = Prisma.TransactionClient;

export type FeeView = RequestFee;

/** A status move, audited as STATUS_CHANGED under its replay-stable event key. */
export interface StatusMove {
  from: RequestStatus;
  to: RequestStatus;
  /** "system", "subject" or "staff:<id>". */
  actor: string;
  reason: string;
  eventKey: string;
  /** The erasable note holding the mover's own words, when the reason was theirs (activities/transitions.ts). */
  noteId?: string;
}

export interface RequestStateChange {
  requestId: string;
  move?: StatusMove;
  /** The fee as it now stands (quoted with the move to AWAITING_FEE). */
  fee?: FeeView | null;
  /** The short outcome code of a closing move (reporting). */
  outcome?: string;
}

/** The fee answers recorded as decisions, and the fee state each leaves. */
export const FEE_ANSWERS: Record<string, FeeView['state']> = { FEE_ACCEPTED: 'ACCEPTED', FEE_DECLINED: 'DECLINED', FEE_WAIVED: 'WAIVED' };

/** Refuses a move the transition table does not allow; retrying cannot make it allowed. */
export function assertMoveAllowed(move: StatusMove): void {
  if (!canTransition(move.from, move.to)) {
    throw ApplicationFailure.nonRetryable(`Transition ${move.from} -> ${move.to} is not allowed.`, 'IllegalTransition');
  }
}

/** Writes one change of the request's state into its row, with the move's audit event: one
 *  write for the status, its audit event and its mirror. Idempotent: a retry sets the same
 *  values and the event key keeps the audit event single. */
export async function writeRequestState(tx: Tx, now: Date, change: RequestStateChange): Promise<void> {
  const { requestId, move } = change;
  await updateRequest(tx, requestId, {
    ...(move && { status: move.to, awaiting: awaitingFor(move.to), closedAt: isClosed(move.to) ? now : undefined }),
    ...(change.fee !== undefined && { fee: change.fee }),
    ...(change.outcome !== undefined && { outcome: change.outcome }),
  });
  if (move) {
    await appendAudit(tx, { requestId, actor: move.actor, action: 'STATUS_CHANGED', reason: move.reason, details: { from: move.from, to: move.to, ...(move.noteId ? { noteId: move.noteId } : {}) }, eventKey: move.eventKey });
  }
}

/** Records the subject's or staff's answer to the quoted fee in the row (a decision's side of the read model). */
export async function writeFeeAnswer(tx: Tx, requestId: string, action: string): Promise<void> {
  const state = FEE_ANSWERS[action];
  if (!state) return;
  await tx.$executeRaw`UPDATE "DsrRequest" SET fee = jsonb_set(fee, '{state}', to_jsonb(${state}::text)) WHERE id = ${requestId}::uuid AND fee IS NOT NULL`;
}
