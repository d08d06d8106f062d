// The compliance summary: how many requests came in over a period, how they ended, how long
// they took and how many ran late, per regime and request type. Only counts and durations
// leave the database; no subject, address or request id is read.
import { Prisma } from '../../generated/prisma/client';
import type { Db } from '../../db/prisma';
import { outcomeCountsByRegime } from '../../db/records';
import type { RequestType } from '../../domain/request-kinds';
import { AppError } from '../app-error';

/** Outcome codes (see workflows/dsr-request.ts) that count as complied with in whole or in part. */
export const COMPLIED_OUTCOMES = ['FULFILLED', 'FULFILLED_IN_PART'] as const;
/** Outcome codes that count as denied; an unverifiable request is a denial in the CCPA's metrics (11 CCR § 7102). */
export const DENIED_OUTCOMES = ['REFUSED_EXEMPT', 'REFUSED_EXCESSIVE', 'UNVERIFIABLE'] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ReportFigures {
  received: number;
  open: number;
  complied: number;
  denied: number;
  /** Closed otherwise: withdrawn, duplicate, fee declined or unanswered. */
  otherClosed: number;
  medianDaysToClose: number | null;
  p90DaysToClose: number | null;
  overdueOpen: number;
  closedAfterDue: number;
}

export interface RegimeSummary {
  regime: string;
  total: ReportFigures;
  byType: Array<ReportFigures & { type: RequestType }>;
  byOutcome: Array<{ outcome: string | null; count: number }>;
}

export interface ReportSummary {
  from: string;
  to: string;
  regime: string | null;
  generatedAt: string;
  regimes: RegimeSummary[];
}

export interface ReportQuery {
  from: string;
  to: string;
  regime?: string;
}

type Row = { regime: string; type: string | null; is_total: number } & Record<
  'received' | 'open' | 'complied' | 'denied' | 'other_closed' | 'overdue_open' | 'closed_after_due',
  number
> & { median_days: number | null; p90_days: number | null };

/** Summarises the requests received from `from` to `to` (whole UTC days, both included). */
export async function reportSummary(db: Db, query: ReportQuery, now: Date): Promise<ReportSummary> {
  const start = new Date(`${query.from}T00:00:00.000Z`);
  const end = new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + DAY_MS);
  if (start >= end) throw new AppError(400, 'INVALID_INPUT', '`from` must not be after `to`.');
  const regimeFilter = query.regime ? Prisma.sql`AND regime = ${query.regime}` : Prisma.empty;
  const days = Prisma.sql`EXTRACT(EPOCH FROM ("closedAt" - "receivedAt")) / 86400`;
  // One pass; the grouping sets give each regime's total its own median, which summing the types' could not.
  const rows = await db.$queryRaw<Row[]>`
    SELECT regime, type, GROUPING(type)::int AS is_total,
      COUNT(*)::int AS received,
      COUNT(*) FILTER (WHERE "closedAt" IS NULL)::int AS open,
      COUNT(*) FILTER (WHERE outcome IN (${Prisma.join(COMPLIED_OUTCOMES)}))::int AS complied,
      COUNT(*) FILTER (WHERE outcome IN (${Prisma.join(DENIED_OUTCOMES)}))::int AS denied,
      COUNT(*) FILTER (WHERE "closedAt" IS NOT NULL AND (outcome IS NULL OR outcome NOT IN (${Prisma.join([...COMPLIED_OUTCOMES, ...DENIED_OUTCOMES])})))::int AS other_closed,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days}) AS median_days,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${days}) AS p90_days,
      COUNT(*) FILTER (WHERE "closedAt" IS NULL AND "dueAt" < ${now})::int AS overdue_open,
      COUNT(*) FILTER (WHERE "closedAt" > "dueAt")::int AS closed_after_due
    FROM "DsrRequest"
    WHERE "receivedAt" >= ${start} AND "receivedAt" < ${end} ${regimeFilter}
    GROUP BY GROUPING SETS ((regime, type), (regime))
    ORDER BY regime, is_total, type`;
  const outcomes = await outcomeCountsByRegime(db, start, end, query.regime);

  const regimes = new Map<string, RegimeSummary>();
  for (const row of rows) {
    const summary = regimes.get(row.regime) ?? { regime: row.regime, total: figures(row), byType: [], byOutcome: [] };
    if (row.is_total) summary.total = figures(row);
    else summary.byType.push({ type: row.type as RequestType, ...figures(row) });
    regimes.set(row.regime, summary);
  }
  for (const o of outcomes) regimes.get(o.regime)?.byOutcome.push({ outcome: o.outcome, count: o.count });
  return { from: query.from, to: query.to, regime: query.regime ?? null, generatedAt: now.toISOString(), regimes: [...regimes.values()] };
}

function figures(row: Row): ReportFigures {
  const rounded = (days: number | null) => (days === null ? null : Math.round(Number(days) * 10) / 10);
  return {
    received: row.received,
    open: row.open,
    complied: row.complied,
    denied: row.denied,
    otherClosed: row.other_closed,
    medianDaysToClose: rounded(row.median_days),
    p90DaysToClose: rounded(row.p90_days),
    overdueOpen: row.overdue_open,
    closedAfterDue: row.closed_after_due,
  };
}
