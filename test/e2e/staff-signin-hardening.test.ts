// Staff sign-in under attack: a burst of wrong passwords is counted in full and never answered
// differently from a wrong password; staff change their own password; idle sessions end.
import { randomUUID } from 'node:crypto';
import { SESSION_IDLE_MS } from '../../server/staff/session';
import { createStaffAccount } from '../../server/use-cases/staff-accounts';
import { api } from '../support/http';
import { createStaffAndLogIn, staffApi, startStack, type Stack } from '../support/stack';

let now = Date.now();
let stack: Stack;
beforeAll(async () => {
  // An injected clock the tests move forward; the server's sessions are judged by it.
  stack = await startStack({ clock: () => new Date(now) });
});
afterAll(async () => stack?.close());

const signIn = (username: string, password: string) => api(stack.baseUrl, 'POST', '/api/staff/session', { username, password });

describe('staff sign-in hardening', () => {
  test('when 7 wrong passwords and the right one come in a burst, then no answer differs from a wrong password but a success, and afterwards the right one is throttled', async () => {
    const username = `burst-${randomUUID().slice(0, 8)}`;
    const password = `pw-${randomUUID()}`;
    await createStaffAccount(stack.db, { username, displayName: 'Burst', role: 'agent', password });
    const answers = await Promise.all([...Array.from({ length: 7 }, (_, i) => signIn(username, `wrong-${i}`)), signIn(username, password)]);
    const failures = answers.filter((a) => a.status !== 200);
    expect(failures.length).toBeGreaterThanOrEqual(7);
    for (const a of failures) expect(a).toEqual({ status: 401, body: { error: 'SIGN_IN_FAILED', message: 'The username or password is not correct.' } });
    // Every attempt was counted, so the account is throttled now, however the burst was ordered.
    for (let i = 0; i < 2; i++) expect(await signIn(username, password)).toEqual({ status: 401, body: failures[0]!.body });
  });

  test('when staff change their own password with the current one, then only the new one signs in', async () => {
    const login = await createStaffAndLogIn(stack, 'agent');
    const newPassword = `new-${randomUUID()}`;
    expect((await staffApi(stack.baseUrl, 'POST', '/api/staff/password', login, { currentPassword: 'wrong-current', newPassword })).status).toBe(403);
    expect((await staffApi(stack.baseUrl, 'POST', '/api/staff/password', login, { currentPassword: login.password, newPassword })).status).toBe(204);
    expect((await signIn(login.username, login.password)).status).toBe(401);
    expect((await signIn(login.username, newPassword)).status).toBe(200);
    // The session that changed it goes on.
    expect((await staffApi(stack.baseUrl, 'GET', '/api/staff/me', login)).status).toBe(200);
  });

  test('when a session is idle past the timeout, then it ends; used within it, it goes on', async () => {
    const login = await createStaffAndLogIn(stack, 'agent');
    now += SESSION_IDLE_MS - 60_000;
    expect((await staffApi(stack.baseUrl, 'GET', '/api/staff/me', login)).status).toBe(200);
    now += SESSION_IDLE_MS - 60_000;
    expect((await staffApi(stack.baseUrl, 'GET', '/api/staff/me', login)).status).toBe(200);
    now += SESSION_IDLE_MS + 1000;
    expect((await staffApi(stack.baseUrl, 'GET', '/api/staff/me', login)).status).toBe(401);
  });
});
