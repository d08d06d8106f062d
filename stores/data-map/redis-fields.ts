// The fields of a store of kind `redis`: the key of the set that lists a subject's records,
// named by a template with the hash of the subject's address (`"keys": "subject-keys:{emailHash}"`),
// each member the key of one record (a Redis hash); and per category the hash fields it holds
// (`"fields": ["deviceId"]`). Categories are erased in the map's order and the last one's
// erasure removes the records and the set: list last the category that is the record itself,
// so a hold on another keeps it attributable. The redis connector (stores/redis-sessions-store.ts)
// reads nothing else.
import { EMAIL_HASH } from './files-fields';

export const REDIS_KIND = 'redis';
export const REDIS_FIELDS = ['keys'];
const FIELD = /^[A-Za-z0-9_.:-]{1,100}$/;

export interface RedisLayout {
  /** e.g. "subject-keys:{emailHash}": the set of the subject's record keys. */
  keys: string;
  /** The hash fields of each category, in erasure order. */
  categories: Array<{ category: string; fields: string[] }>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a redis entry's layout; `report(at, message)` records a fault. Returns the layout of a
 *  sound entry; undefined for other kinds (which must not have the fields) or a faulty one. */
export function checkRedisFields(entry: Record<string, unknown>, store: string, report: (at: string[], message: string) => void): RedisLayout | undefined {
  const categories = isObject(entry.categories) ? entry.categories : {};
  if (entry.kind !== REDIS_KIND) {
    if (entry.keys !== undefined) report(['keys'], `${store} has "keys", which only stores of kind "${REDIS_KIND}" take`);
    for (const [c, rule] of Object.entries(categories)) if (isObject(rule) && rule.fields !== undefined) report(['categories', c, 'fields'], `${store} category "${c}" has "fields", which only stores of kind "${REDIS_KIND}" take`);
    return undefined;
  }
  let sound = true;
  const fault = (at: string[], message: string) => {
    sound = false;
    report(at, message);
  };
  if (typeof entry.keys !== 'string' || !entry.keys.includes(EMAIL_HASH) || entry.keys.length > 200) {
    fault(['keys'], `${store} needs "keys": the key of the set listing a subject's records, naming ${EMAIL_HASH}, e.g. "subject-keys:${EMAIL_HASH}"`);
  }
  const layout: RedisLayout['categories'] = [];
  for (const [category, rule] of Object.entries(categories)) {
    if (!isObject(rule)) continue;
    if (!Array.isArray(rule.fields) || rule.fields.length === 0 || !rule.fields.every((f) => typeof f === 'string' && FIELD.test(f))) {
      fault(['categories', category, 'fields'], `${store} category "${category}" needs "fields": the hash fields it holds, e.g. ["deviceId"]`);
      continue;
    }
    layout.push({ category, fields: rule.fields as string[] });
  }
  return sound ? { keys: entry.keys as string, categories: layout } : undefined;
}
