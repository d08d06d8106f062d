// Legal holds placed and released by compliance. Staff name the subject through one of
// their requests, never by typing an address, and each step is audited on a request.
import type { LegalHold } from '../../generated/prisma/client';
import { placeHold, releaseHold } from '../../legal/holds';
import { AppError, notFound } from '../app-error';
import type { ServerDeps } from '../deps';
import type { HoldView, PlaceHoldBody } from '../staff/console-schemas';
import { findRequestFields, latestRequestIdOf, requestAuditedWith } from '../../db/records';

const MAX_LISTED = 500;

/** Whether a hold binds at `now`: started, not ended, not released. */
export function isHoldActive(h: LegalHold, now: Date): boolean {
  return h.startsAt <= now && h.releasedAt === null && (h.endsAt === null || h.endsAt > now);
}

/** A hold as staff see it. */
export function holdView(h: LegalHold, now: Date): HoldView {
  return {
    holdId: h.id,
    store: h.store,
    category: h.category,
    authority: h.authority,
    reference: h.reference,
    reason: h.reason,
    basis: h.basis,
    startsAt: h.startsAt.toISOString(),
    endsAt: h.endsAt?.toISOString() ?? null,
    releasedAt: h.releasedAt?.toISOString() ?? null,
    releasedBy: h.releasedBy,
    createdBy: h.createdBy,
    active: isHoldActive(h, now),
  };
}

/** Places a hold on the subject of `body.requestId`: a store and category, or all of them. */
export async function placeLegalHold(deps: ServerDeps, staffId: string, body: PlaceHoldBody): Promise<HoldView> {
  const now = deps.clock();
  const request = await findRequestFields(deps.db, body.requestId, { subjectId: true });
  if (!request) throw notFound('The request');
  const endsAt = body.endsAt === undefined ? null : new Date(body.endsAt);
  if (endsAt && endsAt <= now) throw new AppError(400, 'INVALID_INPUT', 'The end date of a hold must be in the future.');
  checkTarget(deps, body.store, body.category);
  const hold = await placeHold(
    deps.db,
    {
      subjectId: request.subjectId,
      store: body.store ?? null,
      category: body.category ?? null,
      authority: body.authority,
      reference: body.reference ?? null,
      reason: body.reason,
      basis: body.basis,
      endsAt,
      createdBy: `staff:${staffId}`,
      requestId: body.requestId,
    },
    now,
  );
  return holdView(hold, now);
}

/** Releases a hold, audited with the reason on the request it was placed through. */
export async function releaseLegalHold(deps: ServerDeps, staffId: string, holdId: string, reason: string): Promise<HoldView> {
  const now = deps.clock();
  const hold = await deps.db.legalHold.findUnique({ where: { id: holdId } });
  if (!hold) throw notFound('The legal hold');
  if (hold.releasedAt) throw new AppError(409, 'WRONG_STATE', `This hold was already released on ${hold.releasedAt.toISOString()}.`);
  const requestId = await auditedRequestOf(deps, hold);
  const released = await releaseHold(deps.db, { holdId, releasedBy: `staff:${staffId}`, requestId, reason }, now);
  return holdView(released, now);
}

/** Holds on the subject of a request, or every hold; `active` keeps only those binding now (or only the others). */
export async function listLegalHolds(deps: ServerDeps, q: { requestId?: string; active?: boolean }): Promise<HoldView[]> {
  const now = deps.clock();
  let subjectId: string | undefined;
  if (q.requestId) {
    const request = await findRequestFields(deps.db, q.requestId, { subjectId: true });
    if (!request) throw notFound('The request');
    subjectId = request.subjectId;
  }
  const holds = await deps.db.legalHold.findMany({ where: subjectId ? { subjectId } : {}, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: MAX_LISTED });
  return holds.filter((h) => q.active === undefined || isHoldActive(h, now) === q.active).map((h) => holdView(h, now));
}

/** The request a hold's placement was audited on, else the subject's latest one, so that a release is always audited. */
async function auditedRequestOf(deps: ServerDeps, hold: LegalHold): Promise<string | undefined> {
  return (await requestAuditedWith(deps.db, 'LEGAL_HOLD_PLACED', 'holdId', hold.id)) ?? (await latestRequestIdOf(deps.db, hold.subjectId));
}

/** A hold on a store or category the deployment does not have would protect nothing: refuse it (400). */
function checkTarget(deps: ServerDeps, store: string | undefined, category: string | undefined): void {
  if (!deps.dataMap) return;
  const known = new Map<string, Set<string>>();
  for (const s of deps.dataMap.map.stores) known.set(s.name, new Set(s.categories.map((c) => c.name)));
  for (const s of deps.dataMap.connected) known.set(s.name, new Set([...(known.get(s.name) ?? []), ...s.categories]));
  if (store !== undefined && !known.has(store)) {
    throw new AppError(400, 'UNKNOWN_STORE', `There is no data store "${store}" (known: ${[...known.keys()].join(', ')}).`);
  }
  const categories = store !== undefined ? known.get(store)! : new Set([...known.values()].flatMap((c) => [...c]));
  if (category !== undefined && !categories.has(category)) {
    throw new AppError(400, 'UNKNOWN_CATEGORY', `${store ? `Store "${store}" holds` : 'The stores hold'} no category "${category}" (known: ${[...categories].join(', ')}).`);
  }
}
