// What compliance does with a store that keeps failing: the engine marks it failed (the
// request is stuck, never silently incomplete), then staff retry it, skip it with a
// justification, or record that they completed it by hand. Every step is audited.
import { ApplicationFailure } from '@temporalio/activity';
import type { StoreOutcome } from '../domain/fulfilment';
import type { Prisma } from '../generated/prisma/client';
import { writeAuditNote } from '../db/audit-notes';
import { appendAudit, eventRecorded, failedStoreTaskCount, findStoreTask, putStoreTask, updateRequest, updateStoreTask } from '../db/records';
import type { ActivityDeps } from './deps';

type Tx = Prisma.TransactionClient;

export interface HandSettlement {
  requestId: string;
  store: string;
  how: 'SKIPPED' | 'MANUAL';
  /** "staff:<staff id>". */
  actor: string;
  /** The justification for a skip, or what was done by hand: staff's own words, so kept as an erasable note. */
  note: string;
}

const HAND_ACTIONS = { SKIPPED: 'STORE_SKIPPED', MANUAL: 'STORE_COMPLETED_MANUALLY' } as const;

/** A request is stuck exactly while one of its stores is FAILED. */
async function syncStuck(tx: Tx, requestId: string): Promise<void> {
  await updateRequest(tx, requestId, { stuck: (await failedStoreTaskCount(tx, requestId)) > 0 });
}

export function storeTaskActivities({ db, stores, cipher }: ActivityDeps) {
  return {
    /** Records a compliance skip or a manual completion of one store. */
    async settleStoreByHand({ requestId, store, how, actor, note }: HandSettlement): Promise<StoreOutcome> {
      return db.$transaction(async (tx) => {
        const existing = await findStoreTask(tx, { requestId, store });
        if (existing?.status === 'DONE') {
          throw ApplicationFailure.nonRetryable(`Store ${store} is already fulfilled for this request.`, 'StoreAlreadyFulfilled');
        }
        // The task keeps the text for the console and the letters until the subject's erasure clears it
        // (activities/audit-notes.ts); the append-only trail keeps only the note's id.
        const task = await putStoreTask(tx, { requestId, store }, { status: how, justification: note, settledBy: actor });
        await syncStuck(tx, requestId);
        // The attempt count tells a repeat of this call from a later settlement after more attempts.
        const eventKey = `${requestId}:store:${store}:${how}:${task.attempts}`;
        const recorded = await eventRecorded(tx, eventKey);
        const noteId = recorded ? undefined : await writeAuditNote(tx, cipher, requestId, note);
        await appendAudit(tx, { requestId, actor, action: HAND_ACTIONS[how], details: { store, how, attempts: task.attempts, ...(noteId ? { noteId } : {}) }, eventKey });
        return { store, located: {}, processed: task.processed ?? 0, retained: task.retained ?? [], settledBy: how, note };
      });
    },

    /** Marks a store failed after its retries ran out, or at once when it is not connected (then
     *  it was not searched: `notConnected` in the audit); the request is stuck until staff act. */
    async markStoreFailed({ requestId, store, reason }: { requestId: string; store: string; reason: string }): Promise<void> {
      const notConnected = stores.notConnected().some((s) => s.name === store);
      await db.$transaction(async (tx) => {
        const lastError = reason.slice(0, 500);
        const task = await putStoreTask(tx, { requestId, store }, { status: 'FAILED', lastError });
        await updateRequest(tx, requestId, { stuck: true });
        await appendAudit(tx, {
          requestId,
          actor: 'system',
          action: 'STORE_FAILED',
          reason: lastError,
          details: { store, attempts: task.attempts, ...(notConnected && { searched: false, notConnected: true }) },
          eventKey: `${requestId}:store:${store}:failed:${task.attempts}`,
        });
      });
    },

    /** Puts a failed store back to PENDING at staff request; the request is unstuck if no other store failed. */
    async markStoreRetrying({ requestId, store, actor }: { requestId: string; store: string; actor: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        const task = await updateStoreTask(tx, { requestId, store }, { status: 'PENDING' });
        await syncStuck(tx, requestId);
        await appendAudit(tx, {
          requestId,
          actor,
          action: 'STORE_RETRY_REQUESTED',
          details: { store, attempts: task.attempts },
          eventKey: `${requestId}:store:${store}:retry:${task.attempts}`,
        });
      });
    },
  };
}
