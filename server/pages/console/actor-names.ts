// Audit actors as people read them: "staff:<id>" becomes "Li Na (agent)", the engine and the
// subject are named in words. The trail itself keeps the ids (activities/audit.ts).
import type { ServerDeps } from '../../deps';
import { labelOf, type ConsoleText } from './console-text';

const STAFF_ID = /staff:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/gi;

/** Every staff id mentioned in the values (actors, details, settlements), found anywhere in their text. */
function staffIdsIn(values: readonly unknown[]): string[] {
  const text = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v ?? null))).join(' ');
  return [...new Set([...text.matchAll(STAFF_ID)].map((m) => m[1]!.toLowerCase()))];
}

/** A function naming actors, loaded once for everything the page mentions. */
export async function actorNamer(deps: Pick<ServerDeps, 'db'>, t: ConsoleText, mentioned: readonly unknown[]): Promise<(actor: string) => string> {
  const ids = staffIdsIn(mentioned);
  const accounts = ids.length > 0 ? await deps.db.staffAccount.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true, role: true } }) : [];
  const names = new Map(accounts.map((a) => [`staff:${a.id.toLowerCase()}`, `${a.displayName} (${labelOf(t.roles, a.role)})`]));
  const zh = t.htmlLang !== 'en';
  return (actor) => {
    if (actor === 'system') return zh ? '系统' : 'the engine';
    if (actor === 'subject') return zh ? '数据主体' : 'the subject';
    if (actor === 'staff') return zh ? '员工' : 'staff';
    return names.get(actor.toLowerCase()) ?? (actor.startsWith('staff:') ? (zh ? '已删除的员工账户' : 'a removed staff account') : actor);
  };
}
