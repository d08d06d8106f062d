// What the MANAGE reply says, read from the audit trail as the correction reply is: each
// store's STORE_FULFILLED event records, per purpose, how many records it set and how many
// already were. So the letter says exactly what the trail shows. Purposes no store declares
// are named too, with "none of our systems processes it for you".
import type { StoreOutcome } from '../domain/fulfilment';
import type { ManageChoice } from '../domain/manage';
import type { ManageDoneFacts } from '../domain/notices';
import { consequenceOf } from '../stores/data-map/purposes';
import { storeFulfilmentsOf } from '../db/records';
import type { ActivityDeps } from './deps';

/** Per purpose asked for, what each store the engine worked did; the stores staff settled apart. */
export async function manageResults(deps: ActivityDeps, requestId: string, outcomes: StoreOutcome[], choice: ManageChoice): Promise<Pick<ManageDoneFacts, 'purposes' | 'byHand'>> {
  // The last event of a store is the attempt that committed (an earlier one was retried).
  const byStore = await storeFulfilmentsOf(deps.db, requestId, 'written');
  const byEngine = outcomes.filter((o) => o.settledBy === 'ENGINE');
  const purposes = choice.purposes.map((purpose) => {
    const declared = deps.purposes?.find((p) => p.id === purpose);
    const words = declared && { label: declared.label, consequence: { zh: consequenceOf(declared, choice.action, 'zh'), en: consequenceOf(declared, choice.action, 'en') } };
    return {
    purpose,
    ...words,
    stores: byEngine.flatMap((o) => {
      const m = byStore.get(o.store)?.managed?.find((x) => x.purpose === purpose);
      return m ? [{ store: o.store, result: m.result, changed: m.changed, already: m.already }] : [];
    }),
    };
  });
  const byHand = outcomes.filter((o) => o.settledBy !== 'ENGINE').map((o) => ({ store: o.store, settled: o.settledBy as 'MANUAL' | 'SKIPPED' }));
  return { purposes, byHand };
}
