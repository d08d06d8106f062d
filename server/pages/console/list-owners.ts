// A list page's rows with their owners named (one query for the page's requests).
import type { ServerDeps } from '../../deps';
import type { QueuePage } from '../../staff/console-schemas';
import { ownersOf } from '../../use-cases/request-owner';
import { actorNamer } from './actor-names';
import { textFor, type ConsoleViewer } from './console-layout';
import type { ListPage } from './queue-page';

/** The page with each row's owner as "Name (role)". */
export async function withOwners(deps: Pick<ServerDeps, 'db'>, viewer: ConsoleViewer, page: QueuePage): Promise<ListPage> {
  const owners = await ownersOf(deps, page.items.map((i) => i.id));
  const who = await actorNamer(deps, textFor(viewer), [...owners.values()].map((id) => `staff:${id}`));
  return { ...page, items: page.items.map((i) => (owners.has(i.id) ? { ...i, owner: who(`staff:${owners.get(i.id)!}`) } : i)) };
}
