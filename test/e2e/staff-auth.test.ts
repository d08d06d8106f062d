// Signing in to the staff console, on the real server and database: the cookie, the
// generic refusal, the lockout, the stored hash, sign-out and the CSRF check.
import { randomUUID } from 'node:crypto';
import { createStaffAccount } from '../../server/use-cases/staff-accounts';
import { createStaffAndLogIn, startStack, type Stack, type StaffLogin } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

/** One call to the staff API, as the given session (if any), with its CSRF token unless told otherwise. */
async function call(method: string, path: string, opts: { as?: StaffLogin; body?: unknown; csrf?: string | null } = {}) {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.as) headers.cookie = opts.as.cookie;
  const csrf = opts.csrf === undefined ? opts.as?.csrfToken : opts.csrf;
  if (csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(stack.baseUrl + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

async function newAccount(role: 'agent' | 'compliance' | 'admin' = 'agent') {
  const username = `staff-${randomUUID().slice(0, 8)}`;
  const password = `correct horse ${randomUUID()}`;
  const account = await createStaffAccount(stack.db, { username, displayName: 'Wang Fang', role, password });
  return { ...account, password };
}

const signIn = (username: string, password: string) => call('POST', '/api/staff/session', { body: { username, password } });

describe('staff sign-in', () => {
  test('when the password is right, then a session cookie is set with strict flags and /me names the member of staff', async () => {
    // An agent: compliance and admin give a TOTP code after the password (test/e2e/staff-totp.test.ts).
    const { staffId, username, password } = await newAccount('agent');
    const res = await signIn(username, password);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ staffId, role: 'agent', displayName: 'Wang Fang', csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^dsr_staff=[A-Za-z0-9_-]{43};/);
    expect(cookie.split('; ')).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api/staff', 'Max-Age=28800']));
    // PUBLIC_URL is not https in the test stack.
    expect(cookie).not.toMatch(/Secure/);
    expect(res.headers.get('cache-control')).toBe('no-store');

    const as = { cookie: cookie.split(';')[0]!, csrfToken: res.body.csrfToken } as StaffLogin;
    const me = await call('GET', '/api/staff/me', { as });
    expect(me).toMatchObject({ status: 200, body: { staffId, role: 'agent', displayName: 'Wang Fang' } });
  });

  test('when the password is stored, then it is an scrypt hash with its parameters, never the password, and the session token is not stored', async () => {
    const login = await createStaffAndLogIn(stack, 'agent');
    const row = await stack.db.staffAccount.findUniqueOrThrow({ where: { id: login.staffId } });
    expect(row.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(row.passwordHash).not.toContain(login.password);
    const token = login.cookie.split('=')[1]!;
    const sessions = await stack.db.staffSession.findMany({ where: { staffId: login.staffId } });
    expect(sessions).toHaveLength(1);
    expect(JSON.stringify(sessions)).not.toContain(token);
    expect(JSON.stringify(sessions)).not.toContain(login.csrfToken);
  });

  test('when the password is wrong or the user unknown, then both get the same generic 401', async () => {
    const { username } = await newAccount();
    const wrong = await signIn(username, 'not the password at all');
    const unknown = await signIn(`nobody-${randomUUID()}`, 'not the password at all');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: 'SIGN_IN_FAILED', message: 'The username or password is not correct.' });
    expect({ status: unknown.status, body: unknown.body }).toEqual({ status: 401, body: wrong.body });
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  test('when five wrong passwords are given, then the account is throttled and even the right password gets the same 401 as a wrong one', async () => {
    const { staffId, username, password } = await newAccount();
    const wrong = [];
    for (let i = 0; i < 5; i++) wrong.push(await signIn(username, `wrong-${i}`));
    const right = await signIn(username, password);
    for (const answer of [...wrong, right]) expect({ status: answer.status, body: answer.body }).toEqual({ status: 401, body: wrong[0]!.body });
    const { lockedUntil } = await stack.db.staffAccount.findUniqueOrThrow({ where: { id: staffId } });
    const seconds = (lockedUntil!.getTime() - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(20);
    expect(seconds).toBeLessThanOrEqual(30);

    // Once the back-off has passed, the right password opens a session again.
    await stack.db.staffAccount.update({ where: { id: staffId }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await signIn(username, password)).status).toBe(200);
  });

  test('when the right password follows some wrong ones, then the failure count starts again', async () => {
    const { staffId, username, password } = await newAccount();
    for (let i = 0; i < 3; i++) expect((await signIn(username, `wrong-${i}`)).status).toBe(401);
    expect((await signIn(username, password)).status).toBe(200);
    expect((await stack.db.staffAccount.findUniqueOrThrow({ where: { id: staffId } })).failedLogins).toBe(0);
  });

  test('when signing out without the CSRF token, then it is refused; with it, the session is revoked and the cookie cleared', async () => {
    const login = await createStaffAndLogIn(stack, 'agent');
    const noCsrf = await call('DELETE', '/api/staff/session', { as: login, csrf: null });
    expect(noCsrf).toMatchObject({ status: 403, body: { error: 'CSRF_INVALID' } });
    const wrongCsrf = await call('DELETE', '/api/staff/session', { as: login, csrf: 'x'.repeat(43) });
    expect(wrongCsrf.status).toBe(403);
    expect((await call('GET', '/api/staff/me', { as: login })).status).toBe(200);

    const out = await call('DELETE', '/api/staff/session', { as: login });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^dsr_staff=; .*Max-Age=0/);
    expect((await call('GET', '/api/staff/me', { as: login })).status).toBe(401);
    const [session] = await stack.db.staffSession.findMany({ where: { staffId: login.staffId } });
    expect(session!.revokedAt).not.toBeNull();
  });

  test('when a state-changing staff route is called without the CSRF token, then it answers 403 before doing anything', async () => {
    const login = await createStaffAndLogIn(stack, 'agent');
    const body = { email: `subject-${randomUUID()}@example.org`, type: 'ACCESS', channel: 'PHONE', evidenceNote: 'Checked the ID card.' };
    const res = await call('POST', '/api/staff/requests', { as: login, body, csrf: null });
    expect(res).toMatchObject({ status: 403, body: { error: 'CSRF_INVALID', message: expect.stringMatching(/X-CSRF-Token/) } });
  });

  test('when the session has expired or there is none, then staff routes answer 401', async () => {
    const login = await createStaffAndLogIn(stack, 'agent');
    await stack.db.staffSession.updateMany({ where: { staffId: login.staffId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await call('GET', '/api/staff/me', { as: login })).toMatchObject({ status: 401, body: { error: 'SESSION_REQUIRED' } });
    expect((await call('GET', '/api/staff/me')).status).toBe(401);
    expect((await call('GET', '/api/staff/me', { as: { ...login, cookie: 'dsr_staff=forged' } })).status).toBe(401);
  });
});
