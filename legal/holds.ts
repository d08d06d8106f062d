// Legal holds: obligations (law, court or government order) to keep a subject's data.
// A hold protects what it covers from erasure from the moment it starts until it ends
// or is released; placing and releasing one are audited on the request that prompted it.
import { appendAudit } from '../db/records';
import type { Db } from '../db/prisma';
import type { DataCategory } from '../domain/fulfilment';
import type { LegalHold } from '../generated/prisma/client';
import type { CategoryProtection } from '../stores/data-store';

export interface HoldPlacement {
  subjectId: string;
  /** Null or absent: every store. */
  store?: string | null;
  /** Null or absent: every category. */
  category?: DataCategory | null;
  authority: string;
  /** The order's own reference number, when it has one. */
  reference?: string | null;
  reason: string;
  basis: string;
  /** Defaults to `now`. */
  startsAt?: Date;
  endsAt?: Date | null;
  /** "staff:<staff id>" or "system"; never a name. */
  createdBy: string;
  /** The request whose audit trail records the placement, if one prompted it. */
  requestId?: string;
}

/** Holds that bind at `now`: started, not ended, not released. */
const activeAt = (now: Date) => ({
  startsAt: { lte: now },
  releasedAt: null,
  OR: [{ endsAt: null }, { endsAt: { gt: now } }],
});

/** The active hold protecting one category of one store for a subject, or null. A hold
 *  without a store or a category covers every store or category. */
export async function activeHoldFor(db: Db, subjectId: string, store: string, category: DataCategory, now: Date): Promise<CategoryProtection | null> {
  const hold = await db.legalHold.findFirst({
    where: {
      subjectId,
      ...activeAt(now),
      AND: [{ OR: [{ store: null }, { store }] }, { OR: [{ category: null }, { category }] }],
    },
    // The oldest binding hold is cited, so repeated runs report the same reference.
    orderBy: [{ startsAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  return hold ? { category, reason: 'LEGAL_HOLD', reference: hold.id, basis: hold.basis } : null;
}

/** Every hold binding a subject at `now`. */
export async function activeHolds(db: Db, subjectId: string, now: Date): Promise<LegalHold[]> {
  return db.legalHold.findMany({ where: { subjectId, ...activeAt(now) }, orderBy: { startsAt: 'asc' } });
}

/** Records a new hold, and audits it on the request when one is given. */
export async function placeHold(db: Db, placement: HoldPlacement, now: Date): Promise<LegalHold> {
  const { requestId, ...fields } = placement;
  return db.$transaction(async (tx) => {
    const hold = await tx.legalHold.create({
      data: { ...fields, store: fields.store ?? null, category: fields.category ?? null, startsAt: fields.startsAt ?? now, endsAt: fields.endsAt ?? null },
    });
    if (requestId) {
      await appendAudit(tx, {
        requestId,
        actor: hold.createdBy,
        action: 'LEGAL_HOLD_PLACED',
        // The free-text reason stays on the hold: the audit records only who ordered it and why in law.
        details: { holdId: hold.id, store: hold.store, category: hold.category, authority: hold.authority, basis: hold.basis },
        eventKey: `${requestId}:hold-placed:${hold.id}`,
      });
    }
    return hold;
  });
}

/** Releases a hold; releasing one already released changes nothing and returns it as it was. */
export async function releaseHold(db: Db, release: { holdId: string; releasedBy: string; requestId?: string; reason?: string }, now: Date): Promise<LegalHold> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.legalHold.updateMany({ where: { id: release.holdId, releasedAt: null }, data: { releasedAt: now, releasedBy: release.releasedBy } });
    const hold = await tx.legalHold.findUniqueOrThrow({ where: { id: release.holdId } });
    if (count === 1 && release.requestId) {
      await appendAudit(tx, {
        requestId: release.requestId,
        actor: release.releasedBy,
        action: 'LEGAL_HOLD_RELEASED',
        reason: release.reason,
        details: { holdId: hold.id, store: hold.store, category: hold.category },
        eventKey: `${release.requestId}:hold-released:${hold.id}`,
      });
    }
    return hold;
  });
}
