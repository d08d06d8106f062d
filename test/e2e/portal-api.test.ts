// The subject's side of the API behind the secret status link, on the real Temporal
// server, PostgreSQL and SMTP: the token guards every route, and each action reaches the
// workflow, whose validators refuse what the request's state does not allow.
import { randomBytes, randomUUID } from 'node:crypto';
import { createFieldCipher } from '../../crypto/field-cipher';
import { hashIdentity } from '../../crypto/identity-hash';
import { issueStatusToken, STATUS_TOKEN_LIFETIME_DAYS, statusTokenKey } from '../../crypto/status-token';
import { workflowIdFor } from '../../workflows/messages';
import { codeIn, eventually, request } from '../support/http';
import { startStack, type Stack } from '../support/stack';

const DAY_MS = 86_400_000;
// The workflow allows one code a minute; a little slack covers the clocks' difference.
const RESEND_COOLDOWN_MS = 61_000;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, for bodies that JSON.stringify cannot produce. */
  raw?: string;
  contentType?: string;
}

/** One HTTP call; the token, when given, travels in the X-Status-Token header. */
async function call(method: string, path: string, { token, body, raw, contentType = 'application/json' }: CallOptions = {}) {
  const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  const headers: Record<string, string> = {};
  if (token) headers['x-status-token'] = token;
  if (payload !== undefined) headers['content-type'] = contentType;
  return request(stack.baseUrl + path, method, { headers, body: payload });
}

const verificationMails = (email: string) => stack.mail.messages().filter((m) => m.to.includes(email) && /verification code/i.test(m.subject));

/** Submits an access request and waits until it asks for the mailed code. */
async function submit() {
  const email = `subject-${randomUUID()}@example.org`;
  const res = await call('POST', '/api/requests', { body: { email, type: 'ACCESS', language: 'en' } });
  expect(res.status).toBe(202);
  const { requestId, statusToken, statusUrl } = res.body as { requestId: string; statusToken: string; statusUrl: string };
  const firstCode = codeIn((await stack.mail.waitFor((m) => m.to.includes(email) && /verification code/i.test(m.subject))).text);
  await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'AWAITING_VERIFICATION');
  return { email, requestId, token: statusToken, statusUrl, firstCode, submittedAt: Date.now() };
}

const rowOf = (requestId: string) => stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } });

describe('the status link', () => {
  test('when a request is submitted, then its status link opens a status view without personal data', async () => {
    const { email, requestId, token, statusUrl } = await submit();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}\.\d+$/);
    expect(statusUrl).toBe(`/api/requests/${requestId}?token=${token}`);

    const byLink = await call('GET', statusUrl);
    expect(byLink.status).toBe(200);
    expect(byLink.body).toEqual({
      requestId,
      status: 'AWAITING_VERIFICATION',
      type: 'ACCESS',
      regime: expect.any(String),
      receivedAt: expect.any(String),
      dueAt: expect.any(String),
      closedAt: null,
      awaiting: 'SUBJECT_VERIFICATION',
      extensions: 0,
      fee: null,
    });
    expect(byLink.headers.get('cache-control')).toBe('no-store');
    expect(JSON.stringify(byLink.body)).not.toContain(email);

    const byHeader = await call('GET', `/api/requests/${requestId}`, { token });
    expect(byHeader.body).toEqual(byLink.body);
  });

  test('when no token is presented, then every route of the request answers 401', async () => {
    const { requestId } = await submit();
    const routes: Array<[string, string, unknown]> = [
      ['GET', '', undefined],
      ['POST', '/verification', { code: '123456' }],
      ['POST', '/verification/resend', undefined],
      ['POST', '/fee', { accept: true }],
      ['POST', '/withdraw', {}],
    ];
    for (const [method, action, body] of routes) {
      const res = await call(method, `/api/requests/${requestId}${action}`, { body });
      expect([action, res.status, res.body.error]).toEqual([action, 401, 'TOKEN_REQUIRED']);
      expect(res.body.message).toMatch(/token/);
    }
    expect((await rowOf(requestId)).status).toBe('AWAITING_VERIFICATION');
  });

  test('when the token is wrong, then the answer is the same as for a request id that does not exist', async () => {
    const { requestId, token } = await submit();
    const forged = `${randomBytes(32).toString('base64url')}.${token.split('.')[1]}`;
    const wrongToken = await call('GET', `/api/requests/${requestId}`, { token: forged });
    const unknownId = await call('GET', `/api/requests/${randomUUID()}`, { token });
    const garbage = await call('GET', `/api/requests/${randomUUID()}?token=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(wrongToken.status).toBe(403);
    expect(wrongToken.body).toEqual({ error: 'TOKEN_INVALID', message: expect.any(String) });
    for (const other of [unknownId, garbage]) expect({ status: other.status, body: other.body }).toEqual({ status: 403, body: wrongToken.body });
    // A wrong token in the link beside the right one in the header is refused too, not passed over (found by npm run fuzz).
    const both = await call('GET', `/api/requests/${requestId}?token=${encodeURIComponent(forged)}`, { token });
    expect([both.status, (both.body as { error: string }).error]).toEqual([403, 'TOKEN_INVALID']);
    expect((await call('GET', `/api/requests/${requestId}?token=${encodeURIComponent(token)}`, { token })).status).toBe(200);
  });

  test('when the expiry day in the token is altered, then the token is refused', async () => {
    const { requestId, token } = await submit();
    const [mac, day] = token.split('.') as [string, string];
    for (const altered of [`${mac}.${Number(day) + 1000}`, `${mac}.${Number(day) - 1}`, `${mac}.0${day}`]) {
      const res = await call('GET', `/api/requests/${requestId}`, { token: altered });
      expect([altered, res.status, res.body.error]).toEqual([altered, 403, 'TOKEN_INVALID']);
    }
  });

  test('when a genuine token has expired, then it is refused as expired', async () => {
    const { requestId } = await submit();
    const issuedLongAgo = new Date(Date.now() - (STATUS_TOKEN_LIFETIME_DAYS + 1) * DAY_MS);
    const expired = issueStatusToken(statusTokenKey(stack.identityPepper), requestId, issuedLongAgo);
    const res = await call('GET', `/api/requests/${requestId}`, { token: expired });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: 'TOKEN_EXPIRED', message: expect.stringMatching(/expired/) });
  });

  test('when a genuine token names a request that was never started, then the answer is 404', async () => {
    const neverStarted = randomUUID();
    const token = issueStatusToken(statusTokenKey(stack.identityPepper), neverStarted, new Date());
    const res = await call('POST', `/api/requests/${neverStarted}/withdraw`, { token, body: {} });
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('NOT_FOUND');
  });
});

describe('the subject’s actions', () => {
  test('when a new code is asked for, then one a minute is sent and only the newest code verifies', async () => {
    const { email, requestId, token, firstCode, submittedAt } = await submit();
    const path = `/api/requests/${requestId}/verification`;

    const tooSoon = await call('POST', `${path}/resend`, { token });
    expect(tooSoon.status).toBe(429);

    await new Promise((r) => setTimeout(r, Math.max(0, submittedAt + RESEND_COOLDOWN_MS - Date.now())));
    const resent = await call('POST', `${path}/resend`, { token });
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ requestId, status: 'AWAITING_VERIFICATION', awaiting: 'SUBJECT_VERIFICATION' });

    const again = await call('POST', `${path}/resend`, { token });
    expect(again.status).toBe(429);
    expect(again.body).toEqual({ error: 'TOO_MANY_CODES', message: 'Please wait a minute before asking for another code.' });

    const newest = await eventually(async () => verificationMails(email)[1]);
    const newCode = codeIn(newest.text);
    expect(newCode).not.toBe(firstCode);
    expect(await stack.db.verificationChallenge.count({ where: { requestId } })).toBe(2);

    const superseded = await call('POST', path, { token, body: { code: firstCode } });
    expect(superseded.status).toBe(422);
    expect(superseded.body.error).toBe('WRONG_CODE');
    const verified = await call('POST', path, { token, body: { code: newCode } });
    expect(verified.status).toBe(200);
    expect(verified.body.outcome).toBe('VERIFIED');
  });

  test('when the subject withdraws, then the request closes as WITHDRAWN with a mail, and a second withdrawal is refused', async () => {
    const { email, requestId, token } = await submit();
    const res = await call('POST', `/api/requests/${requestId}/withdraw`, { token, body: { reason: 'I no longer need it.' } });
    expect(res.status).toBe(202);
    expect(res.body.requestId).toBe(requestId);

    const row = await eventually(async () => {
      const r = await rowOf(requestId);
      return r.status === 'WITHDRAWN' ? r : null;
    });
    expect(row.closedAt).not.toBeNull();
    await stack.mail.waitFor((m) => m.to.includes(email) && /withdrawn/i.test(m.subject));
    const change = await stack.db.auditEvent.findFirst({ where: { requestId, action: 'STATUS_CHANGED', details: { path: ['to'], equals: 'WITHDRAWN' } } });
    // The subject's own words are an erasable note, not trail text: the trail says "withdrawn" and points to it.
    expect(change).toMatchObject({ actor: 'subject', reason: 'withdrawn' });
    const noteId = (change!.details as { noteId: string }).noteId;
    const note = await stack.db.auditNote.findUniqueOrThrow({ where: { id: noteId } });
    expect(createFieldCipher(stack.keyring).decrypt(note.body!, 'AuditNote.body')).toBe('I no longer need it.');

    const view = await call('GET', `/api/requests/${requestId}`, { token });
    expect(view.body).toMatchObject({ status: 'WITHDRAWN', awaiting: null, closedAt: expect.any(String) });

    // Once the run has finished, Temporal refuses the update itself rather than the validator.
    await stack.client.workflow.getHandle(workflowIdFor(requestId)).result();
    const second = await call('POST', `/api/requests/${requestId}/withdraw`, { token, body: {} });
    expect(second.status).toBe(409);
    expect(second.body).toEqual({ error: 'WRONG_STATE', message: 'This request is already closed.' });
    // A closed request is a conflict, not a reason to wait: no 429 for a code asked too late.
    expect((await call('POST', `/api/requests/${requestId}/verification/resend`, { token })).status).toBe(409);
  });

  test('when no fee is awaited, then a fee answer is refused with 409 and the validator’s reason', async () => {
    const { requestId, token } = await submit();
    const res = await call('POST', `/api/requests/${requestId}/fee`, { token, body: { accept: true } });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: 'WRONG_STATE', message: 'Not possible while the request is AWAITING_VERIFICATION.' });
    expect((await rowOf(requestId)).status).toBe('AWAITING_VERIFICATION');
  });

  test('when bodies are malformed or hostile, then the answer is a 4xx with a message and nothing changes', async () => {
    const { requestId, token } = await submit();
    const at = `/api/requests/${requestId}`;
    const huge = JSON.stringify({ reason: 'x'.repeat(100 * 1024) });
    const cases: Array<[string, string, CallOptions, number]> = [
      ['POST', `${at}/verification`, { token, body: { code: 12 } }, 400],
      ['POST', `${at}/verification`, { token, body: { code: '<script>alert(1)</script>' } }, 400],
      ['POST', `${at}/verification`, { token, body: { code: "1' OR '1'='1" } }, 400],
      ['POST', `${at}/verification`, { token, body: { code: '123456', isAdmin: true } }, 400],
      ['POST', `${at}/verification`, { token, raw: '{"code":"123456","__proto__":{"polluted":true}}' }, 400],
      ['POST', `${at}/verification`, { token, raw: '{"code":' }, 400],
      ['POST', `${at}/verification`, { token, raw: 'code=123456', contentType: 'application/x-www-form-urlencoded' }, 415],
      ['POST', `${at}/fee`, { token, body: { accept: 'yes' } }, 400],
      ['POST', `${at}/fee`, { token, body: { accept: 'true; DROP TABLE "DsrRequest";--' } }, 400],
      ['POST', `${at}/fee`, { token, raw: 'null' }, 400],
      ['POST', `${at}/withdraw`, { token, body: { reason: 'x'.repeat(501) } }, 400],
      ['POST', `${at}/withdraw`, { token, body: { reason: '<script>', actor: 'staff:admin' } }, 400],
      ['POST', `${at}/withdraw`, { token, raw: '"withdraw"' }, 400],
      ['POST', `${at}/withdraw`, { token, raw: huge }, 413],
      ['POST', `${at}/verification/resend`, { token, raw: huge }, 413],
      ['GET', `/api/requests/${encodeURIComponent("1' OR 1=1;--")}`, { token }, 403],
      ['POST', '/api/requests', { body: { email: '<script>alert(1)</script>@example.org', type: 'ACCESS' } }, 400],
      ['POST', '/api/requests', { body: { email: "a@b.example'; DROP TABLE \"DsrRequest\";--", type: 'ACCESS' } }, 400],
      ['POST', '/api/requests', { raw: huge }, 413],
    ];
    for (const [method, path, options, expected] of cases) {
      const res = await call(method, path, options);
      const label = `${method} ${path} ${(options.raw ?? JSON.stringify(options.body) ?? '').slice(0, 60)}`;
      expect([label, res.status]).toEqual([label, expected]);
      expect([label, typeof res.body.message]).toEqual([label, 'string']);
    }
    expect((await rowOf(requestId)).status).toBe('AWAITING_VERIFICATION');
    const challenges = await stack.db.verificationChallenge.findMany({ where: { requestId } });
    expect(challenges.map((c) => c.attempts)).toEqual([0]);
    // The code is kept only as an HMAC under a key derived from the pepper, which the database does not hold.
    expect(challenges.map((c) => c.codeHash.startsWith('k1:'))).toEqual([true]);
  });
});

describe('naming a recipient for a portability request', () => {
  const subjectCount = (email: string) => stack.db.dataSubject.count({ where: { emailHash: hashIdentity(stack.identityPepper, email) } });

  test('when the recipient is not one the controller registered, then the answer is 400 saying so and nothing is created', async () => {
    const email = `pt-${randomUUID()}@example.org`;
    const res = await call('POST', '/api/requests', { body: { email, type: 'PORTABILITY', language: 'en', recipient: 'no-such-provider' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'INVALID_INPUT',
      message: 'This request names recipient "no-such-provider", which the controller has not registered for portability; registered recipients: "lianhe-cloud".',
    });
    // Only a portability request may name one.
    const access = await call('POST', '/api/requests', { body: { email, type: 'ACCESS', language: 'en', recipient: 'lianhe-cloud' } });
    expect([access.status, access.body]).toEqual([400, { error: 'INVALID_INPUT', message: 'Only a portability request may name a recipient ("recipient").' }]);
    expect(await subjectCount(email)).toBe(0);
    expect(stack.mail.messages().filter((m) => m.to.includes(email))).toEqual([]);
  });

  test('when the recipient is registered in the profile, then the request starts and records whom the package goes to', async () => {
    const email = `pt-${randomUUID()}@example.org`;
    const res = await call('POST', '/api/requests', { body: { email, type: 'PORTABILITY', language: 'en', recipient: 'lianhe-cloud' } });
    expect(res.status).toBe(202);
    const row = await eventually(async () => stack.db.dsrRequest.findUnique({ where: { id: (res.body as { requestId: string }).requestId } }));
    expect(row.details).toMatchObject({ portabilityRecipient: 'lianhe-cloud' });
  });
});
