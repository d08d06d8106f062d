// Deletes packages whose retention has run out: the file goes, the sealed data key is
// cleared, the row stays as a record (marked purged) and the purge is audited.
import { rm } from 'node:fs/promises';
import { appendAudit, auditEventsOf, requestIdsOf } from '../db/records';
import type { Db } from '../db/prisma';

const BATCH = 100;

/** Purges every package due by `now`; returns how many were purged. Safe to run twice. */
export async function purgeExpiredPackages(db: Db, now: Date): Promise<number> {
  let purged = 0;
  for (;;) {
    const due = await db.accessPackage.findMany({ where: { purgedAt: null, purgeAfter: { lte: now } }, orderBy: { purgeAfter: 'asc' }, take: BATCH });
    for (const pkg of due) {
      await rm(pkg.path, { force: true });
      await db.$transaction(async (tx) => {
        const marked = await tx.accessPackage.updateMany({ where: { id: pkg.id, purgedAt: null }, data: { purgedAt: now, dataKeySealed: null } });
        if (marked.count === 0) return;
        purged += 1;
        await appendAudit(tx, {
          requestId: pkg.requestId,
          actor: 'system',
          action: 'ACCESS_PACKAGE_PURGED',
          details: { packageId: pkg.id, sizeBytes: Number(pkg.sizeBytes), records: pkg.rowCount, downloads: pkg.downloads },
          eventKey: `${pkg.requestId}:access-package-purged`,
        });
      });
    }
    if (due.length < BATCH) return purged;
  }
}

/** The audit action, on the erasing request, that names each package its completion purged. */
export const SUBJECT_PACKAGE_PURGED = 'SUBJECT_ACCESS_PACKAGE_PURGED';

/** Purges every access package of the subject's, because a deletion or account closure of
 *  theirs completes: a copy of data that is erased everywhere else must not stay downloadable.
 *  Each purge is audited on the package's own request and on the erasing one; returns every
 *  package the erasing request purged, this time or in an earlier attempt. Safe to run twice. */
export async function purgeSubjectPackages(db: Db, subjectId: string, byRequestId: string, now: Date): Promise<Array<{ packageId: string; requestId: string; purgedAt: string }>> {
  const requests = await requestIdsOf(db, subjectId);
  const due = await db.accessPackage.findMany({ where: { requestId: { in: requests }, purgedAt: null }, orderBy: { createdAt: 'asc' } });
  for (const pkg of due) {
    await rm(pkg.path, { force: true });
    await db.$transaction(async (tx) => {
      const marked = await tx.accessPackage.updateMany({ where: { id: pkg.id, purgedAt: null }, data: { purgedAt: now, dataKeySealed: null } });
      if (marked.count === 0) return;
      const details = { packageId: pkg.id, sizeBytes: Number(pkg.sizeBytes), records: pkg.rowCount, downloads: pkg.downloads, cause: 'SUBJECT_ERASED', byRequestId };
      await appendAudit(tx, { requestId: pkg.requestId, actor: 'system', action: 'ACCESS_PACKAGE_PURGED', details, eventKey: `${pkg.requestId}:access-package-purged` });
      await appendAudit(tx, {
        requestId: byRequestId,
        actor: 'system',
        action: SUBJECT_PACKAGE_PURGED,
        details: { packageId: pkg.id, accessRequestId: pkg.requestId, purgedAt: now.toISOString() },
        eventKey: `${byRequestId}:access-package-purged:${pkg.id}`,
      });
    });
  }
  const events = await auditEventsOf(db, byRequestId, { actions: [SUBJECT_PACKAGE_PURGED] });
  return events.map((e) => {
    const d = e.details as { packageId: string; accessRequestId: string; purgedAt: string };
    return { packageId: d.packageId, requestId: d.accessRequestId, purgedAt: d.purgedAt };
  });
}
