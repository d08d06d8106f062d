// The pages behind the "this was not me" link of a code mail. Opening the link only asks:
// mail scanners and link previews fetch links, and must not withdraw anyone's request.
import type { Language } from '../../domain/request-kinds';
import { html } from '../../markup/html';
import { page, withLang } from './layout';

const WORDS = {
  en: {
    title: 'Did you not make this request?',
    ask: 'Someone asked us, in your e-mail address’s name, about the personal information we hold. If it was not you, withdraw the request: nothing will be done with it.',
    button: 'This was not me: withdraw the request',
    doneTitle: 'The request is withdrawn',
    done: 'Thank you. The request was withdrawn and nothing will be done with it.',
  },
  zh: {
    title: '这不是您提出的请求吗？',
    ask: '有人以您的电子邮件地址向我们提出了关于个人信息的请求。如果不是您本人，请撤回该请求：我们不会据此采取任何行动。',
    button: '这不是我：撤回该请求',
    doneTitle: '请求已撤回',
    done: '谢谢。该请求已撤回，我们不会据此采取任何行动。',
  },
} as const;

/** Asks for the confirmation, with a form that posts back to the same signed link. */
export function notMePage(lang: Language, link: { id: string; token: string }): string {
  const w = WORDS[lang];
  const action = withLang(`/portal/requests/${link.id}/not-me`, { token: link.token }, lang);
  const body = html`<h1>${w.title}</h1><p>${w.ask}</p><form method="post" action="${action}"><button type="submit">${w.button}</button></form>`;
  return page(lang, { title: w.title, body, switchHref: withLang(`/portal/requests/${link.id}/not-me`, { token: link.token }, lang === 'en' ? 'zh' : 'en') });
}

/** Confirms the withdrawal. */
export function notMeDonePage(lang: Language): string {
  const w = WORDS[lang];
  return page(lang, { title: w.doneTitle, body: html`<h1>${w.doneTitle}</h1><p>${w.done}</p>`, switchHref: withLang('/portal', {}, lang === 'en' ? 'zh' : 'en') });
}
