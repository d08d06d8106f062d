// Mirroring the workflow's status moves into PostgreSQL, each with its audit event and the
// rest of the read model it changes (activities/request-state.ts).
import type { RequestStatus } from '../domain/status';
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

export function transitionActivities({ db, clock }: ActivityDeps) {
  return {
    /** Sets the request's status, what it awaits, its fee or outcome, and appends a STATUS_CHANGED audit event, atomically. */
    async recordTransition({ requestId, from, to, actor, reason, eventKey, fee, outcome }: TransitionRecord): Promise<void> {
      const move = { from, to, actor, reason, eventKey };
      assertMoveAllowed(move);
      const now = clock();
      await db.$transaction((tx) => writeRequestState(tx, now, { requestId, move, fee, outcome }));
    },
  };
}
