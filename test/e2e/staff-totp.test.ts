// The TOTP second factor: compliance and admin staff are not signed in by a password alone; they
// set up an authenticator at their first sign-in and give its code, once per code, throttled like
// passwords. Agents sign in with their password as before.
import { randomUUID } from 'node:crypto';
import { totpCodeAt } from '../../server/staff/totp';
import { createStaffAccount } from '../../server/use-cases/staff-accounts';
import { consoleLogIn, loginForm } from '../support/console-session';
import { createStaffAndLogIn, staffApi, startStack, type Stack } from '../support/stack';

let now = Date.now();
let stack: Stack;
beforeAll(async () => {
  // The server judges codes by this clock, so the tests can step to the next 30-second window.
  stack = await startStack({ clock: () => new Date(now) });
});
afterAll(async () => stack?.close());

const JSON_HEADERS = { 'content-type': 'application/json' };

async function passwordStep(username: string, password: string) {
  const res = await fetch(`${stack.baseUrl}/api/staff/session`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ username, password }) });
  const body = (await res.json()) as Record<string, unknown> & { csrfToken: string; setup?: { secret: string; otpauthUri: string } };
  return { status: res.status, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken: body.csrfToken, body };
}

async function codeStep(pending: { cookie: string; csrfToken: string }, code: string, csrf: string | null = pending.csrfToken) {
  const res = await fetch(`${stack.baseUrl}/api/staff/session/totp`, {
    method: 'POST',
    headers: { ...JSON_HEADERS, cookie: pending.cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    body: JSON.stringify({ code }),
  });
  return { status: res.status, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, body: (await res.json()) as Record<string, unknown> & { csrfToken?: string } };
}

const me = async (cookie: string) => (await fetch(`${stack.baseUrl}/api/staff/me`, { headers: { cookie } })).status;

async function newAccount(role: 'agent' | 'compliance' | 'admin') {
  const username = `totp-${randomUUID().slice(0, 8)}`;
  const password = `pw-${randomUUID()}`;
  const { staffId } = await createStaffAccount(stack.db, { username, displayName: `Totp ${role}`, role, password });
  return { staffId, username, password };
}

/** A code of the secret that is wrong now (a digit changed). */
const wrongCodeOf = async (secret: string) => {
  const right = await totpCodeAt(secret, new Date(now));
  return `${(Number(right[0]) + 1) % 10}${right.slice(1)}`;
};

describe('TOTP second factor for compliance and admin', () => {
  test('when a compliance officer gives the password only, or a wrong code, then nothing opens; with the right code they are in; an agent needs none', async () => {
    const officer = await newAccount('compliance');
    const first = await passwordStep(officer.username, officer.password);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ secondFactor: 'TOTP', setup: { secret: expect.stringMatching(/^[A-Z2-7]{16,}$/), otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\//) } });
    expect(first.body).not.toHaveProperty('role');
    const secret = first.body.setup!.secret;

    // Without a code: the pending session opens no staff route.
    expect(await me(first.cookie)).toBe(401);
    // The secret is kept sealed by the keyring, never in clear.
    const stored = await stack.db.staffAccount.findUniqueOrThrow({ where: { id: officer.staffId } });
    expect(stored.totpSecret).not.toContain(secret);
    expect(stored.totpConfirmedAt).toBeNull();

    // Without the pending session's CSRF token: refused before the code is looked at.
    expect((await codeStep(first, await totpCodeAt(secret, new Date(now)), null)).status).toBe(403);
    const wrong = await codeStep(first, await wrongCodeOf(secret));
    expect({ status: wrong.status, error: wrong.body.error }).toEqual({ status: 401, error: 'CODE_REFUSED' });
    expect(await me(first.cookie)).toBe(401);

    const right = await codeStep(first, await totpCodeAt(secret, new Date(now)));
    expect(right).toMatchObject({ status: 200, body: { staffId: officer.staffId, role: 'compliance', csrfToken: expect.any(String) } });
    expect(await me(right.cookie)).toBe(200);
    // The pending token was replaced, not promoted.
    expect(right.cookie).not.toBe(first.cookie);
    expect(await me(first.cookie)).toBe(401);
    expect((await stack.db.staffAccount.findUniqueOrThrow({ where: { id: officer.staffId } })).totpConfirmedAt).not.toBeNull();

    // An agent signs in with the password alone.
    const agent = await newAccount('agent');
    const agentIn = await passwordStep(agent.username, agent.password);
    expect(agentIn).toMatchObject({ status: 200, body: { role: 'agent' } });
    expect(agentIn.body).not.toHaveProperty('setup');
    expect(await me(agentIn.cookie)).toBe(200);
  });

  test('when an admin signs in again, then no new secret is shown, the code already used is refused, and the next window’s code works', async () => {
    const admin = await newAccount('admin');
    const first = await passwordStep(admin.username, admin.password);
    const secret = first.body.setup!.secret;
    const code = await totpCodeAt(secret, new Date(now));
    expect((await codeStep(first, code)).status).toBe(200);

    const again = await passwordStep(admin.username, admin.password);
    expect(again.status).toBe(202);
    expect(again.body).not.toHaveProperty('setup');
    // Someone who watched the code being typed cannot use it within its window.
    expect((await codeStep(again, code)).status).toBe(401);
    now += 30_000;
    const next = await codeStep(again, await totpCodeAt(secret, new Date(now)));
    expect(next).toMatchObject({ status: 200, body: { role: 'admin' } });
  });

  test('when five wrong codes are given, then the right one is refused too until the wait has passed (throttled like passwords, also across new password steps)', async () => {
    const officer = await newAccount('compliance');
    const first = await passwordStep(officer.username, officer.password);
    const secret = first.body.setup!.secret;
    expect((await codeStep(first, await totpCodeAt(secret, new Date(now)))).status).toBe(200);
    now += 30_000;

    const pending = await passwordStep(officer.username, officer.password);
    for (let i = 0; i < 5; i++) expect((await codeStep(pending, await wrongCodeOf(secret))).status).toBe(401);
    expect((await codeStep(pending, await totpCodeAt(secret, new Date(now)))).status).toBe(401);
    // A new password step is throttled as well: the password does not reset the code count.
    expect((await passwordStep(officer.username, officer.password)).status).toBe(401);

    now += 31_000;
    const later = await passwordStep(officer.username, officer.password);
    expect(later.status).toBe(202);
    expect((await codeStep(later, await totpCodeAt(secret, new Date(now)))).status).toBe(200);
  });

  test('when a compliance officer signs in to the console, then the code page follows the password (with the secret at the first time) and only the right code opens the console', async () => {
    const officer = await newAccount('compliance');
    const { token, cookie } = await loginForm(stack.baseUrl);
    const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
    const page = await fetch(`${stack.baseUrl}/console/login`, { method: 'POST', headers: { ...FORM, cookie }, body: new URLSearchParams({ username: officer.username, password: officer.password, _csrf: token }), redirect: 'manual' });
    expect(page.status).toBe(200);
    const text = await page.text();
    const secret = /id="totp-secret">([A-Z2-7]+)</.exec(text)?.[1];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
    expect(secret && csrf).toBeTruthy();
    const cookies = page.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
    // The pending cookie does not open the console.
    expect((await fetch(`${stack.baseUrl}/console`, { headers: { cookie: cookies }, redirect: 'manual' })).headers.get('location')).toBe('/console/login');

    const post = (code: string, csrfField = csrf!) =>
      fetch(`${stack.baseUrl}/console/login/totp`, { method: 'POST', headers: { ...FORM, cookie: cookies }, body: new URLSearchParams({ code, _csrf: csrfField }), redirect: 'manual' });
    expect((await post(await totpCodeAt(secret!, new Date(now)), 'x'.repeat(43))).status).toBe(403);
    const wrong = await post(await wrongCodeOf(secret!));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('The code is not correct');
    const right = await post(await totpCodeAt(secret!, new Date(now)));
    expect({ status: right.status, location: right.headers.get('location') }).toEqual({ status: 303, location: '/console' });
    const session = right.headers.getSetCookie().find((c) => c.startsWith('dsr_staff='))!.split(';')[0]!;
    expect((await fetch(`${stack.baseUrl}/console`, { headers: { cookie: session }, redirect: 'manual' })).status).toBe(200);
  });

  test('when an officer lost their phone, then an admin resets the second factor: their sessions end and the next sign-in sets up a new secret; the admin page says throttled, not locked', async () => {
    const admin = await createStaffAndLogIn({ ...stack, now: () => new Date(now) }, 'admin');
    const officer = await newAccount('compliance');
    const first = await passwordStep(officer.username, officer.password);
    const signedIn = await codeStep(first, await totpCodeAt(first.body.setup!.secret, new Date(now)));
    expect(await me(signedIn.cookie)).toBe(200);

    const listed = await staffApi(stack.baseUrl, 'GET', '/api/staff/accounts', admin);
    expect(listed.body.accounts.find((a: { staffId: string }) => a.staffId === officer.staffId)).toMatchObject({ secondFactor: true });
    const reset = await staffApi(stack.baseUrl, 'PATCH', `/api/staff/accounts/${officer.staffId}`, admin, { resetSecondFactor: true });
    expect(reset).toMatchObject({ status: 200, body: { secondFactor: false } });
    expect(await me(signedIn.cookie)).toBe(401);
    const again = await passwordStep(officer.username, officer.password);
    expect(again.body.setup?.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(again.body.setup?.secret).not.toBe(first.body.setup!.secret);

    // Wrong passwords throttle; the page says so in those words.
    const agent = await newAccount('agent');
    for (let i = 0; i < 5; i++) expect((await passwordStep(agent.username, `wrong-${i}`)).status).toBe(401);
    const consoleAdmin = await consoleLogIn({ ...stack, now: () => new Date(now) }, 'admin');
    const page = await (await fetch(`${stack.baseUrl}/console/admin/staff`, { headers: { cookie: consoleAdmin.cookie } })).text();
    expect(page).toContain('after wrong passwords, sign-in waits until');
    expect(page).not.toMatch(/\blocked\b/i);
  });
});
