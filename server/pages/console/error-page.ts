// The console's error page: what went wrong, in plain words, and the way back.
import { html } from '../../../markup/html';
import { consolePage, type ConsoleViewer } from './console-layout';

const TITLES: Readonly<Record<number, string>> = {
  400: 'This could not be read',
  403: 'Not allowed',
  404: 'Not found',
  413: 'Too large',
  429: 'Too many attempts',
  500: 'Something went wrong',
};

/** An error page for a status and a message; nothing was changed when it is shown. */
export function errorPage(status: number, message: string, viewer?: ConsoleViewer): string {
  const title = TITLES[status] ?? (status >= 500 ? TITLES[500]! : 'This cannot be done');
  const body = html`<h1>${title}</h1><p class="error" role="alert">${message}</p><p><a href="/console">Back to the console</a></p>`;
  return consolePage({ title, body, viewer });
}
