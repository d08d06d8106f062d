// The data map in read form for compliance and admins: every store the map describes, its
// categories and how each is erased, and whether this deployment connected it (a store that
// is not connected is not searched, which staff must know when they answer a subject).
import { loadDataMap } from '../../stores/data-map/validate';
import type { ServerDeps } from '../deps';
import type { DataMapView } from '../staff/console-schemas';

/** The map with each store's connection state; without deps.dataMap the shipped map is shown, its state unknown. */
export async function dataMapView(deps: ServerDeps): Promise<DataMapView> {
  const map = deps.dataMap?.map ?? loadDataMap();
  const connected = deps.dataMap ? new Set(deps.dataMap.connected.map((s) => s.name)) : null;
  return {
    stores: map.stores.map((s) => ({
      name: s.name,
      kind: s.kind,
      identityKey: s.identityKey,
      connection: s.connection ?? null,
      state: connected === null ? 'unknown' : connected.has(s.name) ? 'connected' : 'unconnected',
      description: s.description ?? null,
      categories: s.categories.map((c) => ({ name: c.name, erase: c.erase, corrections: c.corrections })),
    })),
  };
}
