// One access request the whole way, on the real Temporal server, PostgreSQL and SMTP.
import { randomUUID } from 'node:crypto';
import { api, codeIn, eventually } from '../support/http';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

const newSubjectEmail = () => `subject-${randomUUID()}@example.org`;

async function submitAccess(email: string) {
  const res = await api(stack.baseUrl, 'POST', '/api/requests', { email, type: 'ACCESS', language: 'en' });
  expect(res.status).toBe(202);
  const code = codeIn((await stack.mail.waitFor((m) => m.to.includes(email) && /verification code/i.test(m.subject))).text);
  await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: res.body.requestId } }))?.status === 'AWAITING_VERIFICATION');
  return { requestId: res.body.requestId as string, code, link: res.body.statusUrl as string };
}

// Every call about a request goes through its status link: the path with ?token=<token>.
const through = (link: string, action = '') => link.replace('?', `${action}?`);

const wrongCodeFor = (code: string) => (code === '000000' ? '111111' : '000000');

describe('access request, end to end', () => {
  test('when the subject verifies with the mailed code, then the reply links their data package, the request completes and every step is audited', async () => {
    const email = newSubjectEmail();
    await stack.db.customerAccount.create({ data: { email, fullName: 'Li Wei', phone: '+86 138 0000 0000', plan: 'enterprise' } });

    const { requestId, code, link } = await submitAccess(email);
    const verified = await api(stack.baseUrl, 'POST', through(link, '/verification'), { code });
    expect(verified.status).toBe(200);
    expect(verified.body.outcome).toBe('VERIFIED');

    const reply = await stack.mail.waitFor((m) => m.to.includes(email) && /personal information we hold/i.test(m.subject));
    // The data travels in the download package (test/e2e/access-package-download.test.ts), never in the mail.
    expect(reply.text).toContain('customer-accounts / contact: 1 record');
    expect(reply.text).toContain(`/api/requests/${requestId}/package?token=`);
    expect(reply.text).not.toContain('Li Wei');
    expect(reply.text).toContain(requestId);

    const row = await eventually(async () => {
      const r = await stack.db.dsrRequest.findUnique({ where: { id: requestId } });
      return r?.status === 'COMPLETED' ? r : null;
    });
    expect(row.verifiedAt).not.toBeNull();
    expect(row.closedAt).not.toBeNull();

    const events = await stack.db.auditEvent.findMany({ where: { requestId }, orderBy: { id: 'asc' } });
    const actions = events.map((e) => e.action);
    const milestones = ['REQUEST_RECEIVED', 'DUE_DATE_SET', 'VERIFICATION_CODE_SENT', 'VERIFICATION_ATTEMPT', 'ASSESSED', 'STORE_FULFILLED', 'ACCESS_PACKAGE_CREATED', 'REPLY_SENT'];
    expect(milestones.map((m) => actions.indexOf(m))).toEqual([...milestones.map((m) => actions.indexOf(m))].sort((x, y) => x - y));
    expect(milestones.every((m) => actions.includes(m))).toBe(true);
    expect(events.filter((e) => e.action === 'STATUS_CHANGED').map((e) => (e.details as { to: string }).to)).toEqual([
      'AWAITING_VERIFICATION',
      'IN_FULFILMENT',
      'COMPLETED',
    ]);
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain(email);

    const status = await api(stack.baseUrl, 'GET', link);
    expect(status.body).toMatchObject({ requestId, status: 'COMPLETED', type: 'ACCESS' });
    expect(JSON.stringify(status.body)).not.toContain(email);
  });

  test('when a wrong code is submitted, then it is refused with a clear 422 and the request stays open', async () => {
    const { requestId, code, link } = await submitAccess(newSubjectEmail());
    const res = await api(stack.baseUrl, 'POST', through(link, '/verification'), { code: wrongCodeFor(code) });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: 'WRONG_CODE', message: 'That code is not correct.', attemptsLeft: 4 });
    const row = await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row.status).toBe('AWAITING_VERIFICATION');
  });

  test('when every attempt is used up, then even the right code is refused', async () => {
    const { requestId, code, link } = await submitAccess(newSubjectEmail());
    for (let i = 0; i < 5; i++) {
      expect((await api(stack.baseUrl, 'POST', through(link, '/verification'), { code: wrongCodeFor(code) })).status).toBe(422);
    }
    const res = await api(stack.baseUrl, 'POST', through(link, '/verification'), { code });
    expect(res.status).toBe(429);
    expect(res.body.error).toBe('EXHAUSTED');
    expect((await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('AWAITING_VERIFICATION');
  });

  test('when the code has expired, then the right code is refused as expired', async () => {
    const { requestId, code, link } = await submitAccess(newSubjectEmail());
    await stack.db.verificationChallenge.updateMany({ where: { requestId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await api(stack.baseUrl, 'POST', through(link, '/verification'), { code });
    expect(res.status).toBe(410);
    expect(res.body.error).toBe('EXPIRED');
    expect((await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('AWAITING_VERIFICATION');
  });

  test('when the input is malformed, then the API answers 4xx with a message and starts nothing', async () => {
    const before = await stack.db.dsrRequest.count();
    const cases: Array<[string, string, unknown, number]> = [
      ['POST', '/api/requests', { email: 'not-an-address', type: 'ACCESS' }, 400],
      ['POST', '/api/requests', { email: 'a@b.example', type: 'FORGET_ME' }, 400],
      ['POST', '/api/requests', { email: 'a@b.example', type: 'ACCESS', extra: '<script>' }, 400],
      ['POST', '/api/requests', { email: 'a@b.example', type: 'ACCESS', regime: 'MARS' }, 400],
      // Without its token a request cannot be reached at all (test/e2e/portal-api.test.ts covers the tokens).
      ['GET', `/api/requests/${randomUUID()}`, undefined, 401],
      ['GET', '/api/requests/1;DROP TABLE', undefined, 401],
      ['POST', `/api/requests/${randomUUID()}/verification`, { code: '123456' }, 401],
      ['POST', `/api/requests/${randomUUID()}/verification`, { code: '12' }, 401],
    ];
    for (const [method, path, body, expected] of cases) {
      const res = await api(stack.baseUrl, method, path, body);
      expect([path, res.status]).toEqual([path, expected]);
      expect(typeof res.body.message).toBe('string');
    }
    expect(await stack.db.dsrRequest.count()).toBe(before);
  });
});
