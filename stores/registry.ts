// The data stores the engine fulfils requests against, looked up by name. The product builds
// its registry from the data map (config/data-map.json); defaultStores are those that
// need no connection beyond the main database.
import type { Db } from '../db/prisma';
import { createBillingStore } from './billing-store';
import { createCustomerAccountsStore } from './customer-accounts-store';
import type { DataMap } from './data-map/validate';
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
  return [createCustomerAccountsStore(db), createServiceLogsStore(db), createBillingStore(db)];
}

/** A registry of the connected stores the data map names, in the map's order. Stores the map
 *  names but this deployment has not connected are returned as `unconnected`; a connected
 *  store the map does not name, or whose categories differ from the map's, is refused. */
export function createStoreRegistryFromMap(map: DataMap, connected: DataStore[]): { registry: StoreRegistry; unconnected: string[] } {
  const byName = new Map(connected.map((s) => [s.name, s]));
  for (const store of connected) {
    const entry = map.stores.find((m) => m.name === store.name);
    if (!entry) throw new Error(`Data store "${store.name}" has no entry in the data map: describe it there before it may run.`);
    const mapped = entry.categories.map((c) => c.name).sort();
    if (mapped.join(',') !== [...store.categories].sort().join(',')) {
      throw new Error(`Data store "${store.name}" holds categories ${store.categories.join(', ')}, but the data map lists ${mapped.join(', ')}.`);
    }
  }
  const inMapOrder = map.stores.flatMap((m) => byName.get(m.name) ?? []);
  return { registry: createStoreRegistry(inMapOrder), unconnected: map.stores.filter((m) => !byName.has(m.name)).map((m) => m.name) };
}
