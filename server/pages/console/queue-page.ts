// GET /console/queue and /console/mine, and the answer of POST /console/find: requests as a
// table with their deadlines and owners, in tabs, filtered, sortable by deadline and paged.
// Ids, kinds and dates only: no personal data.
import { CHANNELS, REQUEST_TYPES } from '../../../domain/request-kinds';
import { REQUEST_STATUSES } from '../../../domain/status';
import type { QueuePage, QueueItem } from '../../staff/console-schemas';
import { html, type Html } from '../../../markup/html';
import { consolePage, csrfField, textFor, type ConsoleViewer } from './console-layout';
import { labelOf, type ConsoleText } from './console-text';
import { formatDay } from './format';
import { statusBadge } from './status-badge';

/** The compliance tabs, in the order shown. */
export const QUEUE_TAB_VIEWS = ['open', 'all', 'stuck', 'failing', 'overdue', 'due-soon', 'awaiting-decision', 'awaiting-approval'] as const;
export type QueueTab = (typeof QUEUE_TAB_VIEWS)[number];
export type QueueSort = 'deadline' | '-deadline';
/** The filters a list can carry in its address (no personal data: codes and staff ids). */
export const FILTER_NAMES = ['status', 'type', 'regime', 'channel', 'owner'] as const;
export type ListFilters = Partial<Record<(typeof FILTER_NAMES)[number], string>>;
export interface ListQuery {
  view?: string;
  sort: QueueSort;
  page: number;
  filters?: ListFilters;
}
/** A list row with its owner's name, if it has one. */
export type ListItem = QueueItem & { owner?: string };
export type ListPage = Omit<QueuePage, 'items'> & { items: ListItem[] };

/** Where a list link goes, with the view, filters, sort and page kept. */
const listHref = (base: string, q: ListQuery) => {
  const params = new URLSearchParams({ ...(q.view ? { view: q.view } : {}), ...Object.fromEntries(Object.entries(q.filters ?? {}).filter(([, v]) => v)), sort: q.sort, page: String(q.page) });
  return `${base}?${params.toString()}`;
};

function table(t: ConsoleText, items: readonly ListItem[], sortHref?: (sort: QueueSort) => string, sort: QueueSort = 'deadline'): Html {
  if (items.length === 0) return html`<p class="notice" role="status">${t.noRequests}</p>`;
  const nextSort: QueueSort = sort === 'deadline' ? '-deadline' : 'deadline';
  const rows = items.map(
    (r) => html`<tr>
<td><a href="/console/requests/${r.id}">${r.id.slice(0, 8)}</a></td><td>${labelOf(t.type, r.type)}</td><td>${labelOf(t.regime, r.regime)}</td><td>${labelOf(t.channel, r.channel)}</td><td>${statusBadge(t, r.status)}</td>
<td>${r.dueAt ? formatDay(r.dueAt, t.lang) : '–'}</td><td>${r.daysLeft ?? '–'}</td><td>${r.owner ?? '–'}</td><td>${r.awaiting ? labelOf(t.awaiting, r.awaiting) : '–'}${r.failingStores.length > 0 ? html` <span class="badge stuck">${r.failingStores.join(', ')}</span>` : ''}</td>
</tr>`,
  );
  const due = sortHref
    ? html`<th scope="col" aria-sort="${sort === 'deadline' ? 'ascending' : 'descending'}"><a href="${sortHref(nextSort)}">${t.columns.due} ${sort === 'deadline' ? '▲' : '▼'}<span class="visually-hidden"> ${t.changeOrder}</span></a></th>`
    : html`<th scope="col">${t.columns.due}</th>`;
  const c = t.columns;
  return html`<div class="table-wrap"><table>
<thead><tr><th scope="col">${c.request}</th><th scope="col">${c.type}</th><th scope="col">${c.regime}</th><th scope="col">${c.channel}</th><th scope="col">${c.status}</th>
${due}<th scope="col">${c.daysLeft}</th><th scope="col">${c.owner}</th><th scope="col">${c.awaiting}</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

function pager(t: ConsoleText, result: ListPage, base: string, q: ListQuery): Html {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return html`<nav aria-label="Pages"><p>${t.pageOf(result.page, pages, result.total)}
${result.page > 1 ? html` <a href="${listHref(base, { ...q, page: result.page - 1 })}" rel="prev">${t.previous}</a>` : ''}
${result.page < pages ? html` <a href="${listHref(base, { ...q, page: result.page + 1 })}" rel="next">${t.next}</a>` : ''}</p></nav>`;
}

/** The search form: a POST, so that an address never travels in a URL or a log line. */
export function findForm(viewer: ConsoleViewer, error?: string): Html {
  const t = textFor(viewer);
  return html`<form method="post" action="/console/find" role="search" novalidate>${csrfField(viewer)}
<label for="find-q">${t.findLabel}</label>
<p class="hint" id="find-q-hint">${t.findHint}</p>
<input type="search" id="find-q" name="q" maxlength="320" autocomplete="off" aria-describedby="find-q-hint${error ? ' find-q-error' : ''}"${error ? html` aria-invalid="true"` : ''}>
${error ? html`<p class="error" id="find-q-error">${error}</p>` : ''}
<button type="submit">${t.findButton}</button></form>`;
}

function filtersForm(t: ConsoleText, q: ListQuery, regimes: readonly string[], staff: ReadonlyArray<{ id: string; displayName: string }>): Html {
  const f = q.filters ?? {};
  const select = (name: keyof ListFilters, label: string, options: ReadonlyArray<readonly [string, string]>) =>
    html`<label>${label} <select name="${name}"><option value="">${t.any}</option>${options.map(([v, l]) => html`<option value="${v}"${f[name] === v ? html` selected` : ''}>${l}</option>`)}</select></label>`;
  return html`<details${Object.values(f).some(Boolean) ? html` open` : ''}><summary>${t.filters}</summary>
<form method="get" action="/console/queue" class="inline">
<input type="hidden" name="view" value="${q.view ?? 'open'}">
${select('status', t.columns.status, REQUEST_STATUSES.map((s) => [s, labelOf(t.status, s)] as const))}
${select('type', t.columns.type, REQUEST_TYPES.map((s) => [s, labelOf(t.type, s)] as const))}
${select('regime', t.columns.regime, regimes.map((s) => [s, labelOf(t.regime, s)] as const))}
${select('channel', t.columns.channel, CHANNELS.map((s) => [s, labelOf(t.channel, s)] as const))}
${select('owner', t.columns.owner, [['none', t.nobody] as const, ...staff.map((s) => [s.id, s.displayName] as const)])}
<button type="submit">${t.applyFilters}</button></form></details>`;
}

/** The review queue for compliance, on one tab, with its filters. */
export function queuePage(viewer: ConsoleViewer, result: ListPage, q: ListQuery & { view: QueueTab }, choices: { regimes: readonly string[]; staff: ReadonlyArray<{ id: string; displayName: string }> }): string {
  const t = textFor(viewer);
  const tabs = QUEUE_TAB_VIEWS.map(
    (view) => html`<li><a href="${listHref('/console/queue', { ...q, view, page: 1 })}"${view === q.view ? html` aria-current="page"` : ''}>${labelOf(t.views, view)}</a></li>`,
  );
  const body = html`<h1>${t.nav.queue}</h1>
${findForm(viewer)}
<nav aria-label="Queue views"><ul class="tabs">${tabs}</ul></nav>
${filtersForm(t, q, choices.regimes, choices.staff)}
<h2>${labelOf(t.views, q.view)}</h2>
${table(t, result.items, (sort) => listHref('/console/queue', { ...q, sort, page: 1 }), q.sort)}
${pager(t, result, '/console/queue', q)}`;
  return consolePage({ title: t.nav.queue, body, viewer });
}

/** The requests this member of staff opened for subjects or owns. */
export function minePage(viewer: ConsoleViewer, result: ListPage, q: ListQuery, flash?: string): string {
  const t = textFor(viewer);
  const body = html`<h1>${t.nav.mine}</h1>
${findForm(viewer)}
${table(t, result.items, (sort) => listHref('/console/mine', { ...q, sort, page: 1 }), q.sort)}
${pager(t, result, '/console/mine', q)}`;
  return consolePage({ title: t.nav.mine, body, viewer, flash });
}

/** What a search found. */
export function foundPage(viewer: ConsoleViewer, items: readonly ListItem[], error?: string): string {
  const t = textFor(viewer);
  const body = html`<h1>${t.find}</h1>
${findForm(viewer, error)}
${error ? '' : html`<h2>${t.findResults}</h2>${items.length > 0 ? table(t, items) : html`<p class="notice" role="status">${t.findNothing}</p>`}`}`;
  return consolePage({ title: t.find, body, viewer });
}
