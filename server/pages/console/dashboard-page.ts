// GET /console: the dashboard. What is open by status and regime, what needs someone (each
// figure links to its list), days to close per regime and type over the chosen period, and
// the weekly chart of closings before and after the deadline.
import { html, type Html } from '../../../markup/html';
import { DASHBOARD_COUNTS, type DashboardFigures } from '../../use-cases/dashboard-figures';
import { consolePage, textFor, type ConsoleViewer } from './console-layout';
import { labelOf, type ConsoleText } from './console-text';
import { statusBadge } from './status-badge';
import { weekChart } from './week-chart';

/** The periods offered, in days. */
export const DASHBOARD_PERIODS = [30, 90, 365] as const;

const COUNT_LABEL: Record<(typeof DASHBOARD_COUNTS)[number], keyof ConsoleText> = {
  'due-soon': 'dueIn7',
  overdue: 'overdue',
  'awaiting-decision': 'awaitingDecision',
  'awaiting-approval': 'awaitingApproval',
  stuck: 'stuck',
};

const days = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

function openTable(t: ConsoleText, f: DashboardFigures): Html {
  const regimes = [...new Set(f.openByStatusAndRegime.map((r) => r.regime))].sort();
  const statuses = [...new Set(f.openByStatusAndRegime.map((r) => r.status))];
  if (statuses.length === 0) return html`<p class="notice">${t.noRequests}</p>`;
  const cell = (status: string, regime: string) => f.openByStatusAndRegime.find((r) => r.status === status && r.regime === regime)?.count ?? 0;
  const total = (status: string) => regimes.reduce((sum, regime) => sum + cell(status, regime), 0);
  return html`<div class="table-wrap"><table id="open-by-status">
<thead><tr><th scope="col">${t.columns.status}</th>${regimes.map((g) => html`<th scope="col">${labelOf(t.regime, g)}</th>`)}<th scope="col">${t.total}</th></tr></thead>
<tbody>${statuses.map(
    (s) => html`<tr data-status="${s}"><th scope="row">${statusBadge(t, s)}</th>${regimes.map((g) => html`<td data-regime="${g}">${cell(s, g)}</td>`)}<td data-total>${total(s)}</td></tr>`,
  )}</tbody></table></div>`;
}

function closeTimesTable(t: ConsoleText, f: DashboardFigures): Html {
  if (f.closeTimes.length === 0) return html`<p class="notice">${t.noneClosed}</p>`;
  return html`<div class="table-wrap"><table id="close-times">
<thead><tr><th scope="col">${t.columns.regime}</th><th scope="col">${t.columns.type}</th><th scope="col">${t.closedCount}</th><th scope="col">${t.median}</th><th scope="col">${t.p90}</th></tr></thead>
<tbody>${f.closeTimes.map(
    (c) => html`<tr data-regime="${c.regime}" data-type="${c.type}"><td>${labelOf(t.regime, c.regime)}</td><td>${labelOf(t.type, c.type)}</td><td data-closed>${c.closed}</td><td data-median>${days(c.median)}</td><td data-p90>${days(c.p90)}</td></tr>`,
  )}</tbody></table></div>`;
}

/** The dashboard; the figures link to the queue's lists for compliance, who may open them. */
export function dashboardPage(viewer: ConsoleViewer, f: DashboardFigures, flash?: string): string {
  const t = textFor(viewer);
  const linked = viewer.role === 'compliance';
  const cards = DASHBOARD_COUNTS.map((view) => {
    const figure = html`<span class="figure" id="count-${view}">${f.counts[view]}</span>`;
    return html`<article>${linked ? html`<a href="/console/queue?view=${view}">${figure}</a>` : figure}${t[COUNT_LABEL[view]] as string}</article>`;
  });
  const periods = DASHBOARD_PERIODS.map((p) => html`<option value="${p}"${p === f.periodDays ? html` selected` : ''}>${t.lastDays(p)}</option>`);
  const body = html`<h1>${t.dashboard}</h1>
<section aria-labelledby="needs-h"><h2 id="needs-h" class="visually-hidden">${t.dashboard}</h2><div class="cards">${cards}</div></section>
<section aria-labelledby="open-h"><h2 id="open-h">${t.openByStatus}</h2>${openTable(t, f)}</section>
<section aria-labelledby="close-h"><h2 id="close-h">${t.closeTimes} (${t.lastDays(f.periodDays)})</h2>
<form method="get" action="/console" class="inline"><label>${t.period} <select name="period">${periods}</select></label><button type="submit">${t.show}</button></form>
${closeTimesTable(t, f)}</section>
<section aria-labelledby="chart-h"><h2 id="chart-h">${t.chartTitle}</h2>${weekChart(t, f.weeks)}</section>`;
  return consolePage({ title: t.dashboard, body, viewer, flash });
}
