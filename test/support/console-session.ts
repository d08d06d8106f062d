// Signing in to the console pages over HTTP, as a browser would: the form post, the cookie
// it sets, and the CSRF field read from a page.
import { randomUUID } from 'node:crypto';
import type { StaffRole } from '../../server/staff/roles';
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
export async function consoleLogIn(stack: { baseUrl: string; db: Parameters<typeof createStaffAccount>[0] }, role: StaffRole): Promise<ConsoleLogin> {
  const username = `staff-${randomUUID().slice(0, 8)}`;
  const password = `pw-${randomUUID()}`;
  const { staffId } = await createStaffAccount(stack.db, { username, displayName: `Test ${role}`, role, password });
  const { token, cookie: loginCookie } = await loginForm(stack.baseUrl);
  const res = await fetch(`${stack.baseUrl}/console/login`, { method: 'POST', headers: { ...FORM, cookie: loginCookie }, body: new URLSearchParams({ username, password, _csrf: token }), redirect: 'manual' });
  if (res.status !== 303) throw new Error(`Console sign-in failed with ${res.status}.`);
  const cookie = res.headers.getSetCookie().find((c) => !c.startsWith('dsr_login_csrf='))!.split(';')[0]!;
  const home = await (await fetch(`${stack.baseUrl}/console`, { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(home)?.[1];
  if (!csrf) throw new Error('No CSRF field on the console home page.');
  return { staffId, username, password, cookie, csrf };
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
