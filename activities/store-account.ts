// Every mapped store's account for one request, read back from what fulfilment recorded: the
// search at planning (FULFILMENT_PLANNED), each store's settlement and its audit trail. The
// replies and the deletion certificate list it, so no store is left out without a word.
import type { Db } from '../db/prisma';
import { FULFILMENT_PLANNED, recordedPlanOf, storeFulfilmentsOf, storeTaskFieldsOf } from '../db/records';
import type { StoreOutcome } from '../domain/fulfilment';
import type { StoreAccount, StoreSearch } from '../domain/store-account';

export const PLANNED_ACTION = FULFILMENT_PLANNED;

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The search recorded when fulfilment was planned, in the data map's order; empty for a
 *  request planned before searches were recorded. */
export async function recordedSearch(db: Db, requestId: string): Promise<{ search: StoreSearch[]; at: Date | null }> {
  const planned = await recordedPlanOf(db, requestId);
  return { search: planned?.details.search ?? [], at: planned?.at ?? null };
}

/** One line per mapped store (and per store the request settled), in the order searched. */
export async function accountForStores(db: Db, requestId: string, outcomes: StoreOutcome[]): Promise<StoreAccount[]> {
  const { search } = await recordedSearch(db, requestId);
  const tasks = await storeTaskFieldsOf(db, requestId, { store: true, lastError: true });
  const fulfilled = await storeFulfilmentsOf(db, requestId);
  const manualTasks = await db.manualTask.findMany({ where: { requestId, status: 'DONE' }, select: { store: true, outcome: true } });
  const names = [...search.map((s) => s.store), ...outcomes.map((o) => o.store).filter((n) => !search.some((s) => s.store === n))];

  return names.map((store): StoreAccount => {
    const searched = search.find((s) => s.store === store);
    const outcome = outcomes.find((o) => o.store === store);
    if (!outcome) {
      if (!searched || searched.result === 'NOTHING_FOUND') return { store, result: 'NOTHING_FOUND' };
      return searched.result === 'SEARCHED' ? { store, result: 'SEARCHED', located: searched.located } : { store, result: 'NOT_SEARCHED', reason: searched.reason };
    }
    if (outcome.settledBy === 'SKIPPED') {
      // The reason it was not searched is the last failure on record ("not connected: …").
      const reason = tasks.find((t) => t.store === store)?.lastError ?? (searched?.result === 'NOT_SEARCHED' ? searched.reason : 'not searched');
      return { store, result: 'NOT_SEARCHED', reason, settledBy: 'SKIPPED', justification: outcome.note ?? '' };
    }
    if (outcome.settledBy === 'MANUAL') {
      const nothing = manualTasks.find((t) => t.store === store)?.outcome === 'NOTHING_FOUND';
      return { store, result: nothing ? 'NOTHING_FOUND' : 'SEARCHED', ...(nothing ? {} : { located: {} }), settledBy: 'MANUAL', note: outcome.note ?? '' };
    }
    // A retry of a committed attempt reports no counts: the audit event of the attempt has them.
    const onRecord = fulfilled.get(store)?.located;
    const located = total(outcome.located) > 0 ? outcome.located : (onRecord ?? outcome.located);
    const found = total(located) > 0 || outcome.processed > 0;
    return found ? { store, result: 'SEARCHED', located, settledBy: 'ENGINE' } : { store, result: 'NOTHING_FOUND', settledBy: 'ENGINE' };
  });
}
