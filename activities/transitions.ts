// Mirroring the workflow's status moves into PostgreSQL, each with its audit event and the
// rest of the read model it changes (activities/request-state.ts).
import type { RequestStatus } from '../domain/status';
import { writeAuditNote } from '../db/audit-notes';
import { eventRecorded } from '../db/records';
import type { FieldCipher } from '../crypto/field-cipher';
import type { Prisma } from '../generated/prisma/client';
import type { ActivityDeps } from './deps';
import { assertMoveAllowed, type FeeView, writeRequestState } from './request-state';

export interface TransitionRecord {
  requestId: string;
  from: RequestStatus;
  to: RequestStatus;
  actor: string;
  reason: string;
  eventKey: string;
  /** The fee as it stands after the move (the quote, with the move to AWAITING_FEE). */
  fee?: FeeView | null;
  /** The outcome code of a closing move, written with it (runs from before this wrote it apart). */
  outcome?: string;
}

/** The reason of a move to WITHDRAWN is the withdrawer's own words (the workflow passes them
 *  through, or "withdrawn" when none were given): they may describe the subject, so they are kept
 *  as an erasable note, not in the trail. Recognised here rather than flagged by the workflow, so
 *  that running workflows are covered without a new version of their code. */
const WITHDRAWN_PLAIN = 'withdrawn';
const ownWords = (t: { to: RequestStatus; reason: string }) => t.to === 'WITHDRAWN' && t.reason !== WITHDRAWN_PLAIN;

/** Writes one status move inside the caller's transaction: the row (status, what it awaits,
 *  fee, outcome) and its STATUS_CHANGED event, the withdrawer's own words as an erasable note.
 *  Shared by recordTransition and the activities that carry a move with their own write
 *  (planning the fulfilment, the final reply), so a move is written the same way wherever it rides. */
export async function writeTransition(tx: Prisma.TransactionClient, cipher: FieldCipher, now: Date, { requestId, from, to, actor, reason, eventKey, fee, outcome }: TransitionRecord): Promise<void> {
  const move = { from, to, actor, reason, eventKey };
  assertMoveAllowed(move);
  // A retried activity whose event is already on record writes no second note.
  const recorded = ownWords(move) && (await eventRecorded(tx, eventKey));
  const noteId = ownWords(move) && !recorded ? await writeAuditNote(tx, cipher, requestId, reason) : undefined;
  const audited = ownWords(move) ? { ...move, reason: WITHDRAWN_PLAIN, noteId } : move;
  await writeRequestState(tx, now, { requestId, move: audited, fee, outcome });
}

export function transitionActivities({ db, clock, cipher }: ActivityDeps) {
  return {
    /** Sets the request's status, what it awaits, its fee or outcome, and appends a STATUS_CHANGED audit event, atomically. */
    async recordTransition(t: TransitionRecord): Promise<void> {
      // Refused before the transaction opens: retrying cannot make the move allowed.
      assertMoveAllowed(t);
      const now = clock();
      await db.$transaction((tx) => writeTransition(tx, cipher, now, t));
    },
  };
}
