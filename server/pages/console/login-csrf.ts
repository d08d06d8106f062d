// Login CSRF: before anyone is signed in there is no session to derive a form token from, so a
// hostile site could post its own username and password to /console/login and have the victim's
// browser work in the attacker's console. The form carries a random token that is also set as a
// cookie scoped to the login path (double submit): another site can make the browser post but
// cannot read the cookie or the page, and SameSite=Strict keeps the cookie off its posts anyway.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { cookieValue } from '../../staff/session';

export const LOGIN_CSRF_COOKIE = 'dsr_login_csrf';
const LOGIN_PATH = '/console/login';
// Long enough to type a password after a coffee; a stale form is refused and shown again.
const LOGIN_CSRF_MAX_AGE_SECONDS = 60 * 60;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh pre-session token and its Set-Cookie value. */
export function newLoginCsrf(secure: boolean): { token: string; cookie: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, cookie: loginCsrfCookie(token, secure, LOGIN_CSRF_MAX_AGE_SECONDS) };
}

/** The cookie that ends the token once the sign-in succeeded. */
export const clearLoginCsrf = (secure: boolean): string => loginCsrfCookie('', secure, 0);

function loginCsrfCookie(token: string, secure: boolean, maxAgeSeconds: number): string {
  return [`${LOGIN_CSRF_COOKIE}=${token}`, 'HttpOnly', 'SameSite=Strict', `Path=${LOGIN_PATH}`, `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])].join('; ');
}

/** True when the posted field equals the cookie, both well-formed. */
export function loginCsrfMatches(cookieHeader: string | undefined, presented: unknown): boolean {
  const fromCookie = cookieValue(cookieHeader, LOGIN_CSRF_COOKIE);
  if (!fromCookie || typeof presented !== 'string' || !TOKEN.test(fromCookie) || !TOKEN.test(presented)) return false;
  return timingSafeEqual(Buffer.from(fromCookie), Buffer.from(presented));
}
