// Exemption signals: recorded facts that a refusal ground applies to a subject (e.g. an
// order that the subject is under criminal investigation). Policy decides what they mean.
import { appendAudit } from '../db/records';
import type { Db } from '../db/prisma';
import type { ExemptionSignal } from '../generated/prisma/client';

export interface SignalRecord {
  subjectId: string;
  /** Refusal-ground code, e.g. CRIMINAL_INVESTIGATION, NATIONAL_SECURITY. */
  ground: string;
  note?: string;
  /** "staff:<staff id>" or "system"; never a name. */
  createdBy: string;
  /** The request whose audit trail records the signal, if one prompted it. */
  requestId?: string;
}

/** The subject's signals not yet cleared, oldest first. */
export async function activeExemptionSignals(db: Db, subjectId: string): Promise<ExemptionSignal[]> {
  return db.exemptionSignal.findMany({ where: { subjectId, clearedAt: null }, orderBy: { createdAt: 'asc' } });
}

/** Records a signal, and audits it on the request when one is given. */
export async function recordExemptionSignal(db: Db, record: SignalRecord): Promise<ExemptionSignal> {
  const { requestId, ...fields } = record;
  return db.$transaction(async (tx) => {
    const signal = await tx.exemptionSignal.create({ data: fields });
    if (requestId) {
      await appendAudit(tx, {
        requestId,
        actor: signal.createdBy,
        action: 'EXEMPTION_SIGNAL_RECORDED',
        // The note may describe the case; the audit keeps only the ground code.
        details: { signalId: signal.id, ground: signal.ground },
        eventKey: `${requestId}:signal-recorded:${signal.id}`,
      });
    }
    return signal;
  });
}

/** Clears a signal; clearing one already cleared changes nothing. */
export async function clearExemptionSignal(db: Db, signalId: string, clearedBy: string, now: Date, requestId?: string, reason?: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.exemptionSignal.updateMany({ where: { id: signalId, clearedAt: null }, data: { clearedAt: now } });
    if (count === 1 && requestId) {
      await appendAudit(tx, { requestId, actor: clearedBy, action: 'EXEMPTION_SIGNAL_CLEARED', reason, details: { signalId }, eventKey: `${requestId}:signal-cleared:${signalId}` });
    }
  });
}
