// A data store with no API (a paper archive, an on-premise call-recording system): a person
// does the request's work there and confirms it in the console. The engine cannot look
// inside, so every request plans it, and the workflow opens a manual task instead of
// calling the connector; the methods below refuse, so nothing is ever done in silence.
import type { DataCategory } from '../domain/fulfilment';
import { MANUAL_CONNECTION, MANUAL_KIND } from './data-map/connectors';
import type { DataMap } from './data-map/validate';
import type { DataStore } from './data-store';

/** A manual store: what the person is told to do, and the categories the data map lists. */
export interface ManualStore extends DataStore {
  readonly manual: true;
  /** For the person: what to look for and where; shown in the task and the staff alert. */
  readonly instructions: string;
}

export interface ManualStoreEntry {
  name: string;
  categories: readonly DataCategory[];
  instructions: string;
}

/** Thrown by every automatic operation on a manual store. */
export class NeedsAPerson extends Error {
  override readonly name = 'NeedsAPerson';
}

/** The store for a data map entry of kind `manual`. */
export function createManualStore(entry: ManualStoreEntry): ManualStore {
  const refuse = async (): Promise<never> => {
    // No subject data in the message: it reaches store tasks and audit.
    throw new NeedsAPerson(`Store ${entry.name} is worked by a person: complete its manual task in the console.`);
  };
  return {
    name: entry.name,
    categories: [...entry.categories],
    manual: true,
    instructions: entry.instructions,
    // Rejecting here makes fulfilment plan the store for every request: only a person can say
    // whether it holds the subject's data ("checked, nothing found" is an answer too).
    locate: refuse,
    exportStream: () => ({ [Symbol.asyncIterator]: () => ({ next: refuse }) }),
    erase: refuse,
    rectify: refuse,
  };
}

/** True for a store worked by a person. */
export function isManualStore(store: DataStore): store is ManualStore {
  return (store as Partial<ManualStore>).manual === true;
}

/** The manual stores to connect: the data map's entries of kind `manual` that `enabled`
 *  (MANUAL_STORES) names. A name the map does not describe as manual stops the start. */
export function manualStoresFromMap(map: Pick<DataMap, 'stores'> | undefined, enabled: readonly string[]): ManualStore[] {
  return enabled.map((name) => {
    const entry = map?.stores.find((s) => s.name === name && s.kind === MANUAL_KIND);
    if (!entry?.instructions) throw new Error(`${MANUAL_CONNECTION} names "${name}", which the data map does not describe as a store of kind "manual".`);
    return createManualStore({ name, categories: entry.categories.map((c) => c.name), instructions: entry.instructions });
  });
}
