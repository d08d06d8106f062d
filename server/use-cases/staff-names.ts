// Staff are audited as `staff:<account id>` (the audit rows stay as written); people read
// them by name. Resolved at read time against the staff accounts table.
import type { ServerDeps } from '../deps';

const STAFF_ACTOR = /^staff:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** A function naming each actor: a staff account's display name, anything else as recorded. */
export async function staffNamer(deps: Pick<ServerDeps, 'db'>, actors: Iterable<string>): Promise<(actor: string) => string> {
  const ids = [...new Set([...actors].map((a) => STAFF_ACTOR.exec(a)?.[1]?.toLowerCase()).filter((id): id is string => id !== undefined))];
  const accounts = ids.length > 0 ? await deps.db.staffAccount.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } }) : [];
  const names = new Map(accounts.map((a) => [a.id.toLowerCase(), a.displayName]));
  return (actor) => {
    const id = STAFF_ACTOR.exec(actor)?.[1]?.toLowerCase();
    return (id !== undefined && names.get(id)) || actor;
  };
}
