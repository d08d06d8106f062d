// GET /console/requests/:id: one request for staff: status and deadline, each store's
// fulfilment, the holds and signals on its subject, the audit trail, and (for compliance)
// the actions the request's state allows. Ids, codes and notes only: no subject data.
import { isClosed, WITHDRAWABLE_STATUSES } from '../../../domain/status';
import type { RefusalGround } from '../../../policy';
import type { Timeline } from '../../staff/console-schemas';
import { html, type Html } from '../../../markup/html';
import { consolePage, type ConsoleViewer } from './console-layout';
import { formatDay, formatInstant } from './format';
import { requestForms, type ActionProblem } from './request-forms';

/** A manual task as the page shows it (from server/use-cases/manual-tasks.ts). */
export interface ManualTaskRow {
  id: string;
  store: string;
  status: string;
  instructions: string;
}

/** What the page shows besides the timeline. */
export interface RequestPageExtras {
  /** Whether the viewer may see holds, signals and the audit trail (not agents). */
  legal: boolean;
  grounds: readonly RefusalGround[];
  manualTasks: readonly ManualTaskRow[];
  flash?: string;
  problem?: ActionProblem;
  /** Years the due date was counted without holiday data for, still not imported (e.g. ['CN 2028']). */
  holidaysMissing?: readonly string[];
}

const json = (value: unknown) => (value === undefined || value === null ? '' : JSON.stringify(value));

function storesTable(t: Timeline, actions: ((store: string) => Html) | undefined): Html {
  const names = [...new Set([...Object.keys(t.request.stores), ...t.storeTasks.map((s) => s.store)])].sort();
  if (names.length === 0) return html`<p class="notice">No store has been searched yet.</p>`;
  const rows = names.map((store) => {
    const task = t.storeTasks.find((s) => s.store === store);
    const live = t.request.stores[store];
    const status = live?.status ?? task?.status ?? '–';
    return html`<tr id="store-${store}">
<th scope="row">${store}</th><td>${status}</td><td>${task?.attempts ?? 0}</td>
<td>${task?.lastError ?? live?.reason ?? '–'}</td><td>${task?.processed ?? '–'}</td><td>${json(task?.retained) || '–'}</td>
<td>${task?.justification ?? ''}${task?.settledBy ? html` <span class="hint">(${task.settledBy})</span>` : ''}</td>
<td class="actions">${status === 'FAILED' && actions ? actions(store) : ''}</td></tr>`;
  });
  return html`<table><thead><tr><th scope="col">Store</th><th scope="col">State</th><th scope="col">Attempts</th><th scope="col">Last error</th>
<th scope="col">Processed</th><th scope="col">Retained</th><th scope="col">Settled</th><th scope="col">Actions</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function timelineList(t: Timeline): Html {
  const items = t.events.map(
    (e) => html`<li><time datetime="${e.at}">${formatInstant(e.at)}</time> – <strong>${e.action}</strong> by ${e.actor}${e.reason ? html`: ${e.reason}` : ''}${
      e.details !== undefined ? html` <span class="hint">${json(e.details)}</span>` : ''
    }</li>`,
  );
  return items.length > 0 ? html`<ol>${items}</ol>` : html`<p class="notice">Nothing recorded yet.</p>`;
}

/** What waits for a second person: who attested the identity, and the approve / reject form. */
function approvalSection(t: Timeline, form: Html | string): Html {
  const attested = t.events.filter((e) => e.action === 'IDENTITY_ATTESTED').map((e) => e.actor);
  return html`<section aria-labelledby="approval-h"><h2 id="approval-h">Awaiting approval</h2>
<p>This erasure’s identity was attested by staff${attested.length > 0 ? html` (${attested.join(', ')})` : ''}. It waits for a second person with the compliance role, not the attester, to approve it before anything is erased.</p>
${form}</section>`;
}

/** The request page. */
export function requestPage(viewer: ConsoleViewer, t: Timeline, extras: RequestPageExtras): string {
  const r = t.request;
  const closed = isClosed(r.status);
  const compliance = viewer.role === 'compliance';
  const forms = requestForms(viewer, r.requestId, extras.problem);
  const storeActions = compliance && r.status === 'STUCK' ? (s: string) => html`${forms.retryStore(s)}${forms.skipStore(s)}${forms.completeStore(s)}` : undefined;
  const storeNames = Object.keys(r.stores).sort();

  const holds = t.holds.map(
    (h) => html`<li>${h.store ?? 'every store'} / ${h.category ?? 'every category'}: ${h.authority}, ${h.basis}${h.endsAt ? html`, until ${formatDay(h.endsAt)}` : ''}
${compliance ? forms.releaseHold(h.holdId) : ''}</li>`,
  );
  const signals = t.signals.map((s) => html`<li>${s.ground} <span class="hint">(${s.createdBy}, ${formatInstant(s.createdAt)})</span>${compliance ? forms.clearSignal(s.signalId) : ''}</li>`);

  const legalSections = html`<section aria-labelledby="holds-h"><h2 id="holds-h">Legal holds on the subject</h2>${holds.length > 0 ? html`<ul>${holds}</ul>` : html`<p>None active.</p>`}
${compliance ? html`<details><summary>Place a legal hold</summary>${forms.placeHold(storeNames)}</details>` : ''}</section>
<section aria-labelledby="signals-h"><h2 id="signals-h">Exemption signals</h2>${signals.length > 0 ? html`<ul>${signals}</ul>` : html`<p>None recorded.</p>`}
${compliance && !closed ? html`<details><summary>Record an exemption signal</summary>${forms.recordSignal(extras.grounds)}</details>` : ''}</section>`;

  const body = html`<h1>Request ${r.requestId.slice(0, 8)}</h1>
${extras.problem?.message ? html`<p class="summary error" role="alert" id="action-error">${extras.problem.message}</p>` : ''}
<dl>
<dt>Status</dt><dd id="request-status">${r.status}</dd>
<dt>Type</dt><dd>${r.type}</dd>
<dt>Regime</dt><dd>${r.regime}</dd>
<dt>Received</dt><dd>${r.receivedAt ? formatInstant(r.receivedAt) : '–'}</dd>
<dt>Due</dt><dd id="request-due">${r.dueAt ? formatDay(r.dueAt) : 'not set yet'}${r.extensions > 0 ? html` (extended ${r.extensions}×)` : ''}</dd>
${extras.holidaysMissing?.length ? html`<dt>Holidays</dt><dd id="request-holiday-warning" class="error">Due date counted on weekends alone: no holiday data for ${extras.holidaysMissing.join(', ')}. Import the arrangement (<code>npm run holidays -- import-cn FILE</code>); the due date is recounted at the next clock event.</dd>` : ''}
${r.closedAt ? html`<dt>Closed</dt><dd>${formatInstant(r.closedAt)}</dd>` : ''}
<dt>Waiting for</dt><dd>${r.awaiting ?? 'nothing'}</dd>
${r.fee ? html`<dt>Fee</dt><dd>${r.fee.amount} ${r.fee.currency} (${r.fee.state})</dd>` : ''}
<dt>Full id</dt><dd><code>${r.requestId}</code></dd>
</dl>
<p><a href="/console/requests/${r.requestId}">Reload this page</a></p>
<section aria-labelledby="stores-h"><h2 id="stores-h">Fulfilment by store</h2>${storesTable(t, storeActions)}</section>
${
  extras.manualTasks.length > 0
    ? html`<section aria-labelledby="tasks-h"><h2 id="tasks-h">Manual tasks</h2><ul>${extras.manualTasks.map(
        (m) => html`<li><strong>${m.store}</strong> (${m.status}): ${m.instructions}${m.status === 'OPEN' && viewer.role !== 'admin' ? forms.completeTask(m.store) : ''}</li>`,
      )}</ul></section>`
    : ''
}
${r.status === 'AWAITING_APPROVAL' ? approvalSection(t, viewer.role === 'compliance' || viewer.role === 'admin' ? forms.approve() : '') : ''}
${extras.legal ? legalSections : html`<p class="notice">Legal holds, exemption signals and the audit trail are for compliance.</p>`}
${
  compliance && !closed
    ? html`<section aria-labelledby="actions-h" class="actions"><h2 id="actions-h">Actions</h2>
${r.status === 'AWAITING_DECISION' ? forms.decide(extras.grounds) : ''}
${r.status === 'AWAITING_FEE' ? forms.waiveFee() : ''}
${forms.extend()}
${WITHDRAWABLE_STATUSES.includes(r.status) ? forms.withdraw() : ''}</section>`
    : ''
}
${extras.legal ? html`<section aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2>${timelineList(t)}</section>` : ''}`;
  // No automatic reload: it would wipe a form being filled in. The link reloads by hand.
  return consolePage({ title: `Request ${r.requestId.slice(0, 8)}`, body, viewer, flash: extras.flash });
}
