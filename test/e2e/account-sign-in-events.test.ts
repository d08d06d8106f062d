// The account system's signed sign-in event over HTTP (issue 15, item 3), on the real stack:
// during an account closure's cooling-off period it cancels the closure, nothing erased and the
// subject told; a replayed event and a badly signed one change nothing.
import { randomUUID } from 'node:crypto';
import { ACCOUNT_EVENT_LABEL, signatureHeaders } from '../../stores/webhook/signature';
import { codeIn, eventually } from '../support/http';
import { profileWith } from '../support/profiles';
import { startStack, type Stack } from '../support/stack';

const SECRET = `account-events-${randomUUID()}`;
let stack: Stack;
beforeAll(async () => {
  process.env.ACCOUNT_SYSTEM_SECRET = SECRET;
  stack = await startStack({}, { profile: profileWith((p) => void (p.accountClosure = { coolingOffDays: 15 })) });
});
afterAll(async () => {
  await stack?.close();
  delete process.env.ACCOUNT_SYSTEM_SECRET;
});

const post = (body: string, headers: Record<string, string>) =>
  fetch(`${stack.baseUrl}/api/account-system/sign-ins`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

test('when the account system reports a sign-in during the cooling-off period, then the closure is cancelled with nothing erased, and a replay or a bad signature changes nothing', async () => {
  const email = `closure-${randomUUID()}@example.org`;
  await stack.db.customerAccount.create({ data: { email, fullName: 'Chen Jie', plan: 'starter' } });
  const res = await fetch(`${stack.baseUrl}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, type: 'ACCOUNT_CLOSURE', language: 'zh', regime: 'CN_PIPL' }) });
  const { requestId, statusToken } = (await res.json()) as { requestId: string; statusToken: string };
  const code = codeIn((await stack.mail.waitFor((m) => m.to.includes(email) && /verification code/i.test(m.subject))).text);
  const verified = await fetch(`${stack.baseUrl}/api/requests/${requestId}/verification?token=${encodeURIComponent(statusToken)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  expect(verified.status).toBe(200);
  const coolingOff = await stack.mail.waitFor((m) => m.to.includes(email) && m.subject.startsWith('您的账户注销申请已进入冷静期'));
  expect(coolingOff.text).toContain('冷静期内如您再次登录账户，注销申请即自动撤销');

  const body = JSON.stringify({ eventId: randomUUID(), email, signedInAt: new Date().toISOString() });
  const badlySigned = await post(body, signatureHeaders('not-the-secret', ACCOUNT_EVENT_LABEL, body, new Date()));
  expect(badlySigned.status).toBe(401);
  const stale = await post(body, signatureHeaders(SECRET, ACCOUNT_EVENT_LABEL, body, new Date(Date.now() - 10 * 60_000)));
  expect(stale.status).toBe(401);
  expect((await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).closedAt).toBeNull();

  const headers = signatureHeaders(SECRET, ACCOUNT_EVENT_LABEL, body, new Date());
  const accepted = await post(body, headers);
  expect(accepted.status).toBe(200);
  await expect(accepted.json()).resolves.toMatchObject({ cancelled: 1 });
  const replayed = await post(body, headers);
  expect(replayed.status).toBe(409);
  await expect(replayed.json()).resolves.toMatchObject({ error: 'EVENT_REPLAYED' });

  const row = await eventually(async () => {
    const r = await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } });
    return r.status === 'WITHDRAWN' ? r : null;
  });
  expect(row.outcome).toBe('CANCELLED_BY_SIGN_IN');
  expect(await stack.db.customerAccount.count({ where: { email } })).toBe(1);
  const told = await stack.mail.waitFor((m) => m.to.includes(email) && m.subject.startsWith('您的账户注销申请已因您登录而撤销'));
  expect(told.text).toContain('You signed in to your account on');
  const receipts = await stack.db.accountEventReceipt.count({ where: { eventId: JSON.parse(body).eventId } });
  expect(receipts).toBe(1);
});
