// The console's dashboard, straight from PostgreSQL: what is open (by status and regime), what
// needs someone (the review queue's own conditions, so the numbers and the lists agree), how
// long requests took to close over a period, and per week how many closed before or after
// their deadline. Counts and durations only: no personal data.
import type { ServerDeps } from '../deps';
import { whereFor, type QueueView } from './review-queue';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The queue views the dashboard counts, in the order shown. */
export const DASHBOARD_COUNTS = ['due-soon', 'overdue', 'awaiting-decision', 'awaiting-approval', 'stuck'] as const satisfies readonly QueueView[];
export type DashboardCount = (typeof DASHBOARD_COUNTS)[number];

export interface CloseTime {
  regime: string;
  type: string;
  closed: number;
  /** Days from receipt to closing, as fractional days. */
  median: number;
  p90: number;
}

export interface WeekBar {
  /** Monday of the week (UTC), as YYYY-MM-DD. */
  week: string;
  onTime: number;
  late: number;
}

export interface DashboardFigures {
  openByStatusAndRegime: Array<{ status: string; regime: string; count: number }>;
  counts: Record<DashboardCount, number>;
  closeTimes: CloseTime[];
  weeks: WeekBar[];
  periodDays: number;
}

/** The figures as of the deps' clock, closing times and weeks over the last `periodDays`. */
export async function dashboardFigures(deps: Pick<ServerDeps, 'db' | 'clock'>, periodDays: number): Promise<DashboardFigures> {
  const now = deps.clock();
  const since = new Date(now.getTime() - periodDays * DAY_MS);
  const countOf = async (view: DashboardCount) => {
    const rows = await deps.db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "DsrRequest" r WHERE ${whereFor(view, now, undefined)}`;
    return [view, rows[0]?.n ?? 0] as const;
  };
  const [open, counted, closeTimes, weeks] = await Promise.all([
    deps.db.$queryRaw<Array<{ status: string; regime: string; count: number }>>`
      SELECT r.status, r.regime, count(*)::int AS count FROM "DsrRequest" r WHERE r."closedAt" IS NULL
      GROUP BY r.status, r.regime ORDER BY r.status, r.regime`,
    Promise.all(DASHBOARD_COUNTS.map(countOf)),
    deps.db.$queryRaw<CloseTime[]>`
      SELECT r.regime, r.type, count(*)::int AS closed,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r."closedAt" - r."receivedAt") / 86400)::float8 AS median,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r."closedAt" - r."receivedAt") / 86400)::float8 AS p90
      FROM "DsrRequest" r WHERE r."closedAt" >= ${since} AND r."closedAt" <= ${now}
      GROUP BY r.regime, r.type ORDER BY r.regime, r.type`,
    // "On time" is closed by the due date; a request closed before any due date was set counts as on time.
    deps.db.$queryRaw<WeekBar[]>`
      SELECT to_char(date_trunc('week', r."closedAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,
        (count(*) FILTER (WHERE r."dueAt" IS NULL OR r."closedAt" <= r."dueAt"))::int AS "onTime",
        (count(*) FILTER (WHERE r."closedAt" > r."dueAt"))::int AS late
      FROM "DsrRequest" r WHERE r."closedAt" >= ${since} AND r."closedAt" <= ${now}
      GROUP BY 1 ORDER BY 1`,
  ]);
  return { openByStatusAndRegime: open, counts: Object.fromEntries(counted) as Record<DashboardCount, number>, closeTimes, weeks, periodDays };
}

