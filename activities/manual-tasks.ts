// Stores with no API are worked by a person: when fulfilment starts, each such store gets an
// OPEN manual task with the data map's instructions; when the person confirms it in the
// console (with a note, or "checked, nothing found"), the store settles as MANUAL.
import { ApplicationFailure } from '@temporalio/activity';
import type { StoreOutcome } from '../domain/fulfilment';
import { isManualStore } from '../stores/manual-store';
import { appendAudit, eventRecorded, putStoreTask, readRequestFields } from '../db/records';
import { writeAuditNote } from '../db/audit-notes';
import type { ActivityDeps } from './deps';
import type { Prisma } from '../generated/prisma/client';
import type { StoreRegistry } from '../stores/registry';

export type ManualOutcome = 'FOUND_AND_DONE' | 'NOTHING_FOUND';

export interface ManualCompletion {
  requestId: string;
  store: string;
  /** "staff:<staff id>". */
  actor: string;
  /** What the person checked or did: their own words, so kept as an erasable note. */
  note: string;
  nothingFound: boolean;
  /** Records the person dealt with, when they counted them. */
  processed?: number;
}

const taskKey = (requestId: string, store: string) => ({ requestId_store: { requestId, store } });

/** The planned stores a person works (manual stores of the data map). */
const manualAmong = (stores: StoreRegistry, planned: string[]) => stores.all().filter((s) => isManualStore(s) && planned.includes(s.name));

/** Opens, inside the caller's transaction, an OPEN task with the data map's instructions for
 *  each planned store a person works, and audits them; returns those stores' names. */
export async function writeManualTasks(tx: Prisma.TransactionClient, stores: StoreRegistry, requestId: string, planned: string[]): Promise<string[]> {
  const manual = manualAmong(stores, planned);
  if (manual.length === 0) return [];
  const { type } = await readRequestFields(tx, requestId, { type: true });
  for (const store of manual) {
    const instructions = isManualStore(store) ? store.instructions : '';
    // A retry finds the task already open and leaves it, instructions and all, as it was.
    await tx.manualTask.upsert({ where: taskKey(requestId, store.name), create: { requestId, store: store.name, type, status: 'OPEN', instructions }, update: {} });
  }
  await appendAudit(tx, { requestId, actor: 'system', action: 'MANUAL_TASKS_OPENED', details: { stores: manual.map((s) => s.name) }, eventKey: `${requestId}:manual-tasks-opened` });
  return manual.map((s) => s.name);
}

export function manualTaskActivities({ db, stores, clock, cipher }: ActivityDeps) {
  return {
    /** Opens a task for each planned store a person works; returns those stores' names. */
    async openManualTasks({ requestId, stores: planned }: { requestId: string; stores: string[] }): Promise<string[]> {
      // No transaction at all when no planned store is worked by a person.
      if (manualAmong(stores, planned).length === 0) return [];
      return db.$transaction((tx) => writeManualTasks(tx, stores, requestId, planned));
    },

    /** Records the person's confirmation: the task is DONE and the store settled as MANUAL. */
    async completeManualTask(c: ManualCompletion): Promise<StoreOutcome> {
      const { requestId, store, actor, note, nothingFound } = c;
      const processed = nothingFound ? 0 : (c.processed ?? null);
      const outcome: ManualOutcome = nothingFound ? 'NOTHING_FOUND' : 'FOUND_AND_DONE';
      return db.$transaction(async (tx) => {
        const task = await tx.manualTask.findUnique({ where: taskKey(requestId, store) });
        if (!task) throw ApplicationFailure.nonRetryable(`Store ${store} has no manual task for this request.`, 'NoManualTask');
        // A retry after the commit finds the task done and records nothing twice.
        if (task.status === 'OPEN') {
          await tx.manualTask.update({ where: { id: task.id }, data: { status: 'DONE', outcome, processed, note, completedBy: actor, completedAt: clock() } });
        }
        const settled = await putStoreTask(tx, { requestId, store }, { status: 'MANUAL', processed, justification: note, settledBy: actor });
        const eventKey = `${requestId}:store:${store}:manual-task`;
        const recorded = await eventRecorded(tx, eventKey);
        const noteId = recorded ? undefined : await writeAuditNote(tx, cipher, requestId, note);
        await appendAudit(tx, { requestId, actor, action: 'MANUAL_TASK_COMPLETED', details: { store, outcome, processed, ...(noteId ? { noteId } : {}) }, eventKey });
        return { store, located: {}, processed: processed ?? 0, retained: settled.retained ?? [], settledBy: 'MANUAL', note };
      });
    },
  };
}
