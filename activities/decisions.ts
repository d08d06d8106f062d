// Recording human and automatic decisions that are not status changes: attestations,
// fee answers, compliance decisions, the final outcome code.
import { appendAudit, eventRecorded, updateRequest } from '../db/records';
import { writeAuditNote } from '../db/audit-notes';
import { writeFeeAnswer } from './request-state';
import type { ActivityDeps } from './deps';

/** Decisions whose reason is staff's own words (an evidence note, a waiver's or a decision's
 *  reasons), which may describe the subject: kept as an erasable note, not in the trail. */
const takesNote = (action: string) => action === 'IDENTITY_ATTESTED' || action === 'FEE_WAIVED' || action.startsWith('DECISION_');

export function decisionActivities({ db, cipher }: ActivityDeps) {
  return {
    /** Appends one decision to the audit trail, with who took it and why (the why as a note where it is free text). */
    async recordDecision(d: { requestId: string; actor: string; action: string; reason?: string; details?: Record<string, unknown>; eventKey?: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        // A retried activity whose event is already on record writes no second note.
        if (d.eventKey && (await eventRecorded(tx, d.eventKey))) return;
        const noteId = d.reason && takesNote(d.action) ? await writeAuditNote(tx, cipher, d.requestId, d.reason) : undefined;
        const details = noteId ? { ...d.details, noteId } : d.details;
        await appendAudit(tx, { requestId: d.requestId, actor: d.actor, action: d.action, reason: noteId ? undefined : d.reason, details, eventKey: d.eventKey });
        // A fee answer changes what the status page shows: written with its audit event.
        await writeFeeAnswer(tx, d.requestId, d.action);
      });
    },

    /** Stores the short, non-personal outcome code used by reporting. */
    async recordOutcome({ requestId, outcome }: { requestId: string; outcome: string }): Promise<void> {
      await updateRequest(db, requestId, { outcome });
    },
  };
}
