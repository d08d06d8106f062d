// GET /console/queue and /console/mine: requests as a table with their deadlines, in tabs,
// sortable by deadline and paginated. Ids, kinds and dates only: no personal data.
import type { QueuePage, QueueItem } from '../../staff/console-schemas';
import { html, type Html } from '../../../markup/html';
import { consolePage, type ConsoleViewer } from './console-layout';
import { formatDay } from './format';

/** The compliance tabs, in the order shown. */
export const QUEUE_TAB_VIEWS = ['stuck', 'failing', 'overdue', 'due-soon', 'awaiting-decision', 'awaiting-approval'] as const;
export type QueueTab = (typeof QUEUE_TAB_VIEWS)[number];
const TAB_LABELS: Record<QueueTab, string> = { stuck: 'Stuck', failing: 'Failing', overdue: 'Overdue', 'due-soon': 'Due soon', 'awaiting-decision': 'Awaiting decision', 'awaiting-approval': 'Awaiting approval' };
export type QueueSort = 'deadline' | '-deadline';

/** Where a queue link goes, with the view, sort and page kept. */
const queueHref = (base: string, q: { view?: string; sort: QueueSort; page: number }) => {
  const params = new URLSearchParams({ ...(q.view ? { view: q.view } : {}), sort: q.sort, page: String(q.page) });
  return `${base}?${params.toString()}`;
};

function table(items: readonly QueueItem[], base: string, q: { view?: string; sort: QueueSort; page: number }): Html {
  if (items.length === 0) return html`<p class="notice" role="status">No requests here.</p>`;
  const nextSort: QueueSort = q.sort === 'deadline' ? '-deadline' : 'deadline';
  const ariaSort = q.sort === 'deadline' ? 'ascending' : 'descending';
  const rows = items.map(
    (r) => html`<tr>
<td><a href="/console/requests/${r.id}">${r.id.slice(0, 8)}</a></td><td>${r.type}</td><td>${r.regime}</td><td>${r.channel}</td><td>${r.status}</td>
<td>${r.dueAt ? formatDay(r.dueAt) : '–'}</td><td>${r.daysLeft ?? '–'}</td><td>${r.failingStores.join(', ') || '–'}</td><td>${r.awaiting ?? '–'}</td>
</tr>`,
  );
  return html`<table>
<thead><tr><th scope="col">Request</th><th scope="col">Type</th><th scope="col">Regime</th><th scope="col">Channel</th><th scope="col">Status</th>
<th scope="col" aria-sort="${ariaSort}"><a href="${queueHref(base, { ...q, sort: nextSort, page: 1 })}">Due ${q.sort === 'deadline' ? '▲' : '▼'}<span class="visually-hidden"> (change the order)</span></a></th>
<th scope="col">Days left</th><th scope="col">Failing stores</th><th scope="col">Awaiting</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function pager(result: QueuePage, base: string, q: { view?: string; sort: QueueSort; page: number }): Html {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return html`<nav aria-label="Pages"><p>Page ${result.page} of ${pages} (${result.total} requests)
${result.page > 1 ? html` <a href="${queueHref(base, { ...q, page: result.page - 1 })}" rel="prev">Previous page</a>` : ''}
${result.page < pages ? html` <a href="${queueHref(base, { ...q, page: result.page + 1 })}" rel="next">Next page</a>` : ''}</p></nav>`;
}

/** The review queue for compliance, on one tab. */
export function queuePage(viewer: ConsoleViewer, result: QueuePage, q: { view: QueueTab; sort: QueueSort; page: number }): string {
  const tabs = QUEUE_TAB_VIEWS.map(
    (view) => html`<li><a href="${queueHref('/console/queue', { view, sort: q.sort, page: 1 })}"${view === q.view ? html` aria-current="page"` : ''}>${TAB_LABELS[view]}</a></li>`,
  );
  const body = html`<h1>Review queue</h1>
<nav aria-label="Queue views"><ul class="tabs">${tabs}</ul></nav>
<h2>${TAB_LABELS[q.view]}</h2>
${table(result.items, '/console/queue', q)}
${pager(result, '/console/queue', q)}`;
  return consolePage({ title: 'Review queue', body, viewer });
}

/** The requests this member of staff opened for subjects. */
export function minePage(viewer: ConsoleViewer, result: QueuePage, q: { sort: QueueSort; page: number }, flash?: string): string {
  const body = html`<h1>My requests</h1>
<p>Requests you opened on a subject’s behalf, with their deadlines.</p>
${table(result.items, '/console/mine', q)}
${pager(result, '/console/mine', q)}`;
  return consolePage({ title: 'My requests', body, viewer, flash });
}
