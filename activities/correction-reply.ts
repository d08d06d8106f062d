// What the correction reply says, store by store, read from the audit trail: the fields each
// store's STORE_FULFILLED event records as changed, and for the fields it left, the reason
// it recorded. So the letter says exactly what the trail shows, never more.
import { storeFulfilmentsOf } from '../db/records';
import type { StoreOutcome } from '../domain/fulfilment';
import type { CorrectionStoreResult } from '../domain/notices';
import type { ActivityDeps } from './deps';

/** Per store of the request's outcomes, what the correction changed there and why not the rest. */
export async function correctionResults(deps: ActivityDeps, requestId: string, outcomes: StoreOutcome[], asked: string[]): Promise<CorrectionStoreResult[]> {
  // The last event of a store is the attempt that committed (an earlier one was retried).
  const byStore = await storeFulfilmentsOf(deps.db, requestId, 'written');
  return outcomes.map((o): CorrectionStoreResult => {
    if (o.settledBy !== 'ENGINE') return { store: o.store, changed: [], unchanged: [], settled: o.settledBy };
    const recorded = byStore.get(o.store);
    if (!recorded) return { store: o.store, changed: [], unchanged: asked.map((field) => ({ field, reason: 'NO_CHANGE_REPORTED' })) };
    const changed = [...new Set((recorded.changes ?? []).map((c) => c.field))];
    return { store: o.store, changed, unchanged: (recorded.unchanged ?? []).filter((u) => !changed.includes(u.field)) };
  });
}
