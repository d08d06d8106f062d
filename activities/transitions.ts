// Mirroring the workflow's status moves into PostgreSQL, each with its audit event.
import { ApplicationFailure } from '@temporalio/activity';
import { canTransition, isClosed, type RequestStatus } from '../domain/status';
import { appendAudit } from '../db/audit';
import { writeAuditNote } from './audit-notes';
import type { ActivityDeps } from './deps';

export interface TransitionRecord {
  requestId: string;
  from: RequestStatus;
  to: RequestStatus;
  actor: string;
  reason: string;
  eventKey: string;
}

/** The reason of a move to WITHDRAWN is the withdrawer's own words (the workflow passes them
 *  through, or "withdrawn" when none were given): they may describe the subject, so they are kept
 *  as an erasable note, not in the trail. Recognised here rather than flagged by the workflow, so
 *  that running workflows are covered without a new version of their code. */
const WITHDRAWN_PLAIN = 'withdrawn';
const ownWords = (t: TransitionRecord) => t.to === 'WITHDRAWN' && t.reason !== WITHDRAWN_PLAIN;

export function transitionActivities({ db, clock, cipher }: ActivityDeps) {
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
        // A retried activity whose event is already on record writes no second note.
        const recorded = ownWords(t) && (await tx.auditEvent.findUnique({ where: { eventKey: t.eventKey }, select: { id: true } }));
        const noteId = ownWords(t) && !recorded ? await writeAuditNote(tx, cipher, t.requestId, t.reason) : undefined;
        await appendAudit(tx, {
          requestId: t.requestId,
          actor: t.actor,
          action: 'STATUS_CHANGED',
          reason: ownWords(t) ? WITHDRAWN_PLAIN : t.reason,
          details: { from: t.from, to: t.to, ...(noteId ? { noteId } : {}) },
          eventKey: t.eventKey,
        });
      });
    },
  };
}
