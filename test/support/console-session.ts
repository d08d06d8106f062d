// Signing in to the console pages over HTTP, as a browser would: the form post, the cookie
// it sets, and the CSRF field read from a page.
import { randomUUID } from 'node:crypto';
import type { StaffRole } from '../../server/staff/roles';
import { totpCodeAt } from '../../server/staff/totp';
import { createStaffAccount } from '../../server/use-cases/staff-accounts';

export interface ConsoleLogin {
  staffId: string;
  username: string;
  password: string;
  /** "dsr_staff=<token>", ready for a Cookie header. */
  cookie: string;
  /** The hidden `_csrf` field of the session's forms. */
  csrf: string;
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** GET /console/login as a browser would: the form's pre-session CSRF token and its cookie. */
export async function loginForm(baseUrl: string): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${baseUrl}/console/login`);
  const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1];
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('dsr_login_csrf='))?.split(';')[0];
  if (!token || !cookie) throw new Error('No CSRF token on the console sign-in page.');
  return { token, cookie };
}

/** Creates an account with the given role and signs it in through POST /console/login. */
export async function consoleLogIn(stack: { baseUrl: string; db: Parameters<typeof createStaffAccount>[0]; now?: () => Date }, role: StaffRole): Promise<ConsoleLogin> {
  const username = `staff-${randomUUID().slice(0, 8)}`;
  const password = `pw-${randomUUID()}`;
  const { staffId } = await createStaffAccount(stack.db, { username, displayName: `Test ${role}`, role, password });
  const { token, cookie: loginCookie } = await loginForm(stack.baseUrl);
  let res = await fetch(`${stack.baseUrl}/console/login`, { method: 'POST', headers: { ...FORM, cookie: loginCookie }, body: new URLSearchParams({ username, password, _csrf: token }), redirect: 'manual' });
  if (res.status === 200) res = await giveTotpCode(stack, res);
  if (res.status !== 303) throw new Error(`Console sign-in failed with ${res.status}.`);
  const cookie = res.headers.getSetCookie().find((c) => !c.startsWith('dsr_login_csrf='))!.split(';')[0]!;
  const home = await (await fetch(`${stack.baseUrl}/console`, { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(home)?.[1];
  if (!csrf) throw new Error('No CSRF field on the console home page.');
  return { staffId, username, password, cookie, csrf };
}

/** The code step after the password (compliance and admin): reads the secret the page shows at the
 *  first sign-in and posts its current code with the page's login CSRF token and the pending cookie. */
export async function giveTotpCode(stack: { baseUrl: string; now?: () => Date }, page: Response): Promise<Response> {
  const text = await page.text();
  const secret = /id="totp-secret">([A-Z2-7]+)</.exec(text)?.[1];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
  const cookies = page.headers.getSetCookie().map((c) => c.split(';')[0]!);
  if (!secret || !csrf) throw new Error('No TOTP set-up on the console sign-in code page.');
  const code = await totpCodeAt(secret, stack.now?.() ?? new Date());
  return fetch(`${stack.baseUrl}/console/login/totp`, { method: 'POST', headers: { ...FORM, cookie: cookies.join('; ') }, body: new URLSearchParams({ code, _csrf: csrf }), redirect: 'manual' });
}

/** One console call as `as` (if given): GET, or POST of a form; redirects are not followed. */
export async function consoleCall(baseUrl: string, method: 'GET' | 'POST', path: string, as?: ConsoleLogin, form?: Record<string, string>) {
  const res = await fetch(baseUrl + path, {
    method,
    headers: { ...(as ? { cookie: as.cookie } : {}), ...(method === 'POST' ? FORM : {}) },
    body: method === 'POST' ? new URLSearchParams(form ?? {}) : undefined,
    redirect: 'manual',
  });
  return { status: res.status, location: res.headers.get('location'), headers: res.headers, text: await res.text() };
}
