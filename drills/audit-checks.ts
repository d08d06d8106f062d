// What must be true of every drill request once the faults are over, as pure checks over
// the facts gathered from the database, Temporal and the mail catcher (see audit.ts).
import type { DrillRequest } from './requests';

export interface AuditEventFact {
  id: bigint;
  action: string;
  reason: string | null;
  details: unknown;
  eventKey: string | null;
}

export interface RequestFacts {
  dbStatus: string | null;
  closedAt: Date | null;
  outcome: string | null;
  events: AuditEventFact[];
  tasks: Array<{ store: string; status: string; settledBy: string | null }>;
  sentMail: Array<{ messageKey: string; state: string }>;
  /** Copies of the closing reply the catcher received. */
  replies: number;
  temporalStatus: string;
  /** The workflow's own final status, from its result. */
  workflowStatus: string | null;
  /** Records of the subject still in the stores (must be 0 after a deletion). */
  recordsLeft: number;
}

/** The stores every drill subject has data in (drills/requests.ts seeds both). */
export const SEEDED_STORES = ['customer-accounts', 'service-logs'];
const SETTLED = ['DONE', 'SKIPPED', 'MANUAL'];
const EVENT_FOR_SETTLEMENT: Record<string, string> = { DONE: 'STORE_FULFILLED', SKIPPED: 'STORE_SKIPPED', MANUAL: 'STORE_COMPLETED_MANUALLY' };
const ONCE_EACH = ['REQUEST_RECEIVED', 'FULFILMENT_PLANNED', 'REPLY_SENT'];

const storeOf = (e: AuditEventFact) => (e.details as { store?: string } | null)?.store;

/** The status moves in the order the workflow numbered them, with any gap or break named. */
function transitionProblems(r: DrillRequest, f: RequestFacts): string[] {
  const moves = f.events
    .filter((e) => e.action === 'STATUS_CHANGED')
    .map((e) => ({ n: Number(e.eventKey?.slice(`${r.requestId}:t`.length)), id: e.id, ...(e.details as { from: string; to: string }) }))
    .sort((a, b) => a.n - b.n);
  const problems: string[] = [];
  let status = 'RECEIVED';
  moves.forEach((m, i) => {
    if (m.n !== i + 1) problems.push(`status move #${i + 1} missing (found t${m.n})`);
    if (m.from !== status) problems.push(`status move t${m.n} starts from ${m.from}, expected ${status}`);
    status = m.to;
  });
  if (status !== f.dbStatus) problems.push(`audited moves end at ${status}, database says ${f.dbStatus}`);
  const reply = f.events.find((e) => e.action === 'REPLY_SENT');
  const last = moves.at(-1);
  if (reply && last && reply.id > last.id) problems.push('REPLY_SENT recorded after the closing status move');
  return problems;
}

/** Every store task settled with who settled it, each with its audit event, none in silence. */
function storeProblems(f: RequestFacts): string[] {
  const problems: string[] = [];
  const planned = (f.events.find((e) => e.action === 'FULFILMENT_PLANNED')?.details as { stores?: string[] } | undefined)?.stores ?? [];
  for (const store of SEEDED_STORES) if (!planned.includes(store)) problems.push(`store ${store} holds data but was not planned`);
  for (const store of planned) if (!f.tasks.some((t) => t.store === store)) problems.push(`store ${store} planned but has no task`);
  for (const t of f.tasks) {
    if (!SETTLED.includes(t.status)) {
      const audited = f.events.some((e) => e.action === 'STORE_FAILED' && storeOf(e) === t.store);
      problems.push(audited ? `store ${t.store} left ${t.status} (failure audited)` : `store ${t.store} left ${t.status} without any audit record`);
      continue;
    }
    if (!t.settledBy) problems.push(`store ${t.store} ${t.status} without settledBy`);
    if (!f.events.some((e) => e.action === EVENT_FOR_SETTLEMENT[t.status] && storeOf(e) === t.store)) problems.push(`store ${t.store} ${t.status} without its ${EVENT_FOR_SETTLEMENT[t.status]} event`);
  }
  return problems;
}

/** Everything wrong with one request; empty when it came through the drill intact. */
export function requestProblems(r: DrillRequest, f: RequestFacts): string[] {
  const problems: string[] = [];
  if (f.dbStatus !== 'COMPLETED') problems.push(`database status ${f.dbStatus ?? 'absent'}, expected COMPLETED`);
  if (f.dbStatus === 'COMPLETED' && (!f.closedAt || f.outcome !== 'FULFILLED')) problems.push(`closed without closedAt/outcome (${f.outcome})`);
  if (f.temporalStatus !== 'COMPLETED') problems.push(`workflow ${f.temporalStatus}`);
  else if (f.workflowStatus !== f.dbStatus) problems.push(`workflow ended ${f.workflowStatus}, database says ${f.dbStatus}`);
  if (f.replies === 0) problems.push('no reply mail received');
  if (f.replies > 1) problems.push(`${f.replies} copies of the reply received`);
  for (const m of f.sentMail) if (m.state !== 'SENT') problems.push(`sent-log ${m.messageKey.slice(r.requestId.length)} left ${m.state}`);
  for (const action of ONCE_EACH) if (!f.events.some((e) => e.action === action)) problems.push(`audit event ${action} missing`);
  if (!f.events.some((e) => e.action === 'IDENTITY_ATTESTED')) problems.push('audit event IDENTITY_ATTESTED missing');
  if (r.type === 'DELETION' && !f.events.some((e) => e.action === 'NOTICE_SENT' && (e.details as { kind?: string }).kind === 'deletion-done')) {
    problems.push('audit event NOTICE_SENT deletion-done missing');
  }
  if (r.type === 'DELETION' && f.recordsLeft > 0) problems.push(`${f.recordsLeft} records of the subject left after deletion`);
  return [...problems, ...transitionProblems(r, f), ...storeProblems(f)];
}

/** Audit events written twice for one step: same action, reason and details, and no event
 *  key to stop a retried activity from appending it again. Returns the actions. */
export function repeatedEvents(f: RequestFacts): string[] {
  const seen = new Map<string, { action: string; n: number }>();
  for (const e of f.events) {
    if (e.eventKey) continue;
    const key = JSON.stringify([e.action, e.reason, e.details]);
    seen.set(key, { action: e.action, n: (seen.get(key)?.n ?? 0) + 1 });
  }
  return [...seen.values()].filter(({ n }) => n > 1).map(({ action }) => action);
}
