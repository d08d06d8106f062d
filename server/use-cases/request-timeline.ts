// Everything staff need to judge one request: where it stands, its audit trail in order,
// each store's fulfilment, and the legal holds and exemption signals on its subject.
// Audit details hold no personal data by design, so they are shown as recorded; staff's own
// words are kept as notes (details.noteId) and shown as the reason while they exist, "note
// erased" once a completed erasure cleared them.
import { readAuditNotes } from '../../db/audit-notes';
import { auditEventsOf, findRequestFields, noteIdOf, storeTasksOf } from '../../db/records';
import { activeExemptionSignals } from '../../legal/exemptions';
import { activeHolds } from '../../legal/holds';
import type { ServerDeps } from '../deps';
import type { Timeline } from '../staff/console-schemas';
import { holdView } from './legal-holds';
import { signalView } from './exemption-signals';
import { staffRequestStatus } from './staff-actions';
import { staffNamer } from './staff-names';

/** The request's timeline; 404 for a request that does not exist. */
export async function requestTimeline(deps: ServerDeps, requestId: string): Promise<Timeline> {
  const request = await staffRequestStatus(deps, requestId);
  const row = await findRequestFields(deps.db, requestId, { subjectId: true });
  const now = deps.clock();
  const [events, tasks, holds, signals] = await Promise.all([
    auditEventsOf(deps.db, requestId),
    storeTasksOf(deps.db, requestId),
    row ? activeHolds(deps.db, row.subjectId, now) : [],
    row ? activeExemptionSignals(deps.db, row.subjectId) : [],
  ]);
  const notes = await readAuditNotes(deps.db, deps.cipher, events.map((e) => noteIdOf(e.details)).filter((id): id is string => id !== undefined));
  const reasonOf = (e: (typeof events)[number]) => {
    const noteId = noteIdOf(e.details);
    return noteId ? (notes.get(noteId) ?? null) : e.reason;
  };
  const nameOf = await staffNamer(deps, [...events.map((e) => e.actor), ...holds.map((h) => h.createdBy), ...signals.map((s) => s.createdBy)]);
  return {
    request,
    events: events.map((e) => ({
      at: e.at.toISOString(),
      // Staff by display name; `actorId` keeps the actor as the audit trail records it.
      actor: nameOf(e.actor),
      actorId: e.actor,
      action: e.action,
      ...(reasonOf(e) !== null ? { reason: reasonOf(e) as string } : {}),
      ...(e.details !== null ? { details: e.details } : {}),
    })),
    storeTasks: tasks.map((t) => ({
      store: t.store,
      status: t.status,
      attempts: t.attempts,
      ...(t.lastError !== null ? { lastError: t.lastError } : {}),
      ...(t.processed !== null ? { processed: t.processed } : {}),
      ...(t.retained !== null ? { retained: t.retained } : {}),
      ...(t.justification !== null ? { justification: t.justification } : {}),
      ...(t.settledBy !== null ? { settledBy: t.settledBy } : {}),
      updatedAt: t.updatedAt.toISOString(),
    })),
    holds: holds.map((h) => ({ ...holdView(h, now), createdBy: nameOf(h.createdBy) })),
    signals: signals.map((s) => ({ ...signalView(s), createdBy: nameOf(s.createdBy) })),
  };
}
