// Manual tasks for the console: the stores with no API that a person must work for a
// request, and that person's confirmation, which the workflow records and goes on from.
import { findRequestsFields } from '../../db/records';
import { isClosed } from '../../domain/status';
import { completeManualTaskUpdate } from '../../workflows/messages';
import { AppError, conflict } from '../app-error';
import type { ServerDeps } from '../deps';
import type { StatusView } from '../schemas';
import { statusAfterUpdate } from './request-status';
import { updateRequest } from './request-update';
import { assertStaff } from './staff-assertions';

export type ManualTaskStatus = 'OPEN' | 'DONE';

/** One manual task as staff see it: no personal data, only what to do and by when. */
export interface ManualTaskRow {
  taskId: string;
  requestId: string;
  store: string;
  type: string;
  status: ManualTaskStatus;
  instructions: string;
  createdAt: string;
  /** The request's due date, so the oldest risk comes first to the eye. */
  dueAt: string | null;
  requestStatus: string;
  outcome: 'FOUND_AND_DONE' | 'NOTHING_FOUND' | null;
  processed: number | null;
  note: string | null;
  completedBy: string | null;
  completedAt: string | null;
}

export interface ManualTaskCompletionBody {
  note: string;
  nothingFound: boolean;
  processed?: number;
}

/** Enough for a working list; the console pages through requests, not tasks. */
const MAX_ROWS = 500;

/** Manual tasks, oldest first; OPEN lists only those of requests still open. */
export async function listManualTasks(deps: ServerDeps, q: { status?: ManualTaskStatus } = {}): Promise<ManualTaskRow[]> {
  const tasks = await deps.db.manualTask.findMany({ where: q.status ? { status: q.status } : {}, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: MAX_ROWS });
  const requests = await findRequestsFields(deps.db, [...new Set(tasks.map((t) => t.requestId))], { id: true, dueAt: true, status: true });
  const byId = new Map(requests.map((r) => [r.id, r]));
  return tasks
    .filter((t) => !(q.status === 'OPEN' && isClosed(byId.get(t.requestId)?.status ?? 'WITHDRAWN')))
    .map((t) => ({
      taskId: t.id,
      requestId: t.requestId,
      store: t.store,
      type: t.type,
      status: t.status as ManualTaskStatus,
      instructions: t.instructions,
      createdAt: t.createdAt.toISOString(),
      dueAt: byId.get(t.requestId)?.dueAt?.toISOString() ?? null,
      requestStatus: byId.get(t.requestId)?.status ?? 'UNKNOWN',
      outcome: (t.outcome as ManualTaskRow['outcome']) ?? null,
      processed: t.processed,
      note: t.note,
      completedBy: t.completedBy,
      completedAt: t.completedAt?.toISOString() ?? null,
    }));
}

/** Confirms a request's manual task in a store: the workflow settles the store as MANUAL
 *  with the note and goes on; returns the request's status once that is recorded. */
export async function completeManualTask(deps: ServerDeps, staffId: string, requestId: string, store: string, body: ManualTaskCompletionBody): Promise<StatusView> {
  if (body.nothingFound && (body.processed ?? 0) > 0) {
    throw new AppError(400, 'INVALID_INPUT', 'A task cannot have found nothing and processed records: leave "processed" out or 0 with "nothingFound".');
  }
  const task = await deps.db.manualTask.findUnique({ where: { requestId_store: { requestId, store } }, select: { status: true } });
  if (!task) throw new AppError(404, 'NOT_FOUND', `Request ${requestId} has no manual task for store ${store}.`);
  if (task.status === 'DONE') throw conflict(`The manual task for store ${store} is already completed.`);
  const assertion = await assertStaff(deps, staffId, requestId, completeManualTaskUpdate.name);
  const live = await updateRequest(deps, requestId, completeManualTaskUpdate, { staffId, store, note: body.note, nothingFound: body.nothingFound, processed: body.processed, assertion });
  return statusAfterUpdate(deps, live);
}
