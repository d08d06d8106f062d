// GET /portal/requests/:id: where the request stands, and the one thing (if any) the
// subject is asked to do now. Shows the procedure's state only, never personal data.
import type { Language } from '../../domain/request-kinds';
import { isClosed, type RequestStatus, WITHDRAWABLE_STATUSES } from '../../domain/status';
import type { StatusView } from '../schemas';
import { html, type Html } from '../../markup/html';
import { messagesFor, STEPS, type Messages, type Step } from './i18n';
import { page, withLang } from './layout';
import { packageNotice, type PackageNoticeFacts } from './package-notice';
import { statusFacts } from './status-facts';

/** How often a page of a running procedure reloads itself. */
const REFRESH_SECONDS = 3;

const STEP_OF: Record<RequestStatus, Step> = {
  RECEIVED: 'received',
  AWAITING_VERIFICATION: 'identity',
  AWAITING_FEE: 'assessment',
  AWAITING_DECISION: 'assessment',
  // A second person confirms an identity staff attested before anything is erased.
  AWAITING_APPROVAL: 'identity',
  IN_FULFILMENT: 'fulfilment',
  STUCK: 'fulfilment',
  COMPLETED: 'reply',
  REFUSED: 'reply',
  UNVERIFIABLE: 'identity',
  WITHDRAWN: 'received',
  DUPLICATE: 'received',
};

// Mirrors the workflow's withdraw validator (workflows/handlers.ts), which has the final
// say: the button is offered where the validator would accept it.

/** A problem to show next to a field (`code`) or above the actions (`action`). */
export interface StatusPageProblem {
  field: 'code' | 'action';
  message: string;
}

/** The status page; `link` carries the request id and token for every form on it. */
/** `timeZone` is the establishment's for the request's regime, where its law counts the day. */
/** `signIn` is the profile's account sign-in button text, when subjects may verify by signing in. */
export function statusPage(
  lang: Language,
  view: StatusView,
  link: { id: string; token: string },
  problem?: StatusPageProblem,
  accessPackage?: PackageNoticeFacts | null,
  timeZone = 'UTC',
  signIn?: { label?: Record<Language, string> },
): string {
  const t = messagesFor(lang);
  const at = (action: string, language = lang) => withLang(`/portal/requests/${link.id}${action}`, { token: link.token }, language);
  const closed = isClosed(view.status);
  const subjectAwaited = view.awaiting === 'SUBJECT_VERIFICATION' || view.awaiting === 'SUBJECT_FEE_ANSWER';

  const body = html`<h1>${t.statusTitle}</h1>
${steps(t, view.status)}
${statusFacts(lang, view, closed, timeZone)}
${closed ? html`<p class="notice" role="status">${t.closed[view.status as keyof Messages['closed']] ?? view.status}</p>` : ''}
${accessPackage ? packageNotice(lang, accessPackage) : ''}
${!closed ? html`<p>${view.dueAt ? html`${t.dueBy}: <strong>${formatDue(lang, view, timeZone)}</strong>` : t.dueUnknown}</p>` : ''}
${!closed ? awaited(t, view, at, problem, signIn) : ''}
${problem?.field === 'action' ? html`<p class="error" role="alert">${problem.message}</p>` : ''}
${!closed && WITHDRAWABLE_STATUSES.includes(view.status) ? html`<p><a href="${at('/withdraw')}" role="button" class="secondary outline">${t.withdraw}</a></p>` : ''}
<p class="hint">${t.keepLink}</p>`;
  return page(lang, {
    title: t.statusTitle,
    body,
    switchHref: at('', lang === 'en' ? 'zh' : 'en'),
    refreshSeconds: closed || subjectAwaited ? undefined : REFRESH_SECONDS,
  });
}

function steps(t: Messages, status: RequestStatus): Html {
  const current = STEPS.indexOf(STEP_OF[status]);
  const done = status === 'COMPLETED';
  const items = STEPS.map((step, i) => {
    if (done || i < current) return html`<li class="done">${t.steps[step]}</li>`;
    if (i === current && !isClosed(status)) return html`<li aria-current="step">${t.steps[step]} <span class="visually-hidden">${t.currentStep}</span></li>`;
    return html`<li>${t.steps[step]}</li>`;
  });
  return html`<ol class="steps">${items}</ol>`;
}

function awaited(t: Messages, view: StatusView, at: (action: string) => string, problem?: StatusPageProblem, signIn?: { label?: Record<Language, string> }): Html {
  if (view.awaiting === 'SUBJECT_VERIFICATION') {
    const error = problem?.field === 'code' ? problem.message : undefined;
    return html`<p>${t.awaitingCode}</p>
<form method="post" action="${at('/verify')}" novalidate>
<label for="code">${t.code}</label>
<input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}([0-9]{2})?" maxlength="8" required${
      error ? html` aria-invalid="true" aria-describedby="code-error"` : ''
    }${error ? html` autofocus` : ''}>
${error ? html`<p class="error" id="code-error">${error}</p>` : ''}
<p><button type="submit">${t.verify}</button></p>
</form>
<form method="post" action="${at('/resend')}"><button type="submit">${t.resend}</button></form>
${signIn ? html`<p>${t.signInInstead} <a href="${at('/sign-in')}">${signIn.label?.[t.htmlLang === 'en' ? 'en' : 'zh'] ?? t.signInDefault}</a></p>` : ''}`;
  }
  if (view.awaiting === 'SUBJECT_FEE_ANSWER' && view.fee) {
    const fee = `${view.fee.amount} ${view.fee.currency}`;
    return html`<p>${t.awaitingFee(fee)}</p>
<form method="post" action="${at('/fee')}">
<button type="submit" name="accept" value="yes">${t.acceptFee}</button>
<button type="submit" name="accept" value="no">${t.declineFee}</button>
</form>`;
  }
  return html`<p class="notice" role="status">${view.awaiting ? t.awaitingStaff : t.awaitingNothing}</p>`;
}

/** The due date as a calendar day in the establishment's time zone, where the law counts it. */
function formatDue(lang: Language, view: StatusView, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'long', timeZone }).format(new Date(view.dueAt!));
}
