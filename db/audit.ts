// Appending to the audit trail, once per event key even when an activity is retried.
import { Prisma } from '../generated/prisma/client';

type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  requestId: string;
  actor: string;
  action: string;
  reason?: string;
  details?: Prisma.InputJsonValue;
  eventKey?: string;
}

/** Writes one audit event; a repeat of the same event key is ignored. */
export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.createMany({ data: [entry], skipDuplicates: true });
}
