// GET /console/requests/:id: one request for staff: status and deadline, who owns it, each
// store's fulfilment, the holds and signals on its subject, internal notes, the timeline in
// sentences and (for compliance) the actions the request's state allows. No subject data.
import { isClosed, WITHDRAWABLE_STATUSES } from '../../../domain/status';
import type { RefusalGround } from '../../../policy';
import type { Timeline } from '../../staff/console-schemas';
import { html, type Html } from '../../../markup/html';
import { consolePage, textFor, type ConsoleViewer } from './console-layout';
import { labelOf, type ConsoleText } from './console-text';
import { formatDay, formatInstant } from './format';
import { requestForms, type ActionProblem } from './request-forms';
import { statusBadge } from './status-badge';
import { sentence } from './timeline-text';
import { noteWords, reasonWords } from './engine-reasons';
import { valueView } from './value-view';
import { contactSection } from './contact-section';
import type { SubjectContact } from '../../use-cases/subject-contact';
import { notesSection, ownerSection, type Assignable, type NoteItem } from './work-forms';

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
  /** The owner's name, if someone owns the request. */
  owner?: string;
  /** Who may be made owner. */
  assignable: readonly Assignable[];
  /** Names an audit actor ("staff:<id>", "system", "subject") for people: "Li Na (agent)". */
  who: (actor: string) => string;
  /** Whether the viewer may ask for the subject's contact (compliance, or who opened it). */
  contactAllowed?: boolean;
  /** The contact, only in the answer to the viewer's audited request for it. */
  contact?: SubjectContact;
  /** Which of the deletion certificate and the access package's manifest exist to link. */
  records?: { certificate: boolean; manifest: boolean };
}

/** What a store kept back from erasure, in words: "logs: 12 records kept (legal hold: Cybersecurity Law art. 21)". */
function retainedWords(t: ConsoleText, retained: unknown): Html | string {
  if (!Array.isArray(retained) || retained.length === 0) return '–';
  return html`<ul>${retained.map((r: unknown) => {
    const item = r as { category?: string; records?: number; reason?: string; basis?: string; reference?: string };
    if (typeof item?.category !== 'string') return html`<li>${valueView(r)}</li>`;
    const why = item.reason === 'LEGAL_HOLD' ? (t.htmlLang === 'en' ? 'legal hold' : '法律保全') : t.htmlLang === 'en' ? 'exemption' : '豁免';
    return html`<li><strong>${item.category}</strong>: ${item.records ?? 0} (${why}${item.basis ? html`: ${item.basis}` : ''})</li>`;
  })}</ul>`;
}

function storesTable(t: ConsoleText, tl: Timeline, who: RequestPageExtras['who'], actions: ((store: string) => Html) | undefined): Html {
  const names = [...new Set([...Object.keys(tl.request.stores), ...tl.storeTasks.map((s) => s.store)])].sort();
  if (names.length === 0) return html`<p class="notice">${t.nothingYet}</p>`;
  const rows = names.map((store) => {
    const task = tl.storeTasks.find((s) => s.store === store);
    const live = tl.request.stores[store];
    const status = live?.status ?? task?.status ?? '–';
    return html`<tr id="store-${store}">
<th scope="row">${store}</th><td>${labelOf(t.storeState, status)}</td><td>${task?.attempts ?? 0}</td>
<td>${task?.lastError ?? live?.reason ?? '–'}</td><td>${task?.processed ?? '–'}</td><td>${retainedWords(t, task?.retained)}</td>
<td>${task?.justification ? noteWords(t.lang, task.justification) : ''}${task?.settledBy ? html` <span class="hint">(${task.settledBy === 'ENGINE' ? labelOf(t.records.settledBy, 'ENGINE') : who(task.settledBy)})</span>` : ''}</td>
<td class="actions">${status === 'FAILED' && actions ? actions(store) : ''}</td></tr>`;
  });
  return html`<div class="table-wrap"><table><thead><tr><th scope="col">${t.store}</th><th scope="col">${t.state}</th><th scope="col">${t.attempts}</th><th scope="col">${t.lastError}</th>
<th scope="col">${t.processed}</th><th scope="col">${t.retained}</th><th scope="col">${t.settled}</th><th scope="col">${t.actions}</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** Audit details as words, with staff named; the note's id is the reason already shown. */
function detailsOf(details: unknown, who: RequestPageExtras['who']): unknown {
  if (typeof details === 'string') return /^staff:/.test(details) ? who(details) : details;
  if (Array.isArray(details)) return details.map((d) => detailsOf(d, who));
  if (details && typeof details === 'object') {
    const entries = Object.entries(details as Record<string, unknown>).filter(([k]) => k !== 'noteId');
    return entries.length > 0 ? Object.fromEntries(entries.map(([k, v]) => [k, detailsOf(v, who)])) : undefined;
  }
  return details;
}

function timelineList(viewer: ConsoleViewer, tl: Timeline, who: RequestPageExtras['who']): Html {
  const t = textFor(viewer);
  const lang = viewer.lang ?? 'en';
  // Each entry is one list item: the list's own numbering is the only number (no "1. 1.").
  const items = tl.events.map((e) => {
    const details = e.details !== undefined ? detailsOf(e.details, who) : undefined;
    return html`<li><time datetime="${e.at}">${formatInstant(e.at, lang)}</time> ${sentence(lang, e.action, who(e.actorId ?? e.actor), reasonWords(lang, e.actorId ?? e.actor, e.reason))}${
      details !== undefined && details !== null ? html`<details><summary>${t.moreDetails}</summary>${valueView(details)}</details>` : ''
    }</li>`;
  });
  return items.length > 0 ? html`<ol class="timeline">${items}</ol>` : html`<p class="notice">${t.nothingYet}</p>`;
}

/** The notes staff wrote, from the NOTE_ADDED events (their text is the event's reason while it exists). */
const notesOf = (t: ConsoleText, tl: Timeline, who: RequestPageExtras['who']): NoteItem[] =>
  tl.events.filter((e) => e.action === 'NOTE_ADDED').map((e) => ({ at: e.at, who: who(e.actorId ?? e.actor), text: noteWords(t.lang, e.reason ?? '') }));

/** What waits for a second person: who attested the identity, and the approve / reject form. */
function approvalSection(t: ConsoleText, tl: Timeline, who: RequestPageExtras['who'], form: Html | string): Html {
  const attested = tl.events.filter((e) => e.action === 'IDENTITY_ATTESTED').map((e) => who(e.actorId ?? e.actor));
  return html`<section aria-labelledby="approval-h"><h2 id="approval-h">${t.forms.approvalHeading}</h2>
<p>${t.forms.approvalText(attested.join(t.htmlLang === 'en' ? ', ' : '、'))}</p>
${form}</section>`;
}

/** The request page. */
export function requestPage(viewer: ConsoleViewer, tl: Timeline, extras: RequestPageExtras): string {
  const t = textFor(viewer);
  const r = tl.request;
  const closed = isClosed(r.status);
  const compliance = viewer.role === 'compliance';
  const forms = requestForms(viewer, r.requestId, extras.problem);
  const storeActions = compliance && r.status === 'STUCK' ? (s: string) => html`${forms.retryStore(s)}${forms.skipStore(s)}${forms.completeStore(s)}` : undefined;
  const storeNames = Object.keys(r.stores).sort();

  const holds = tl.holds.map(
    (h) => html`<li>${h.store ?? t.forms.anyStore} / ${h.category ?? t.forms.anyCategory}: ${h.authority}, ${h.basis}${h.endsAt ? html`, ${t.forms.until(formatDay(h.endsAt, t.lang))}` : ''}
${compliance ? forms.releaseHold(h.holdId) : ''}</li>`,
  );
  const signals = tl.signals.map((s) => html`<li>${s.ground} <span class="hint">(${s.createdBy}, ${formatInstant(s.createdAt, t.lang)})</span>${compliance ? forms.clearSignal(s.signalId) : ''}</li>`);

  const legalSections = html`<section aria-labelledby="holds-h"><h2 id="holds-h">${t.forms.holdsHeading}</h2>${holds.length > 0 ? html`<ul>${holds}</ul>` : html`<p>${t.forms.noneActive}</p>`}
${compliance ? html`<details><summary>${t.forms.placeHold}</summary>${forms.placeHold(storeNames)}</details>` : ''}</section>
<section aria-labelledby="signals-h"><h2 id="signals-h">${t.forms.signalsHeading}</h2>${signals.length > 0 ? html`<ul>${signals}</ul>` : html`<p>${t.forms.noneRecorded}</p>`}
${compliance && !closed ? html`<details><summary>${t.forms.recordSignal}</summary>${forms.recordSignal(extras.grounds)}</details>` : ''}</section>`;

  const body = html`<h1>${t.requestTitle(r.requestId.slice(0, 8))}</h1>
${extras.problem?.message ? html`<p class="summary error" role="alert" id="action-error">${extras.problem.message}</p>` : ''}
<dl class="facts">
<dt>${t.columns.status}</dt><dd id="request-status" data-status="${r.status}">${statusBadge(t, r.status)}</dd>
<dt>${t.columns.type}</dt><dd>${labelOf(t.type, r.type)}</dd>
<dt>${t.columns.regime}</dt><dd>${labelOf(t.regime, r.regime)}</dd>
<dt>${t.received}</dt><dd>${r.receivedAt ? formatInstant(r.receivedAt, t.lang) : '–'}</dd>
<dt>${t.dueDay}</dt><dd id="request-due">${r.dueAt ? formatDay(r.dueAt, t.lang) : t.notSet}${r.extensions > 0 ? html` (${t.extended(r.extensions)})` : ''}</dd>
${extras.holidaysMissing?.length ? html`<dt>${t.holidays}</dt><dd id="request-holiday-warning" class="error">${t.holidaysMissing(extras.holidaysMissing.join(', '))}<code>npm run holidays -- import-cn FILE</code>${t.holidaysMissingAfter}</dd>` : ''}
${r.closedAt ? html`<dt>${t.closedAt}</dt><dd>${formatInstant(r.closedAt, t.lang)}</dd>` : ''}
<dt>${t.waitingFor}</dt><dd>${r.awaiting ? labelOf(t.awaiting, r.awaiting) : t.nothing}</dd>
${r.fee ? html`<dt>${t.fee}</dt><dd>${r.fee.amount} ${r.fee.currency} (${labelOf(t.feeState, r.fee.state)})</dd>` : ''}
<dt>${t.fullId}</dt><dd><code>${r.requestId}</code></dd>
</dl>
<p><a href="/console/requests/${r.requestId}">${t.reload}</a>${
    extras.records?.certificate ? html` · <a id="certificate-link" href="/console/requests/${r.requestId}/certificate">${t.certificate}</a>` : ''
  }${extras.records?.manifest ? html` · <a id="manifest-link" href="/console/requests/${r.requestId}/package">${t.manifest}</a>` : ''}</p>
${ownerSection(viewer, r.requestId, extras.owner, extras.assignable, viewer.role !== 'admin')}
${extras.contactAllowed ? contactSection(viewer, r.requestId, extras.contact) : ''}
<section aria-labelledby="stores-h"><h2 id="stores-h">${t.stores}</h2>${storesTable(t, tl, extras.who, storeActions)}</section>
${
  extras.manualTasks.length > 0
    ? html`<section aria-labelledby="tasks-h"><h2 id="tasks-h">${t.forms.manualTasks}</h2><ul>${extras.manualTasks.map(
        (m) => html`<li><strong>${m.store}</strong> (${labelOf(t.forms.taskStatus, m.status)}): ${m.instructions}${m.status === 'OPEN' && viewer.role !== 'admin' ? forms.completeTask(m.store) : ''}</li>`,
      )}</ul></section>`
    : ''
}
${r.status === 'AWAITING_APPROVAL' ? approvalSection(t, tl, extras.who, viewer.role === 'compliance' || viewer.role === 'admin' ? forms.approve() : '') : ''}
${extras.legal ? notesSection(viewer, r.requestId, notesOf(t, tl, extras.who), (iso) => formatInstant(iso, t.lang), extras.problem) : ''}
${extras.legal ? legalSections : html`<p class="notice">${t.forms.legalForCompliance}</p>`}
${
  compliance && !closed
    ? html`<section aria-labelledby="actions-h" class="actions"><h2 id="actions-h">${t.actions}</h2>
${r.status === 'AWAITING_DECISION' ? forms.decide(extras.grounds) : ''}
${r.status === 'AWAITING_FEE' ? forms.waiveFee() : ''}
${forms.extend()}
${WITHDRAWABLE_STATUSES.includes(r.status) ? forms.withdraw() : ''}</section>`
    : ''
}
${extras.legal ? html`<section aria-labelledby="timeline-h"><h2 id="timeline-h">${t.timeline}</h2>${timelineList(viewer, tl, extras.who)}</section>` : ''}`;
  // No automatic reload: it would wipe a form being filled in. The link reloads by hand.
  return consolePage({ title: t.requestTitle(r.requestId.slice(0, 8)), body, viewer, flash: extras.flash });
}
