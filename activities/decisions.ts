// Recording human and automatic decisions that are not status changes: attestations,
// fee answers, compliance decisions, the final outcome code.
import type { Prisma } from '../generated/prisma/client';
import { appendAudit } from './audit';
import type { ActivityDeps } from './deps';

export function decisionActivities({ db }: ActivityDeps) {
  return {
    /** Appends one decision to the audit trail, with who took it and why. */
    async recordDecision(d: { requestId: string; actor: string; action: string; reason?: string; details?: Record<string, unknown>; eventKey?: string }): Promise<void> {
      await db.$transaction((tx) =>
        appendAudit(tx, { requestId: d.requestId, actor: d.actor, action: d.action, reason: d.reason, details: d.details as Prisma.InputJsonValue, eventKey: d.eventKey }),
      );
    },

    /** Stores the short, non-personal outcome code used by reporting. */
    async recordOutcome({ requestId, outcome }: { requestId: string; outcome: string }): Promise<void> {
      await db.dsrRequest.update({ where: { id: requestId }, data: { outcome } });
    },
  };
}
