// Loads and renders one request's page: its timeline, the refusal grounds of its regime for
// its right, its manual tasks, its owner and the people who may own it; used by the page
// itself and by a refused action form.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getRegime, isRegimeKey, type RefusalGround } from '../../../policy';
import { holidayDataDir, stillMissing } from '../../../config/holiday-imports';
import type { ServerDeps } from '../../deps';
import type { Timeline } from '../../staff/console-schemas';
import { assignableStaff, ownersOf } from '../../use-cases/request-owner';
import { requestTimeline } from '../../use-cases/request-timeline';
import { staffRequestStatus } from '../../use-cases/staff-actions';
import { actorNamer } from './actor-names';
import { flashOf, sendHtml, viewerOf } from './console-http';
import { textFor } from './console-layout';
import type { ActionProblem } from './request-forms';
import { requestPage, type ManualTaskRow } from './request-page';
import { mayViewContact, type SubjectContact } from '../../use-cases/subject-contact';
import { findRequestFields } from '../../../db/records';

/** The grounds a refusal of this right may rest on in this regime. */
export function groundsFor(request: { regime: string; type: string }): readonly RefusalGround[] {
  if (!isRegimeKey(request.regime)) return [];
  return getRegime(request.regime).refusalGrounds.filter((g) => (g.appliesTo as readonly string[]).includes(request.type));
}

/** The request's manual tasks, newest last. */
async function manualTasksOf(deps: ServerDeps, requestId: string): Promise<ManualTaskRow[]> {
  const tasks = await deps.db.manualTask.findMany({ where: { requestId }, orderBy: { createdAt: 'asc' } });
  return tasks.map((m) => ({ id: m.id, store: m.store, status: m.status, instructions: m.instructions }));
}

/** Sends the request page with `status`; a refused action shows its problem on it, and the
 *  answer to "show the contact" the contact (already audited by the caller). */
export async function sendRequestPage(deps: ServerDeps, req: FastifyRequest, reply: FastifyReply, requestId: string, status = 200, problem?: ActionProblem, contact?: SubjectContact) {
  const viewer = viewerOf(req, deps.identityPepper);
  // Holds and signals may reveal an investigation: agents, who talk to subjects, see the procedure only (as in the API).
  const legal = viewer.role !== 'agent';
  const timeline: Timeline = legal
    ? await requestTimeline(deps, requestId)
    : { request: await staffRequestStatus(deps, requestId), events: [], storeTasks: [], holds: [], signals: [] };
  const [manualTasks, row, owners, assignable] = await Promise.all([
    manualTasksOf(deps, requestId),
    findRequestFields(deps.db, requestId, { holidayWarning: true, attestedBy: true }),
    ownersOf(deps, [requestId]),
    assignableStaff(deps),
  ]);
  // Only what exists is linked; agents do not see what was erased or sent.
  const [certificate, accessPackage] = legal
    ? await Promise.all([
        deps.db.deletionCertificate.findUnique({ where: { requestId }, select: { id: true } }),
        deps.db.accessPackage.findUnique({ where: { requestId }, select: { id: true } }),
      ])
    : [null, null];
  const ownerId = owners.get(requestId);
  const who = await actorNamer(deps, textFor(viewer), [
    ...timeline.events.flatMap((e) => [e.actorId ?? e.actor, e.details]),
    ...timeline.storeTasks.map((s) => s.settledBy),
    ...(ownerId ? [`staff:${ownerId}`] : []),
  ]);
  const holidaysMissing = stillMissing(row?.holidayWarning ?? null, deps.holidayDataDir ?? holidayDataDir());
  const markup = requestPage(viewer, timeline, {
    legal,
    grounds: groundsFor(timeline.request),
    manualTasks,
    problem,
    flash: problem ? undefined : flashOf(req),
    holidaysMissing,
    owner: ownerId ? who(`staff:${ownerId}`) : undefined,
    assignable,
    who,
    contactAllowed: mayViewContact({ staffId: viewer.staffId ?? '', role: viewer.role }, row?.attestedBy ?? null),
    contact,
    records: { certificate: certificate !== null, manifest: accessPackage !== null },
  });
  return sendHtml(reply, status, markup);
}
