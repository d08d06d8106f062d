// What the correction reply says, store by store, read from the audit trail: the fields each
// store's STORE_FULFILLED event records as changed, and for the fields it left, the reason
// it recorded. So the letter says exactly what the trail shows, never more.
import type { FieldUnchanged, StoreOutcome } from '../domain/fulfilment';
import type { CorrectionStoreResult } from '../domain/notices';
import type { ActivityDeps } from './deps';

interface FulfilledDetails {
  store?: string;
  changes?: Array<{ field: string }>;
  unchanged?: FieldUnchanged[];
}

/** Per store of the request's outcomes, what the correction changed there and why not the rest. */
export async function correctionResults(deps: ActivityDeps, requestId: string, outcomes: StoreOutcome[], asked: string[]): Promise<CorrectionStoreResult[]> {
  const events = await deps.db.auditEvent.findMany({ where: { requestId, action: 'STORE_FULFILLED' }, orderBy: { id: 'asc' }, select: { details: true } });
  // The last event of a store is the attempt that committed (an earlier one was retried).
  const byStore = new Map(events.map((e) => e.details as FulfilledDetails | null).filter((d): d is FulfilledDetails => typeof d?.store === 'string').map((d) => [d.store!, d]));
  return outcomes.map((o): CorrectionStoreResult => {
    if (o.settledBy !== 'ENGINE') return { store: o.store, changed: [], unchanged: [], settled: o.settledBy };
    const recorded = byStore.get(o.store);
    if (!recorded) return { store: o.store, changed: [], unchanged: asked.map((field) => ({ field, reason: 'NO_CHANGE_REPORTED' })) };
    const changed = [...new Set((recorded.changes ?? []).map((c) => c.field))];
    return { store: o.store, changed, unchanged: (recorded.unchanged ?? []).filter((u) => !changed.includes(u.field)) };
  });
}
