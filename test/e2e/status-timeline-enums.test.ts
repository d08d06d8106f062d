// What the HTTP API says back, on the real stack: an enum refused in one readable message,
// a duplicate's status with no stale fee, and staff named in the timeline by display name.
import { randomUUID } from 'node:crypto';
import { issueStatusToken, statusTokenKey } from '../../crypto/status-token';
import { seedEarlierRequests } from '../workflows/helpers';
import { consoleLogIn } from '../support/console-session';
import { api, eventually } from '../support/http';
import { createStaffAndLogIn, startStack, staffApi, type Stack, type StaffLogin } from '../support/stack';

let stack: Stack;
let agent: StaffLogin;
let compliance: StaffLogin;
let admin: StaffLogin;
beforeAll(async () => {
  stack = await startStack();
  [agent, compliance, admin] = [await createStaffAndLogIn(stack, 'agent'), await createStaffAndLogIn(stack, 'compliance'), await createStaffAndLogIn(stack, 'admin')];
});
afterAll(async () => stack?.close());

const call = (method: string, path: string, as?: StaffLogin, body?: unknown) => staffApi(stack.baseUrl, method, path, as, body);
const statusOf = async (requestId: string) => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status;

describe('enum validation errors', () => {
  test('when a request is submitted with type "HACK", then it is a 400 with one message listing the allowed values', async () => {
    const res = await api(stack.baseUrl, 'POST', '/api/requests', { email: 'a@example.org', type: 'HACK' });
    expect(res).toEqual({ status: 400, body: { error: 'INVALID_INPUT', message: 'type must be one of ACCESS, CORRECTION, DELETION, ACCOUNT_CLOSURE, MANAGE, PORTABILITY' } });
    expect(res.body.message).not.toContain('constant');
  });

  test('when other enums of the API and the staff API get a value outside them, then each message lists that enum’s values once', async () => {
    expect((await api(stack.baseUrl, 'POST', '/api/requests', { email: 'a@example.org', type: 'ACCESS', language: 'fr' })).body).toEqual({
      error: 'INVALID_INPUT',
      message: 'language must be one of zh, en',
    });
    const opened = await call('POST', '/api/staff/requests', agent, { email: 'a@example.org', type: 'ACCESS', channel: 'FAX', evidenceNote: 'Seen.' });
    expect(opened).toEqual({ status: 400, body: { error: 'INVALID_INPUT', message: 'channel must be one of PHONE, EMAIL, IN_PERSON' } });
    const queue = await call('GET', '/api/staff/queue?view=everything', compliance);
    expect(queue.status).toBe(400);
    expect(queue.body.message).toMatch(/^view must be one of stuck, failing, overdue, due-soon, awaiting-decision, awaiting-approval, open, mine$/);
    const account = await call('POST', '/api/staff/accounts', admin, { username: `u-${randomUUID().slice(0, 8)}`, displayName: 'X', role: 'root', password: 'a-long-enough-password-1' });
    expect(account).toEqual({ status: 400, body: { error: 'INVALID_INPUT', message: 'role must be one of agent, compliance, admin' } });
  });
});

describe('a duplicate’s status', () => {
  test('when a request beyond the free quota repeats an open one, then GET /api/requests/:id shows it as DUPLICATE with no fee', async () => {
    const email = `dup-${randomUUID()}@example.org`;
    await stack.db.customerAccount.create({ data: { email, fullName: 'Zhang Min', plan: 'basic' } });
    // A first request that waits for its code makes the subject known; two earlier verified
    // requests in the window then make the next one chargeable.
    const first = await api(stack.baseUrl, 'POST', '/api/requests', { email, type: 'ACCESS', language: 'en' });
    const subjectId = await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: first.body.requestId as string } }))?.subjectId);
    await seedEarlierRequests(stack.db, subjectId, 2);
    // The original: attested, so verified, and open while its fee is quoted (only a verified
    // open request is an original: the unverified first one is superseded by it).
    const original = await call('POST', '/api/staff/requests', agent, { email, type: 'ACCESS', language: 'en', channel: 'PHONE', evidenceNote: 'ID card checked.' });
    const originalId = original.body.requestId as string;
    await eventually(async () => (await statusOf(originalId)) === 'AWAITING_FEE', 30_000);

    const opened = await call('POST', '/api/staff/requests', agent, { email, type: 'ACCESS', language: 'en', channel: 'PHONE', evidenceNote: 'ID card checked again.' });
    expect(opened.status).toBe(202);
    const requestId = opened.body.requestId as string;
    await eventually(async () => (await statusOf(requestId)) === 'DUPLICATE', 30_000);

    const token = issueStatusToken(statusTokenKey(stack.identityPepper), requestId, new Date());
    const status = await api(stack.baseUrl, 'GET', `/api/requests/${requestId}?token=${token}`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ requestId, status: 'DUPLICATE', fee: null });
    expect((await call('GET', `/api/staff/requests/${requestId}`, compliance)).body).toMatchObject({ status: 'DUPLICATE', fee: null });
    const assessed = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'ASSESSED' } });
    expect(assessed.details).toMatchObject({ duplicateOf: originalId, fee: null });
  });
});

describe('the timeline', () => {
  test('when an agent attested a request, then the timeline and the console page name them by display name, not staff:<id>', async () => {
    const email = `tl-${randomUUID()}@example.org`;
    await stack.db.customerAccount.create({ data: { email, fullName: 'Zhang Min', plan: 'basic' } });
    const opened = await call('POST', '/api/staff/requests', agent, { email, type: 'ACCESS', language: 'en', channel: 'PHONE', evidenceNote: 'ID card checked.' });
    const requestId = opened.body.requestId as string;
    await eventually(async () => (await statusOf(requestId)) === 'COMPLETED', 30_000);

    const timeline = await call('GET', `/api/staff/requests/${requestId}/timeline`, compliance);
    expect(timeline.status).toBe(200);
    const events = timeline.body.events as Array<{ actor: string; actorId: string; action: string }>;
    expect(events.find((e) => e.action === 'IDENTITY_ATTESTED')).toMatchObject({ actor: 'Test agent', actorId: `staff:${agent.staffId}` });
    expect(events.filter((e) => e.actor.startsWith('staff:'))).toEqual([]);
    // The audit row keeps the id, as written.
    expect((await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'IDENTITY_ATTESTED' } })).actor).toBe(`staff:${agent.staffId}`);

    const officer = await consoleLogIn(stack, 'compliance');
    const page = await fetch(`${stack.baseUrl}/console/requests/${requestId}`, { headers: { cookie: officer.cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/Identity attested by Test agent \(agent\)/);
    expect(html).not.toContain(`staff:${agent.staffId}`);
  });
});
