// Step 3: every data store that holds the subject's data does its part, in parallel.
// A store that keeps failing marks the request stuck and waits for compliance to retry
// it, skip it with a justification, or record a manual completion: never skipped silently.
import { condition } from '@temporalio/workflow';
import type { StoreOutcome } from '../../domain/fulfilment';
import { acts, storeActs } from '../acts';
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
      const action = run.storeActions.get(store)!;
      run.storeActions.delete(store);
      if (action.kind === 'retry') {
        await acts.markStoreRetrying({ requestId, store, actor: `staff:${action.staffId}` });
        run.stores[store] = { status: 'PENDING' };
        await syncStuckStatus(run);
        continue;
      }
      const how = action.kind === 'skip' ? 'SKIPPED' : 'MANUAL';
      const outcome = await acts.settleStoreByHand({ requestId, store, how, actor: `staff:${action.staffId}`, note: action.note });
      run.stores[store] = { status: how, outcome };
      await syncStuckStatus(run);
      return outcome;
    }
  }
}

/** Fulfils the request in every store; resolves when each store is settled one way or another. */
export async function fulfilEverywhere(run: RequestRun, excluded: NonNullable<DecisionInput['excluded']>): Promise<StoreOutcome[]> {
  const stores = await acts.planFulfilment({ requestId: run.requestId });
  for (const store of stores) run.stores[store] = { status: 'PENDING' };
  return Promise.all(stores.map((store) => settleStore(run, store, excluded)));
}
