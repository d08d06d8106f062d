// The staff review queue: requests that need someone, one view at a time, straight from
// PostgreSQL. Each view is one indexed query (see the console_queue migrations), so that a
// page stays fast with a hundred thousand requests; rows carry no personal data.
import { requestRecord } from '../../db/records';
import { CLOSED_STATUSES, type RequestStatus } from '../../domain/status';
import { Prisma } from '../../generated/prisma/client';
import { AppError } from '../app-error';
import type { ServerDeps } from '../deps';
import type { QueueItem } from '../staff/console-schemas';
import type { StaffRole } from '../staff/roles';

export type { QueueItem } from '../staff/console-schemas';
export type QueueView = 'stuck' | 'failing' | 'overdue' | 'due-soon' | 'awaiting-decision' | 'awaiting-approval' | 'open' | 'all' | 'mine';

/** Narrowing of a view (the console's filters and search); every field is optional. */
export interface QueueFilters {
  status?: string;
  type?: string;
  regime?: string;
  channel?: string;
  /** A staff id, or 'none' for requests nobody owns (RequestOwner). */
  owner?: string;
  /** Requests of this subject (found through the keyed hash of their address). */
  subjectId?: string;
  /** Requests carrying this phone number (its keyed hash; the number is never held in clear). */
  phoneHash?: string;
  /** The start of the request id, as staff read it out (at least 8 characters). */
  idPrefix?: string;
}
export type QueueSort = 'deadline' | '-deadline' | 'received';

/** "Due soon" looks this far ahead: a week leaves time to act, or to extend where the regime allows. */
export const DUE_SOON_DAYS = 7;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Agents follow their own requests and what is open; the legal views are for compliance and admins. */
export const QUEUE_VIEWS_BY_ROLE: Readonly<Record<StaffRole, readonly QueueView[]>> = {
  agent: ['mine', 'open'],
  compliance: ['stuck', 'failing', 'overdue', 'due-soon', 'awaiting-decision', 'awaiting-approval', 'open', 'mine'],
  admin: ['stuck', 'failing', 'overdue', 'due-soon', 'awaiting-decision', 'awaiting-approval', 'open', 'mine'],
};

/** Refuses a view the role may not read (403). */
export function assertQueueViewAllowed(role: StaffRole, view: QueueView): void {
  if (!QUEUE_VIEWS_BY_ROLE[role].includes(view)) {
    throw new AppError(403, 'ROLE_FORBIDDEN', `The ${role} role may read the views ${QUEUE_VIEWS_BY_ROLE[role].join(', ')}, not "${view}".`);
  }
}

// Open means no closing time: activities/transitions.ts sets closedAt exactly when a request
// moves to a closed status. Tested this way, the partial indexes on open requests serve
// both the page and its count (see the console_queue_partial migration).
const OPEN = Prisma.sql`r."closedAt" IS NULL`;
/** A store task that failed for good, or that failed and is being tried again. */
const FAILING_TASK = Prisma.sql`(t.status = 'FAILED' OR (t.status = 'PENDING' AND t.attempts > 0 AND t."lastError" IS NOT NULL))`;

/** The condition of a view, on "DsrRequest" r; also counted by the dashboard. */
export function whereFor(view: QueueView, now: Date, staffId: string | undefined): Prisma.Sql {
  switch (view) {
    case 'stuck':
      return Prisma.sql`${OPEN} AND r.stuck`;
    case 'failing':
      return Prisma.sql`${OPEN} AND r.id IN (SELECT t."requestId" FROM "StoreTask" t WHERE ${FAILING_TASK})`;
    case 'overdue':
      return Prisma.sql`${OPEN} AND r."dueAt" < ${now}`;
    case 'due-soon':
      return Prisma.sql`${OPEN} AND r."dueAt" >= ${now} AND r."dueAt" < ${new Date(now.getTime() + DUE_SOON_DAYS * DAY_MS)}`;
    case 'awaiting-decision':
      return Prisma.sql`${OPEN} AND r.status = 'AWAITING_DECISION'`;
    case 'awaiting-approval':
      return Prisma.sql`${OPEN} AND r.status = 'AWAITING_APPROVAL'`;
    case 'open':
      return OPEN;
    case 'all':
      return Prisma.sql`TRUE`;
    case 'mine':
      if (!staffId) throw new AppError(400, 'INVALID_INPUT', 'The view "mine" needs the member of staff it is for.');
      return Prisma.sql`r."attestedBy" = ${staffId}`;
  }
}

/** The filters as one condition; values are bound parameters, never spliced. */
function filtersWhere(f: QueueFilters | undefined): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f?.status) parts.push(Prisma.sql`r.status = ${f.status}`);
  if (f?.type) parts.push(Prisma.sql`r.type = ${f.type}`);
  if (f?.regime) parts.push(Prisma.sql`r.regime = ${f.regime}`);
  if (f?.channel) parts.push(Prisma.sql`r.channel = ${f.channel}`);
  if (f?.owner === 'none') parts.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "RequestOwner" o WHERE o."requestId" = r.id)`);
  else if (f?.owner) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "RequestOwner" o WHERE o."requestId" = r.id AND o."staffId"::text = ${f.owner})`);
  if (f?.subjectId) parts.push(Prisma.sql`r."subjectId" = ${f.subjectId}::uuid`);
  if (f?.phoneHash) parts.push(Prisma.sql`r."phoneHash" = ${f.phoneHash}`);
  if (f?.idPrefix) parts.push(Prisma.sql`r.id::text LIKE ${`${f.idPrefix.toLowerCase()}%`}`);
  return parts.length > 0 ? Prisma.join(parts, ' AND ') : Prisma.sql`TRUE`;
}

// No due date sorts as the latest one: last by deadline, first by "-deadline" (which also
// lets PostgreSQL read the index backwards).
const ORDER: Record<QueueSort, Prisma.Sql> = {
  deadline: Prisma.sql`r."dueAt" ASC NULLS LAST, r.id ASC`,
  '-deadline': Prisma.sql`r."dueAt" DESC NULLS FIRST, r.id DESC`,
  received: Prisma.sql`r."receivedAt" ASC, r.id ASC`,
};

interface Row {
  id: string;
  type: string;
  regime: string;
  channel: string;
  status: string;
  receivedAt: Date;
  dueAt: Date | null;
  stuck: boolean;
  attestedBy: string | null;
}

const AWAITING_BY_STATUS: Partial<Record<RequestStatus, NonNullable<QueueItem['awaiting']>>> = {
  AWAITING_VERIFICATION: 'identity',
  AWAITING_FEE: 'fee',
  AWAITING_DECISION: 'decision',
  AWAITING_APPROVAL: 'approval',
  STUCK: 'store',
};

/** Calendar days from today to the due day, both as UTC dates. */
export function calendarDaysLeft(now: Date, dueAt: Date): number {
  const day = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return Math.round((day(dueAt) - day(now)) / DAY_MS);
}

/** One page of a queue view, sorted by deadline unless asked otherwise. */
export async function reviewQueue(
  deps: ServerDeps,
  q: { view: QueueView; staffId?: string; sort?: QueueSort; page?: number; pageSize?: number; filters?: QueueFilters },
): Promise<{ total: number; page: number; pageSize: number; items: QueueItem[] }> {
  const now = deps.clock();
  const page = Math.max(1, Math.floor(q.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(q.pageSize ?? DEFAULT_PAGE_SIZE)));
  const where = Prisma.sql`${whereFor(q.view, now, q.staffId)} AND ${filtersWhere(q.filters)}`;
  const [rows, counted] = await Promise.all([
    deps.db.$queryRaw<Row[]>`
      SELECT r.id, r.type, r.regime, r.channel, r.status, r."receivedAt", r."dueAt", r.stuck, r."attestedBy"
      FROM "DsrRequest" r WHERE ${where}
      ORDER BY ${ORDER[q.sort ?? 'deadline']}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    deps.db.$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM "DsrRequest" r WHERE ${where}`,
  ]);
  const ids = rows.map((r) => r.id);
  const [failing, manual] = await Promise.all([failingStoresOf(deps, ids), openManualTasksOf(deps, ids)]);
  const items = rows.map(requestRecord).map((r): QueueItem => {
    const { status } = r;
    const closed = CLOSED_STATUSES.includes(status);
    return {
      id: r.id,
      type: r.type,
      regime: r.regime,
      channel: r.channel,
      status,
      receivedAt: r.receivedAt.toISOString(),
      dueAt: r.dueAt?.toISOString() ?? null,
      // A closed request has no days left: its deadline no longer runs.
      daysLeft: r.dueAt && !closed ? calendarDaysLeft(now, r.dueAt) : null,
      stuck: r.stuck,
      failingStores: failing.get(r.id) ?? [],
      awaiting: closed ? null : r.stuck ? 'store' : (AWAITING_BY_STATUS[status] ?? (manual.has(r.id) ? 'manual-task' : null)),
      openedBy: r.attestedBy,
    };
  });
  return { total: counted[0]?.total ?? 0, page, pageSize, items };
}

/** The failing stores of the requests on the page, by request id. */
async function failingStoresOf(deps: ServerDeps, ids: string[]): Promise<Map<string, string[]>> {
  const byRequest = new Map<string, string[]>();
  if (ids.length === 0) return byRequest;
  const tasks = await deps.db.$queryRaw<Array<{ requestId: string; store: string }>>`
    SELECT t."requestId", t.store FROM "StoreTask" t
    WHERE t."requestId" = ANY(${ids}::uuid[]) AND ${FAILING_TASK} ORDER BY t.store`;
  for (const t of tasks) byRequest.set(t.requestId, [...(byRequest.get(t.requestId) ?? []), t.store]);
  return byRequest;
}

/** The requests on the page that wait on a person to work a store with no API (a manual task). */
async function openManualTasksOf(deps: ServerDeps, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const open = await deps.db.manualTask.findMany({ where: { requestId: { in: ids }, status: 'OPEN' }, select: { requestId: true } });
  return new Set(open.map((m) => m.requestId));
}
