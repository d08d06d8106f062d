// The data stores the engine fulfils requests against, looked up by name. The product builds
// its registry from the data map (config/data-map.json).
import { MANUAL_CONNECTION, MANUAL_KIND } from './data-map/connectors';
import type { DataMap, MappedStore } from './data-map/validate';
import type { DataStore } from './data-store';

export interface StoreRegistry {
  /** The store of that name; throws for a name no store has. */
  get(name: string): DataStore;
  /** Every store, in registration order. */
  all(): readonly DataStore[];
  /** Stores the data map names that this deployment has not connected, in the map's order,
   *  each with the reason (no personal data): requests record them as not searched. */
  notConnected(): readonly NotConnectedStore[];
}

export interface NotConnectedStore {
  name: string;
  /** e.g. "not connected: REDIS_URL is not set". */
  reason: string;
}

/** A registry over the given stores; names must be unique. */
export function createStoreRegistry(stores: DataStore[], notConnected: NotConnectedStore[] = []): StoreRegistry {
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
    notConnected: () => notConnected,
  };
}

/** Why a mapped store is not connected, naming the setting that would connect it. */
export function notConnectedReason(entry: MappedStore): string {
  if (entry.kind === MANUAL_KIND) return `not connected: ${MANUAL_CONNECTION} does not name it`;
  if (entry.webhook) return `not connected: ${entry.connection} and ${entry.webhook.secret} are not set`;
  return `not connected: ${entry.connection ?? 'its connection'} is not set`;
}

/** A registry of the connected stores the data map names, in the map's order. Stores the map
 *  names but this deployment has not connected are returned as `unconnected` and kept in the
 *  registry's `notConnected()` with their reason, so that every request accounts for them; a
 *  connected store the map does not name, or whose categories differ from the map's, is refused. */
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
  const notConnected = map.stores.filter((m) => !byName.has(m.name)).map((m) => ({ name: m.name, reason: notConnectedReason(m) }));
  return { registry: createStoreRegistry(inMapOrder, notConnected), unconnected: notConnected.map((s) => s.name) };
}
