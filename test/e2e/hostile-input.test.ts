// Hostile input on the real stack (Temporal, PostgreSQL, SMTP): wrong types, huge bodies,
// script tags and SQL fragments are refused with a 4xx and a message, never a 5xx, and
// nothing half-done is left behind: no request row, no subject, no audit event, no mail.
// Cases that `npm run fuzz` (schemathesis) once answered with a 5xx are kept here too.
import { randomUUID } from 'node:crypto';
import { request } from '../support/http';
import { createStaffAndLogIn, startStack, type Stack, type StaffLogin } from '../support/stack';

let stack: Stack;
let compliance: StaffLogin;
beforeAll(async () => {
  stack = await startStack();
  compliance = await createStaffAndLogIn(stack, 'compliance');
});
afterAll(async () => stack?.close());

const SCRIPT = '<script>alert(1)</script>';
const SQL = "x' OR '1'='1'; DROP TABLE \"DsrRequest\"; --";

/** What a refused call must not have changed. */
async function footprint() {
  const [requests, subjects, audits] = await Promise.all([stack.db.dsrRequest.count(), stack.db.dataSubject.count(), stack.db.auditEvent.count()]);
  return { requests, subjects, audits, mails: stack.mail.messages().length };
}

async function send(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return request(stack.baseUrl + path, method, { headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers }, body });
}

/** Each call is refused with a 4xx and an error body, and the database and the mailbox are as before. */
async function expectRefusedWithoutTrace(calls: Array<() => Promise<{ status: number; body: any }>>) {
  const before = await footprint();
  const answers = [];
  for (const [i, call] of calls.entries()) {
    const res = await call();
    answers.push({ call: i, status: res.status, error: res.body.error, message: typeof res.body.message });
  }
  // Listed whole, so that a failure names every call that was not refused properly.
  expect(answers.filter((a) => a.status < 400 || a.status >= 500 || !a.error || a.message !== 'string')).toEqual([]);
  // A request that slipped through would have mailed its code by now or soon: give it the time.
  await new Promise((r) => setTimeout(r, 1000));
  expect(await footprint()).toEqual(before);
}

describe('hostile input to the public API', () => {
  test('when fields have the wrong types, then each submission is a 400 and nothing is stored', async () => {
    const bodies: unknown[] = [
      { email: 42, type: 'ACCESS' },
      // (A one-element array would be taken as its element: Fastify's Ajv coerces with coerceTypes 'array'.)
      { email: ['a@example.org', 'b@example.org'], type: 'ACCESS' },
      { email: 'a@example.org', type: 7 },
      { email: 'a@example.org', type: 'ACCESS', corrections: ['phone'] },
      { email: 'a@example.org', type: 'ACCESS', corrections: { phone: 12 } },
      { email: 'a@example.org', type: 'ACCESS', language: { en: true } },
      { email: null, type: null },
      [],
      'ACCESS',
      null,
    ];
    await expectRefusedWithoutTrace(bodies.map((b) => () => send('POST', '/api/requests', JSON.stringify(b))));
    const res = await send('POST', '/api/requests', JSON.stringify({ email: 42, type: 'ACCESS' }));
    expect(res.body.error).toBe('INVALID_INPUT');
  });

  test('when a body is huge, malformed or of another media type, then it is refused before anything starts', async () => {
    const huge = JSON.stringify({ email: 'a@example.org', type: 'ACCESS', corrections: { phone: 'x'.repeat(200_000) } });
    await expectRefusedWithoutTrace([
      () => send('POST', '/api/requests', huge),
      () => send('POST', '/api/requests', '{"email": "a@example.org", "type": "ACC'),
      () => send('POST', '/api/requests', '{"email":"a@example.org","type":"ACCESS","__proto__":{"admin":true}}'),
      () => send('POST', '/api/requests', 'email=a@example.org&type=ACCESS', { 'content-type': 'text/plain' }),
    ]);
    expect((await send('POST', '/api/requests', huge)).status).toBe(413);
  });

  test('when fields carry script tags or SQL, then they are refused as input and the tables are intact', async () => {
    await expectRefusedWithoutTrace([
      () => send('POST', '/api/requests', JSON.stringify({ email: `${SCRIPT}@example.org`, type: 'ACCESS' })),
      () => send('POST', '/api/requests', JSON.stringify({ email: `${SQL}@example.org`, type: 'ACCESS' })),
      () => send('POST', '/api/requests', JSON.stringify({ email: 'a@example.org', type: SQL })),
      () => send('POST', '/api/requests', JSON.stringify({ email: 'a@example.org', type: 'ACCESS', regime: SCRIPT })),
      () => send('POST', '/api/requests', JSON.stringify({ email: 'a@example.org', type: 'CORRECTION', corrections: { [SQL]: 'x' } })),
      () => send('GET', `/api/requests/${encodeURIComponent(SQL)}?token=${encodeURIComponent(SQL)}`),
      () => send('GET', `/api/requests/${randomUUID()}?token=${encodeURIComponent(SCRIPT)}`),
      () => send('POST', `/api/requests/${randomUUID()}/verification`, JSON.stringify({ code: SQL }), { 'x-status-token': SQL }),
      () => send('POST', '/api/staff/session', JSON.stringify({ username: SQL, password: SQL })),
    ]);
    // The table the fragment names is still there and still answers.
    await expect(stack.db.dsrRequest.count()).resolves.toEqual(expect.any(Number));
  });
});

describe('hostile input to the portal and the staff console', () => {
  test('when the portal form carries a script tag, then the form comes back with the value escaped and no request is made', async () => {
    const before = await footprint();
    const form = new URLSearchParams({ type: 'ACCESS', residence: 'CN', email: `${SCRIPT}@example.org` }).toString();
    const res = await fetch(`${stack.baseUrl}/portal/requests?lang=en`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    const page = await res.text();
    expect(res.status).toBe(422);
    expect(page).not.toContain(SCRIPT);
    expect(page).toContain('&lt;script&gt;');
    expect(await footprint()).toEqual(before);
  });

  test('when a member of staff sends wrong types, script tags or SQL, then each call is a 4xx and nothing is stored', async () => {
    const staff = { cookie: compliance.cookie, 'x-csrf-token': compliance.csrfToken };
    const opened = (body: unknown) => () => send('POST', '/api/staff/requests', JSON.stringify(body), staff);
    await expectRefusedWithoutTrace([
      opened({ email: 'a@example.org', type: 'ACCESS', channel: 'PHONE', evidenceNote: 42 }),
      opened({ email: 'a@example.org', type: 'ACCESS', channel: SQL, evidenceNote: 'checked' }),
      opened({ email: `${SCRIPT}@example.org`, type: 'ACCESS', channel: 'PHONE', evidenceNote: 'checked' }),
      opened({ email: 'a@example.org', type: 'ACCESS', channel: 'PHONE', evidenceNote: 'x'.repeat(100_000) }),
      () => send('POST', `/api/staff/requests/${randomUUID()}/decide`, JSON.stringify({ proceed: SQL }), staff),
      () => send('POST', `/api/staff/requests/${encodeURIComponent(SQL)}/extend`, JSON.stringify({ reason: SCRIPT }), staff),
      () => send('POST', `/api/staff/requests/${randomUUID()}/stores/${encodeURIComponent(SQL)}/retry`, undefined, staff),
      () => send('GET', `/api/staff/reports/summary?from=${encodeURIComponent(SQL)}&to=2026-12-31`, undefined, staff),
      () => send('GET', `/api/staff/reports/summary?from=2026-01-01&to=2026-12-31&regime=${encodeURIComponent(SCRIPT)}`, undefined, staff),
    ]);
  });
});

describe('the NUL character, which PostgreSQL cannot store (found by npm run fuzz)', () => {
  test('when any text holds U+0000, then the call is a 400 before anything is stored or started', async () => {
    const staff = { cookie: compliance.cookie, 'x-csrf-token': compliance.csrfToken };
    const nul = 'held\u0000back';
    await expectRefusedWithoutTrace([
      // The fuzzer's case: a legal hold whose reason held a NUL answered 500.
      () => send('POST', '/api/staff/holds', JSON.stringify({ requestId: randomUUID(), basis: 'COURT_ORDER', reason: nul, authority: 'Court', reference: nul }), staff),
      () => send('POST', '/api/staff/requests', JSON.stringify({ email: 'a@example.org', type: 'ACCESS', channel: 'PHONE', evidenceNote: nul }), staff),
      () => send('POST', '/api/requests', JSON.stringify({ email: 'a@example.org', type: 'CORRECTION', corrections: { phone: nul } })),
      () => send('POST', '/api/requests', JSON.stringify({ email: 'a@example.org', type: 'ACCESS', [nul]: 'x' })),
      () => send('GET', `/api/staff/reports/summary?from=2026-01-01&to=2026-12-31&regime=EU%00`, undefined, staff),
    ]);
    const res = await send('POST', '/api/staff/requests', JSON.stringify({ email: 'a@example.org', type: 'ACCESS', channel: 'PHONE', evidenceNote: nul }), staff);
    expect(res.body.error).toBe('INVALID_INPUT');
  });
});
