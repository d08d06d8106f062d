// Which language a console answer speaks. Signed in: the staff account's (StaffAccount.language).
// Before signing in (the sign-in pages, a refused sign-in, a spent password link) no account is
// known, so the browser's last signed-in language is remembered in a cookie of its own: it holds
// "en" or "zh" and nothing else, so a person who signed out reads the sign-in page as they left it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../app-error';
import { cookieValue } from '../../staff/session';
import { signedInLanguage } from './console-gate';
import { CONSOLE_PATH } from './console-session';
import { consoleText, type ConsoleLanguage } from './console-text';

export const LANGUAGE_COOKIE = 'dsr_console_lang';
const A_YEAR_SECONDS = 365 * 24 * 3600;

const cookieLanguage = (request: FastifyRequest): ConsoleLanguage | undefined => {
  const value = cookieValue(request.headers.cookie, LANGUAGE_COOKIE);
  return value === 'zh' || value === 'en' ? value : undefined;
};

/** The language of this answer: the signed-in account's, else the remembered one, else English. */
export const consoleLanguageOf = (request: FastifyRequest, known?: ConsoleLanguage): ConsoleLanguage =>
  known ?? signedInLanguage(request) ?? cookieLanguage(request) ?? 'en';

/** onSend: remembers the signed-in person's language in the browser when it is not remembered yet. */
export const rememberLanguage = (secure: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
  const lang = signedInLanguage(request);
  if (!lang || cookieLanguage(request) === lang) return;
  reply.header('Set-Cookie', [`${LANGUAGE_COOKIE}=${lang}`, 'HttpOnly', 'SameSite=Lax', `Path=${CONSOLE_PATH}`, `Max-Age=${A_YEAR_SECONDS}`, ...(secure ? ['Secure'] : [])].join('; '));
};

/** What a refusal says to staff in their language. English keeps the use case's own, more detailed
 *  sentence; another language says it by the refusal's code, more precisely on the form it came
 *  from (`form` is the form's kind: "approve", "skip", …). */
export function refusalText(lang: ConsoleLanguage, err: AppError, form?: string): string {
  if (lang === 'en') return err.message;
  const e = consoleText(lang).messages.errors;
  return (form ? e.onForm[`${form}:${err.code}`] : undefined) ?? e.codes[err.code] ?? e.titles[err.status] ?? e.otherTitle;
}
