// Mirroring the workflow's status moves into PostgreSQL, each with its audit event.
import { ApplicationFailure } from '@temporalio/activity';
import { canTransition, isClosed, type RequestStatus } from '../domain/status';
import { appendAudit } from '../db/audit';
import type { ActivityDeps } from './deps';

export interface TransitionRecord {
  requestId: string;
  from: RequestStatus;
  to: RequestStatus;
  actor: string;
  reason: string;
  eventKey: string;
}

export function transitionActivities({ db, clock }: ActivityDeps) {
  return {
    /** Sets the request's status and appends a STATUS_CHANGED audit event, atomically. */
    async recordTransition(t: TransitionRecord): Promise<void> {
      if (!canTransition(t.from, t.to)) {
        throw ApplicationFailure.nonRetryable(`Transition ${t.from} -> ${t.to} is not allowed.`, 'IllegalTransition');
      }
      const now = clock();
      await db.$transaction(async (tx) => {
        await tx.dsrRequest.update({
          where: { id: t.requestId },
          data: {
            status: t.to,
            closedAt: isClosed(t.to) ? now : undefined,
          },
        });
        await appendAudit(tx, {
          requestId: t.requestId,
          actor: t.actor,
          action: 'STATUS_CHANGED',
          reason: t.reason,
          details: { from: t.from, to: t.to },
          eventKey: t.eventKey,
        });
      });
    },
  };
}
