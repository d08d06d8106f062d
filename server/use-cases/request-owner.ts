// Who works a request: the console's "assign to me / to someone". The owner is the team's
// bookkeeping, kept in RequestOwner (not in the workflow), and each assignment is audited.
import { appendAudit, findRequestFields } from '../../db/records';
import { AppError, notFound } from '../app-error';
import type { ServerDeps } from '../deps';

/** Makes `ownerId` the request's owner; 404 for an unknown request, 422 for an unknown or disabled account. */
export async function assignOwner(deps: Pick<ServerDeps, 'db' | 'clock'>, actorId: string, requestId: string, ownerId: string): Promise<void> {
  const [request, owner] = await Promise.all([
    findRequestFields(deps.db, requestId, { id: true }),
    deps.db.staffAccount.findUnique({ where: { id: ownerId }, select: { disabledAt: true } }),
  ]);
  if (!request) throw notFound('The request');
  if (!owner || owner.disabledAt) throw new AppError(422, 'INVALID_INPUT', 'Choose an active member of staff as the owner.');
  const now = deps.clock();
  await deps.db.$transaction(async (tx) => {
    await tx.requestOwner.upsert({
      where: { requestId },
      create: { requestId, staffId: ownerId, assignedBy: actorId, assignedAt: now },
      update: { staffId: ownerId, assignedBy: actorId, assignedAt: now },
    });
    // Staff ids only: the timeline names them at read time.
    await appendAudit(tx, { requestId, actor: `staff:${actorId}`, action: 'OWNER_ASSIGNED', details: { owner: `staff:${ownerId}` } });
  });
}

/** The owners' staff ids of the given requests, by request id. */
export async function ownersOf(deps: Pick<ServerDeps, 'db'>, requestIds: readonly string[]): Promise<Map<string, string>> {
  if (requestIds.length === 0) return new Map();
  const rows = await deps.db.requestOwner.findMany({ where: { requestId: { in: [...requestIds] } } });
  return new Map(rows.map((r) => [r.requestId, r.staffId]));
}

/** Active staff who may own a request, by name: the choices of "assign to someone". */
export async function assignableStaff(deps: Pick<ServerDeps, 'db'>): Promise<Array<{ id: string; displayName: string; role: string }>> {
  return deps.db.staffAccount.findMany({ where: { disabledAt: null, role: { in: ['agent', 'compliance'] } }, select: { id: true, displayName: true, role: true }, orderBy: { displayName: 'asc' } });
}
