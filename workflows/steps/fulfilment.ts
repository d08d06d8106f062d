// Step 3: every data store that holds the subject's data does its part, in parallel.
// A store that keeps failing marks the request stuck and waits for compliance to retry
// it, skip it with a justification, or record a manual completion: never skipped silently.
// A store with no API gets a manual task instead, and waits for the person who works it.
import { condition, patched } from '@temporalio/workflow';
import { STORE_AWAITING_PERSON } from '../../domain/awaiting';
import type { StoreOutcome } from '../../domain/fulfilment';
import { acts, planActs, storeActs } from '../acts';
import type { DecisionInput } from '../messages';
import type { RequestRun } from '../request-run';

function failureReason(err: unknown): string {
  const cause = (err as { cause?: { message?: string } })?.cause?.message;
  return (cause ?? (err as Error)?.message ?? 'unknown failure').slice(0, 300);
}

async function syncStuckStatus(run: RequestRun): Promise<void> {
  const failing = Object.values(run.stores).some((s) => s.status === 'FAILED');
  if (failing && run.status === 'IN_FULFILMENT') await run.moveTo('STUCK', 'system', 'a data store keeps failing');
  if (!failing && run.status === 'STUCK') await run.moveTo('IN_FULFILMENT', 'system', 'no store is failing any more');
}

async function settleStore(run: RequestRun, store: string, excluded: NonNullable<DecisionInput['excluded']>): Promise<StoreOutcome> {
  const { requestId } = run;
  for (;;) {
    try {
      const outcome = await storeActs.fulfilStore({ requestId, store, type: run.input.type, excluded, corrections: run.input.corrections });
      run.stores[store] = { status: 'DONE', outcome };
      return outcome;
    } catch (err) {
      const reason = failureReason(err);
      await acts.markStoreFailed({ requestId, store, reason });
      run.stores[store] = { status: 'FAILED', reason };
      await acts.alertStaff({ requestId, seq: run.nextSeq(), alert: { kind: 'escalation', reason: 'STORE_STUCK', store, note: reason } });
      await syncStuckStatus(run);
      await condition(() => run.storeActions.has(store) || run.withdrawn !== null);
      run.checkpoint();
      // The action stays on record until the store has left FAILED, so a second action on
      // the same store is refused meanwhile instead of being taken up at its next failure.
      const action = run.storeActions.get(store)!;
      if (action.kind === 'retry') {
        await acts.markStoreRetrying({ requestId, store, actor: `staff:${action.staffId}` });
        run.stores[store] = { status: 'PENDING' };
        run.storeActions.delete(store);
        await syncStuckStatus(run);
        continue;
      }
      const how = action.kind === 'skip' ? 'SKIPPED' : 'MANUAL';
      const outcome = await acts.settleStoreByHand({ requestId, store, how, actor: `staff:${action.staffId}`, note: action.note });
      run.stores[store] = { status: how, outcome };
      run.storeActions.delete(store);
      await syncStuckStatus(run);
      return outcome;
    }
  }
}


/** Opens the manual tasks among the planned stores and alerts staff; returns those stores. */
async function openManualTasks(run: RequestRun, stores: string[]): Promise<string[]> {
  const { requestId } = run;
  const manual = await acts.openManualTasks({ requestId, stores });
  if (manual.length === 0) return manual;
  for (const store of manual) {
    run.stores[store] = { status: 'PENDING', reason: STORE_AWAITING_PERSON };
    run.manualTasks.set(store, null);
  }
  await acts.alertStaff({ requestId, seq: run.nextSeq(), alert: { kind: 'manual-task', stores: manual } });
  return manual;
}

/** Waits, as long as it takes, for the person to confirm the store's task; the deadline
 *  watch keeps reminding and escalating meanwhile. */
async function awaitPerson(run: RequestRun, store: string): Promise<StoreOutcome> {
  await condition(() => !!run.manualTasks.get(store) || run.withdrawn !== null);
  run.checkpoint();
  const done = run.manualTasks.get(store)!;
  const outcome = await acts.completeManualTask({
    requestId: run.requestId,
    store,
    actor: `staff:${done.staffId}`,
    note: done.note,
    nothingFound: done.nothingFound,
    processed: done.processed,
  });
  run.stores[store] = { status: 'MANUAL', outcome };
  return outcome;
}

/** Fulfils the request in every store; resolves when each store is settled one way or another. */
export async function fulfilEverywhere(run: RequestRun, excluded: NonNullable<DecisionInput['excluded']>): Promise<StoreOutcome[]> {
  const stores = await planActs.planFulfilment({ requestId: run.requestId });
  for (const store of stores) run.stores[store] = { status: 'PENDING' };
  // Versioned: requests already past this point when manual stores arrived replay without it.
  const manual = patched('manual-store-tasks') ? await openManualTasks(run, stores) : [];
  return Promise.all(stores.map((store) => (manual.includes(store) ? awaitPerson(run, store) : settleStore(run, store, excluded))));
}
