// The data stores the engine fulfils requests against, looked up by name. The data map
// (issue 4) will replace the fixed list in defaultStores.
import type { Db } from '../db/prisma';
import { createCustomerAccountsStore } from './customer-accounts-store';
import type { DataStore } from './data-store';
import { createServiceLogsStore } from './service-logs-store';

export interface StoreRegistry {
  /** The store of that name; throws for a name no store has. */
  get(name: string): DataStore;
  /** Every store, in registration order. */
  all(): readonly DataStore[];
}

/** A registry over the given stores; names must be unique. */
export function createStoreRegistry(stores: DataStore[]): StoreRegistry {
  const byName = new Map<string, DataStore>();
  for (const store of stores) {
    if (byName.has(store.name)) throw new Error(`Two data stores are named "${store.name}".`);
    byName.set(store.name, store);
  }
  const list = [...stores];
  return {
    get(name) {
      const store = byName.get(name);
      if (!store) throw new Error(`No data store is named "${name}"; known stores: ${[...byName.keys()].join(', ')}.`);
      return store;
    },
    all: () => list,
  };
}

/** The stores this deployment holds personal data in. */
export function defaultStores(db: Db): DataStore[] {
  return [createCustomerAccountsStore(db), createServiceLogsStore(db)];
}
