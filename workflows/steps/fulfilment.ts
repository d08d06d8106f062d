// Step 3: every data store that holds the subject's data does its part, in parallel.
// A store that keeps failing marks the request stuck and waits for compliance to retry
// it, skip it with a justification, or record a manual completion: never skipped silently.
// A store with no API gets a manual task instead, and waits for the person who works it.
// Staff's retry, skip or manual completion of a store and a person's confirmation of a
// manual task are this step's messages.
import { condition, patched, setHandler } from '@temporalio/workflow';
import { STORE_AWAITING_PERSON } from '../../domain/awaiting';
import type { StoreOutcome } from '../../domain/fulfilment';
import { acts, planActs, storeActs } from '../acts';
import { completeManualTaskUpdate, completeStoreUpdate, type DecisionInput, retryStoreUpdate, skipStoreUpdate } from '../messages';
import { reject, requireFree, requireStatus, requireText } from '../refusals';
import type { RequestRun, StoreAction } from '../request-run';
import { proveStaff } from '../staff-proof';

/** Registers the messages that the store and manual-task waits below listen for. */
export function installFulfilmentHandlers(run: RequestRun): void {
  const storeAction = (name: 'retry' | 'skip' | 'manual') => ({
    validator: (a: { store: string; justification?: string; note?: string }) => {
      requireStatus(run, 'STUCK');
      if (run.stores[a.store]?.status !== 'FAILED') reject('WRONG_STATE', `Store ${a.store} is not waiting for an action.`);
      if (run.storeAction(a.store) || run.isBusy(`store:${a.store}`)) reject('BUSY', `An action on store ${a.store} is already under way.`);
      if (name === 'skip') requireText(a.justification, 'A justification');
      if (name === 'manual') requireText(a.note, 'A note');
    },
  });
  // The store is reserved while the action is proven, so a second action on it is refused meanwhile.
  const onStore = (update: { name: string }, store: string, staffId: string, assertion: string | undefined, action: StoreAction) =>
    run.exclusively(`store:${store}`, async () => {
      await proveStaff(run, update.name, staffId, assertion);
      run.requestStoreAction(store, action);
      return run.snapshot();
    });
  setHandler(retryStoreUpdate, ({ staffId, store, assertion }) => onStore(retryStoreUpdate, store, staffId, assertion, { kind: 'retry', staffId }), storeAction('retry'));
  setHandler(
    skipStoreUpdate,
    ({ staffId, store, justification, assertion }) => onStore(skipStoreUpdate, store, staffId, assertion, { kind: 'skip', staffId, note: justification }),
    storeAction('skip'),
  );
  setHandler(
    completeStoreUpdate,
    ({ staffId, store, note, assertion }) => onStore(completeStoreUpdate, store, staffId, assertion, { kind: 'manual', staffId, note }),
    storeAction('manual'),
  );

  // Answers once the store is settled, so the console shows the task done, not still open.
  setHandler(
    completeManualTaskUpdate,
    async ({ assertion, ...completion }) => {
      await run.exclusively(`manual:${completion.store}`, () => proveStaff(run, completeManualTaskUpdate.name, completion.staffId, assertion));
      run.completeManualTask(completion);
      await condition(() => run.stores[completion.store]?.status === 'MANUAL' || run.withdrawn !== null);
      return run.snapshot();
    },
    {
      validator: ({ store, note, nothingFound, processed }) => {
        requireStatus(run, 'IN_FULFILMENT', 'STUCK');
        if (!run.hasOpenManualTask(store)) reject('WRONG_STATE', `Store ${store} has no open manual task on this request.`);
        requireFree(run, `manual:${store}`, `The manual task for store ${store} is being completed by another call right now.`);
        requireText(note, 'A note');
        if (typeof nothingFound !== 'boolean') reject('INVALID_INPUT', 'Say whether anything was found (nothingFound: true or false).');
        if (processed !== undefined && (!Number.isSafeInteger(processed) || processed < 0)) reject('INVALID_INPUT', 'The number of records must be a whole number, 0 or more.');
        if (nothingFound && (processed ?? 0) > 0) reject('INVALID_INPUT', 'Nothing found and records processed cannot both be true.');
      },
    },
  );
}

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
      run.setStore(store, { status: 'DONE', outcome });
      return outcome;
    } catch (err) {
      const reason = failureReason(err);
      await acts.markStoreFailed({ requestId, store, reason });
      run.setStore(store, { status: 'FAILED', reason });
      await acts.alertStaff({ requestId, seq: run.nextSeq(), alert: { kind: 'escalation', reason: 'STORE_STUCK', store, note: reason } });
      await syncStuckStatus(run);
      await run.waitFor(() => run.storeAction(store) !== undefined);
      // The action stays on record until the store has left FAILED, so a second action on
      // the same store is refused meanwhile instead of being taken up at its next failure.
      const action = run.storeAction(store)!;
      if (action.kind === 'retry') {
        await acts.markStoreRetrying({ requestId, store, actor: `staff:${action.staffId}` });
        run.setStore(store, { status: 'PENDING' });
        run.clearStoreAction(store);
        await syncStuckStatus(run);
        continue;
      }
      const how = action.kind === 'skip' ? 'SKIPPED' : 'MANUAL';
      const outcome = await acts.settleStoreByHand({ requestId, store, how, actor: `staff:${action.staffId}`, note: action.note });
      run.setStore(store, { status: how, outcome });
      run.clearStoreAction(store);
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
  takeUpManualTasks(run, manual);
  await acts.alertStaff({ requestId, seq: run.nextSeq(), alert: { kind: 'manual-task', stores: manual } });
  return manual;
}

/** The manual tasks the database holds open: each store waits for its person. */
function takeUpManualTasks(run: RequestRun, manual: string[]): void {
  for (const store of manual) {
    run.setStore(store, { status: 'PENDING', reason: STORE_AWAITING_PERSON });
    run.openManualTask(store);
  }
}

/** Waits, as long as it takes, for the person to confirm the store's task; the deadline
 *  watch keeps reminding and escalating meanwhile. */
async function awaitPerson(run: RequestRun, store: string): Promise<StoreOutcome> {
  await run.waitFor(() => run.manualTaskDone(store) !== null);
  const done = run.manualTaskDone(store)!;
  const outcome = await acts.completeManualTask({
    requestId: run.requestId,
    store,
    actor: `staff:${done.staffId}`,
    note: done.note,
    nothingFound: done.nothingFound,
    processed: done.processed,
  });
  run.setStore(store, { status: 'MANUAL', outcome });
  return outcome;
}

/** Fulfils the request in every store; resolves when each store is settled one way or another. */
export async function fulfilEverywhere(run: RequestRun, excluded: NonNullable<DecisionInput['excluded']>): Promise<StoreOutcome[]> {
  if (run.foldedSteps) return fulfilBegun(run, excluded);
  const stores = await planActs.planFulfilment({ requestId: run.requestId });
  for (const store of stores) run.setStore(store, { status: 'PENDING' });
  // Versioned: requests already past this point when manual stores arrived replay without it.
  const manual = patched('manual-store-tasks') ? await openManualTasks(run, stores) : [];
  return Promise.all(stores.map((store) => (manual.includes(store) ? awaitPerson(run, store) : settleStore(run, store, excluded))));
}

/** The folded steps (acts.ts FOLDED_PATCH): planning writes the move to IN_FULFILMENT and opens
 *  the manual tasks in its own write; then every store as above. */
async function fulfilBegun(run: RequestRun, excluded: NonNullable<DecisionInput['excluded']>): Promise<StoreOutcome[]> {
  const { requestId } = run;
  const move = run.transition('IN_FULFILMENT', 'system', 'fulfilment started');
  const { stores, manual } = await planActs.beginFulfilment({ requestId, move });
  await run.moved(move);
  for (const store of stores) run.setStore(store, { status: 'PENDING' });
  if (manual.length > 0) {
    takeUpManualTasks(run, manual);
    await acts.alertStaff({ requestId, seq: run.nextSeq(), alert: { kind: 'manual-task', stores: manual } });
  }
  return Promise.all(stores.map((store) => (manual.includes(store) ? awaitPerson(run, store) : settleStore(run, store, excluded))));
}
