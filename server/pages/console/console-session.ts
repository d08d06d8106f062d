// The console's session: the staff API's session (same table, same lockout), carried in a
// cookie scoped to /console, and a CSRF token for page forms derived from the session's own.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SESSION_COOKIE, SESSION_LIFETIME_MS, type StaffPrincipal } from '../../staff/session';

export const CONSOLE_PATH = '/console';
/** The hidden form field that carries the CSRF token (the API takes it as X-CSRF-Token). */
export const CSRF_FIELD = '_csrf';

/** The Set-Cookie value for the console; HttpOnly, SameSite=Strict, Secure when served over https. */
export function consoleCookie(token: string, secure: boolean, maxAgeSeconds = SESSION_LIFETIME_MS / 1000): string {
  return [`${SESSION_COOKIE}=${token}`, 'HttpOnly', 'SameSite=Strict', `Path=${CONSOLE_PATH}`, `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])].join('; ');
}

/** Pages only ever see the session's CSRF hash, so the form token is an HMAC of it under a server key:
 *  forging one takes both the database row and the server's pepper. */
export function formCsrfToken(pepper: string, principal: Pick<StaffPrincipal, 'csrfTokenHash'>): string {
  const key = createHmac('sha256', pepper).update('dsr-console-csrf').digest();
  return createHmac('sha256', key).update(principal.csrfTokenHash).digest('base64url');
}

/** Whether the posted form token is the session's; compared in constant time. */
export function formCsrfMatches(pepper: string, principal: Pick<StaffPrincipal, 'csrfTokenHash'>, presented: unknown): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  const expected = Buffer.from(formCsrfToken(pepper, principal));
  const actual = Buffer.from(presented);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
