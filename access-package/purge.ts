// Deletes packages whose retention has run out: the file goes, the sealed data key is
// cleared, the row stays as a record (marked purged) and the purge is audited.
import { rm } from 'node:fs/promises';
import { appendAudit } from '../activities/audit';
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
