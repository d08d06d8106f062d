// Withdrawal asks before it acts: the status page's button opens this page, and only its
// form (with confirm=yes) withdraws. A withdrawal cannot be undone, so one click is too few.
import type { Language } from '../../domain/request-kinds';
import { html } from '../../markup/html';
import { page, withLang } from './layout';

const WORDS = {
  en: {
    title: 'Withdraw your request?',
    ask: 'If you withdraw the request, we stop working on it and nothing more is done with it. This cannot be undone: you would have to send a new request.',
    confirm: 'Yes, withdraw my request',
    keep: 'No, keep my request',
  },
  zh: {
    title: '要撤回您的请求吗？',
    ask: '撤回后，我们将停止办理该请求，不再对其采取任何行动。此操作无法撤销：如需办理，您需要重新提出请求。',
    confirm: '是的，撤回我的请求',
    keep: '不，保留我的请求',
  },
} as const;

/** The question, with the confirming form and the way back. */
export function withdrawConfirmPage(lang: Language, link: { id: string; token: string }): string {
  const w = WORDS[lang];
  const at = (path: string, language: Language = lang) => withLang(`/portal/requests/${link.id}${path}`, { token: link.token }, language);
  const body = html`<h1>${w.title}</h1><p>${w.ask}</p>
<form method="post" action="${at('/withdraw')}"><input type="hidden" name="confirm" value="yes"><button type="submit">${w.confirm}</button></form>
<p><a href="${at('')}" role="button" class="secondary">${w.keep}</a></p>`;
  return page(lang, { title: w.title, body, switchHref: at('/withdraw', lang === 'en' ? 'zh' : 'en') });
}
