// Which processors this deployment reaches: the data map's webhook stores whose URL and
// secret variables are both set. A store with neither is left unconnected (named in the
// start-up warning); one with only one of the two is a configuration mistake that stops the start.
import type { DataMap } from '../data-map/validate';
import { processorUrlProblem } from './url-policy';

export interface WebhookConnection {
  name: string;
  categories: string[];
  url: string;
  secret: string;
  timeoutSeconds: number;
}

/** The connected webhook stores of the map, from the environment. Throws on a half-set pair. */
export function webhookConnections(map: DataMap, env: NodeJS.ProcessEnv): WebhookConnection[] {
  const connections: WebhookConnection[] = [];
  for (const store of map.stores) {
    if (!store.webhook || !store.connection) continue;
    const url = env[store.connection] || undefined;
    const secret = env[store.webhook.secret] || undefined;
    if (!url && !secret) continue;
    if (!url || !secret) {
      const [set, unset] = url ? [store.connection, store.webhook.secret] : [store.webhook.secret, store.connection];
      throw new Error(`Data store "${store.name}": ${set} is set but ${unset} is not; set both to connect the processor, or neither.`);
    }
    const problem = processorUrlProblem(url, env);
    if (problem) throw new Error(`Data store "${store.name}": ${store.connection} ${problem}.`);
    connections.push({ name: store.name, categories: store.categories.map((c) => c.name), url, secret, timeoutSeconds: store.webhook.timeoutSeconds });
  }
  return connections;
}

/** The secrets the callback route checks signatures with, by store name. */
export function processorSecrets(connections: readonly WebhookConnection[]): ReadonlyMap<string, string> {
  return new Map(connections.map((c) => [c.name, c.secret]));
}
