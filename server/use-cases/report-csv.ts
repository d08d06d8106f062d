// The summary as CSV, one row per regime and request type plus a row for all types: the
// figures the CCPA regulations ask large businesses to publish (11 CCR § 7102) — requests
// received, complied with in whole or in part, denied, and the median days to respond.
import type { ReportFigures, ReportSummary } from './report-summary';

const COLUMNS: Array<[header: string, value: (f: ReportFigures) => number | null]> = [
  ['received', (f) => f.received],
  ['complied_in_whole_or_part', (f) => f.complied],
  ['denied', (f) => f.denied],
  ['other_closed', (f) => f.otherClosed],
  ['open', (f) => f.open],
  ['median_days_to_close', (f) => f.medianDaysToClose],
  ['p90_days_to_close', (f) => f.p90DaysToClose],
  ['overdue_open', (f) => f.overdueOpen],
  ['closed_after_due', (f) => f.closedAfterDue],
];

/** Header row, then the rows; an empty cell where there is no figure (no request closed yet). */
export function reportCsv(summary: ReportSummary): string {
  const lines = [['from', 'to', 'regime', 'type', ...COLUMNS.map(([header]) => header)]];
  for (const r of summary.regimes) {
    for (const [type, f] of [...r.byType.map((t) => [t.type, t] as const), ['ALL', r.total] as const]) {
      lines.push([summary.from, summary.to, r.regime, type, ...COLUMNS.map(([, value]) => String(value(f) ?? ''))]);
    }
  }
  return lines.map((cells) => cells.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Quotes a cell that needs it, and defuses one a spreadsheet would read as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
