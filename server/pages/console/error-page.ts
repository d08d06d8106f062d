// The console's error page: what went wrong, in plain words and the staff member's language,
// and the way back.
import { html } from '../../../markup/html';
import { consolePage, type ConsoleViewer } from './console-layout';
import { consoleText, type ConsoleLanguage } from './console-text';

/** An error page for a status and a message; nothing was changed when it is shown. */
export function errorPage(lang: ConsoleLanguage, status: number, message: string, viewer?: ConsoleViewer): string {
  const e = consoleText(lang).messages.errors;
  const title = e.titles[status] ?? (status >= 500 ? e.titles[500]! : e.otherTitle);
  const body = html`<h1>${title}</h1><p class="error" role="alert">${message}</p><p><a href="/console">${e.back}</a></p>`;
  return consolePage({ title, body, viewer, lang });
}
