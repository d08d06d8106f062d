// The retention purges (issue 13 item 7): each deletes one kind of record whose period has
// run out and records the run in RetentionPurge with the count alone, so the record of the
// purge holds no personal data. Every function is safe to run twice.
//
// What the periods mean for the tables that hang off a request without a foreign key:
// - DrpRequest (an agent's request): one the engine took on shares its request's id and goes
//   with that request; one refused at intake never had a request and is itself a closed
//   request (answered at once), so it goes closedRequestsDays after it was received.
// - ProcessorCall (with its attempts): keyed by the request's workflow id, it goes with its
//   request; a call made outside any workflow ("direct-…", a one-off from a tool) answers no
//   request, and goes closedRequestsDays after it was made.
// - ProcessingConsent is not the engine's record: it is the estate's consent register, a
//   store reached through the data map like any other (a MANAGE request sets its status, a
//   DELETION erases it through the store). The engine never writes a row of its own there,
//   and the proof of a consent or its withdrawal is the controller's to keep, so no period of
//   the engine's profile applies and the purge leaves it alone.
import { rm } from 'node:fs/promises';
import type { Db } from '../db/prisma';
import { closedUnheldRequestsBefore, deleteChallengesExpiredBy, deleteChallengesOf, deleteRequestRow, deleteStoreTasksOf, readRequestFields } from '../db/records';
import type { Prisma } from '../generated/prisma/client';
import type { RetentionPeriods } from '../policy';
import { DIRECT_CALL_PREFIX } from '../stores/webhook/processor-calls';

type Tx = Prisma.TransactionClient;

export type RetentionKind = 'STRANGERS' | 'CHALLENGES' | 'SESSIONS' | 'CLOSED_REQUESTS' | 'SUBJECTS_WITHOUT_REQUESTS' | 'DRP_REFUSALS' | 'DIRECT_PROCESSOR_CALLS';

const DAY_MS = 86_400_000;
const BATCH = 100;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

async function record(db: Db | Tx, kind: RetentionKind, purged: number, cutoff: Date): Promise<void> {
  await db.retentionPurge.create({ data: { kind, purged, cutoff } });
}

/** Deletes a closed request with everything filed under it. The audit trail goes through the
 *  one sanctioned path, retention_purge_request_audit(), which refuses an open request or one
 *  closed after `closedBefore` (migration 20261206p_retention_purge). */
async function purgeRequest(tx: Tx, requestId: string, closedBefore: Date): Promise<void> {
  await tx.$queryRaw`SELECT retention_purge_request_audit(${requestId}::uuid, ${closedBefore})`;
  const where = { requestId };
  await deleteChallengesOf(tx, requestId);
  await deleteStoreTasksOf(tx, requestId);
  await tx.manualTask.deleteMany({ where });
  await tx.deletionCertificate.deleteMany({ where });
  await tx.accessPackage.deleteMany({ where });
  await tx.portabilityTransfer.deleteMany({ where });
  await tx.auditNote.deleteMany({ where });
  await tx.requestOwner.deleteMany({ where });
  await tx.sentMail.deleteMany({ where });
  await tx.drpRequest.deleteMany({ where: { id: requestId } });
  const { workflowId } = await readRequestFields(tx, requestId, { workflowId: true });
  // Attempts go with their call (ON DELETE CASCADE).
  await tx.processorCall.deleteMany({ where: { requestKey: workflowId } });
  await deleteRequestRow(tx, requestId);
}

/** An access package's file still on disk goes before its row does. */
async function removePackageFile(db: Db, requestId: string): Promise<void> {
  const pkg = await db.accessPackage.findUnique({ where: { requestId } });
  if (pkg && !pkg.purgedAt) await rm(pkg.path, { force: true });
}

/** Subjects nothing else holds: no legal hold or exemption signal refers to them (those are
 *  kept with their subject, as a hold exists to keep records). */
const unheld = { legalHolds: { none: {} }, exemptionSignals: { none: {} } } satisfies Prisma.DataSubjectWhereInput;

/** Strangers: subjects who never verified any request, whose requests all closed (and the
 *  record was made) before the cutoff. The subject and those requests go. */
export async function purgeStrangers(db: Db, now: Date, periods: RetentionPeriods): Promise<number> {
  const cutoff = daysBefore(now, periods.strangersDays);
  let purged = 0;
  for (;;) {
    const due = await db.dataSubject.findMany({
      where: { createdAt: { lte: cutoff }, requests: { none: { OR: [{ verifiedAt: { not: null } }, { closedAt: null }, { closedAt: { gt: cutoff } }] } }, ...unheld },
      select: { id: true, requests: { select: { id: true } } },
      take: BATCH,
    });
    for (const subject of due) {
      for (const r of subject.requests) await removePackageFile(db, r.id);
      await db.$transaction(async (tx) => {
        for (const r of subject.requests) await purgeRequest(tx, r.id, cutoff);
        await tx.auditNote.deleteMany({ where: { subjectId: subject.id } });
        await tx.dataSubject.delete({ where: { id: subject.id } });
      });
      purged += 1;
    }
    if (due.length < BATCH) break;
  }
  await record(db, 'STRANGERS', purged, cutoff);
  return purged;
}

/** Verification challenges (code hashes) that expired before the cutoff. */
export async function purgeChallenges(db: Db, now: Date, periods: RetentionPeriods): Promise<number> {
  const cutoff = daysBefore(now, periods.challengesDays);
  return db.$transaction(async (tx) => {
    const count = await deleteChallengesExpiredBy(tx, cutoff);
    await record(tx, 'CHALLENGES', count, cutoff);
    return count;
  });
}

/** Staff sessions that expired or were revoked: purged at once, as a dead session serves nothing. */
export async function purgeSessions(db: Db, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.staffSession.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { revokedAt: { not: null } }] } });
    await record(tx, 'SESSIONS', count, now);
    return count;
  });
}

/** Requests closed before the cutoff, unless their subject is under a legal hold not yet
 *  released; a subject left with no request and nothing holding it goes too. */
export async function purgeClosedRequests(db: Db, now: Date, periods: RetentionPeriods): Promise<{ requests: number; subjects: number }> {
  const cutoff = daysBefore(now, periods.closedRequestsDays);
  let requests = 0;
  let subjects = 0;
  for (;;) {
    const due = await closedUnheldRequestsBefore(db, cutoff, BATCH);
    for (const r of due) {
      await removePackageFile(db, r.id);
      const subjectGone = await db.$transaction(async (tx) => {
        await purgeRequest(tx, r.id, cutoff);
        const left = await tx.dataSubject.deleteMany({ where: { id: r.subjectId, requests: { none: {} }, ...unheld } });
        if (left.count > 0) await tx.auditNote.deleteMany({ where: { subjectId: r.subjectId } });
        return left.count;
      });
      requests += 1;
      subjects += subjectGone;
    }
    if (due.length < BATCH) break;
  }
  await record(db, 'CLOSED_REQUESTS', requests, cutoff);
  await record(db, 'SUBJECTS_WITHOUT_REQUESTS', subjects, cutoff);
  await purgeRequestlessRecords(db, cutoff);
  return { requests, subjects };
}

/** The closed requests' records that never had a DsrRequest: DRP requests refused at intake
 *  and processor calls made outside any workflow, each past the same cutoff. */
async function purgeRequestlessRecords(db: Db, cutoff: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const refusals = await tx.drpRequest.deleteMany({ where: { started: false, receivedAt: { lte: cutoff } } });
    await record(tx, 'DRP_REFUSALS', refusals.count, cutoff);
    const calls = await tx.processorCall.deleteMany({ where: { requestKey: { startsWith: DIRECT_CALL_PREFIX }, createdAt: { lte: cutoff } } });
    await record(tx, 'DIRECT_PROCESSOR_CALLS', calls.count, cutoff);
  });
}
