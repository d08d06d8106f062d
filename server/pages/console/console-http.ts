// What every console route shares: the security headers (the portal's), HTML replies, form
// fields, the viewer for the page frame, and the flash message after a redirect.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FormFields } from '../form-input';
import type { ConsoleViewer } from './console-layout';
import { consoleStaffOf } from './console-gate';
import { consoleLanguageOf } from './console-language';
import { consoleText } from './console-text';
import { formCsrfToken } from './console-session';

export const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; style-src 'self' 'unsafe-inline'",
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
};

export const sendHtml = (reply: FastifyReply, status: number, markup: string) => reply.status(status).type('text/html; charset=utf-8').send(markup);

/** Only string fields count: anything else posted here is read as an empty form. */
export const fieldsOf = (body: unknown): FormFields =>
  body && typeof body === 'object' ? Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) : {};

/** The signed-in member of staff as the page frame shows them, with the form token for their session. */
export function viewerOf(request: FastifyRequest, pepper: string): ConsoleViewer {
  const principal = consoleStaffOf(request);
  return { staffId: principal.staffId, displayName: principal.displayName, role: principal.role, lang: principal.language, csrfToken: formCsrfToken(pepper, principal) };
}

/** The flash message for the request's `?done=`, if it names one, in the answer's language
 *  (the words are in console-messages-*.ts: the URL never carries free text). */
export const flashOf = (request: FastifyRequest): string | undefined => {
  const code = (request.query as { done?: string }).done ?? '';
  return consoleText(consoleLanguageOf(request)).messages.flash[code];
};

/** A note between 3 and 2000 characters (the API's limits), trimmed; undefined when it is not. */
export function noteIn(fields: FormFields, name: string, min = 3, max = 2000): string | undefined {
  const value = (fields[name] ?? '').trim();
  return value.length >= min && value.length <= max ? value : undefined;
}
