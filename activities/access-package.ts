// The access reply's package, activity side: made once per request and reused by a retry
// while its file is there (the link's secret is handled by the reply, activities/access-reply.ts).
// Plus the scheduled purge.
import { access, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildAccessPackage, type BuildInput } from '../access-package/build';
import { currentActivity } from '../stores/activity-context';
import { DEFAULT_ACCESS_PACKAGE_DIR } from '../config/package-dir';
import { newPackageKey } from '../access-package/package-key';
import { purgeExpiredPackages } from '../access-package/purge';
import type { AccessPackage } from '../generated/prisma/client';
import { accessPackagePolicy } from '../policy';
import { appendAudit, readRequest } from '../db/records';
import { activeProfile } from '../config/controller-profile';
import type { ActivityDeps } from './deps';
import { furtherKeys } from './subject-keys';

const DAY_MS = 86_400_000;

/** One category's line in the reply: names and counts, never values. */
export interface PackageContentsLine {
  store: string;
  category: string;
  records: number;
}

export interface ReadyPackage {
  row: AccessPackage;
  contents: PackageContentsLine[];
}

const exists = (file: string) => access(file).then(() => true, () => false);

/** The request's package: the one already built when its file is still there, else a new one
 *  from the given stores. A new row takes `tokenHash`; an existing row keeps its own, since
 *  another attempt may be mailing the secret behind it (the reply stores its hash when it
 *  holds the mail's claim). */
export async function preparePackage(
  deps: ActivityDeps,
  requestId: string,
  storeNames: string[],
  email: string,
  tokenHash: string,
  /** A portability package: only the categories the subject provided, with a manifest and a schema. */
  portable?: Pick<BuildInput, 'only' | 'extraEntries'>,
): Promise<ReadyPackage> {
  const { db } = deps;
  const existing = await db.accessPackage.findUnique({ where: { requestId } });
  if (existing && !existing.purgedAt && existing.dataKeySealed && (await exists(existing.path))) return { row: existing, contents: contentsOf(existing) };

  const request = await readRequest(db, requestId);
  const now = deps.clock();
  const policy = accessPackagePolicy((deps.profile ?? activeProfile()).profile.retention?.accessPackagesDays);
  const { key, sealed } = newPackageKey(deps.cipher);
  const dir = path.resolve(deps.accessPackageDir ?? DEFAULT_ACCESS_PACKAGE_DIR);
  // A name of its own per build: an attempt that died half-way never clashes with the next.
  const built = await buildAccessPackage({
    requestId,
    // The same keys fulfilment searched with: a store that files the subject by phone exports by it too.
    subject: { subjectId: request.subjectId, email, ...furtherKeys(deps.cipher, request) },
    stores: storeNames.map((name) => deps.stores.get(name)),
    dir,
    fileName: `${requestId}.${randomUUID()}.zip.enc`,
    key,
    now,
    // The SDK throttles heartbeats: calling per batch costs nothing and keeps a big build alive.
    onProgress: () => currentActivity()?.heartbeat(),
    ...portable,
  });
  const fields = {
    path: built.path,
    dataKeySealed: sealed,
    sizeBytes: BigInt(built.sizeBytes),
    rowCount: built.rowCount,
    contents: built.contents,
    createdAt: now,
    expiresAt: new Date(now.getTime() + policy.linkValidDays * DAY_MS),
    purgeAfter: new Date(now.getTime() + Math.max(policy.retentionDays, policy.linkValidDays) * DAY_MS),
    purgedAt: null,
  };
  const row = await db.$transaction(async (tx) => {
    const saved = await tx.accessPackage.upsert({ where: { requestId }, create: { requestId, tokenHash, ...fields }, update: fields });
    await appendAudit(tx, {
      requestId,
      actor: 'system',
      action: 'ACCESS_PACKAGE_CREATED',
      details: { packageId: saved.id, records: built.rowCount, sizeBytes: built.sizeBytes, categories: built.contents.length, expiresAt: fields.expiresAt.toISOString() },
      eventKey: `${requestId}:access-package-created:${path.basename(built.path)}`,
    });
    return saved;
  });
  // The file of an earlier build whose row this one replaced (its file was gone, or a concurrent attempt's).
  if (existing && existing.path !== built.path) await rm(existing.path, { force: true });
  return { row, contents: contentsOf(row) };
}

function contentsOf(row: AccessPackage): PackageContentsLine[] {
  return (row.contents as Array<{ store: string; category: string; records: number }>).map(({ store, category, records }) => ({ store, category, records }));
}

/** The scheduled purge's activity. */
export function accessPackageActivities(deps: ActivityDeps) {
  return {
    /** Deletes the packages whose retention has run out; returns how many. */
    async purgeExpiredAccessPackages(): Promise<{ purged: number }> {
      return { purged: await purgeExpiredPackages(deps.db, deps.clock()) };
    },
  };
}
