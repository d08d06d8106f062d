// Budgets per identity: requests awaiting a code, and wrong codes across requests in a day.
import { randomUUID } from 'node:crypto';
import { IDENTITY_BUDGETS } from '../../server/identity-budgets';
import { api, codeIn, eventually } from '../support/http';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

const submit = async (email: string) => api(stack.baseUrl, 'POST', '/api/requests', { email, type: 'DELETION', language: 'en' });
const check = (id: string, token: string, code: string) =>
  api(stack.baseUrl, 'POST', `/api/requests/${id}/verification?token=${encodeURIComponent(token)}`, { code });
/** Waits until the request's workflow has mailed its code, so that a check finds it. */
const codeFor = async (email: string, n: number) => {
  await stack.mail.waitFor(() => stack.mail.messages().filter((m) => m.to.includes(email) && /verification code/i.test(m.subject)).length >= n);
  return stack.mail.messages().filter((m) => m.to.includes(email) && /verification code/i.test(m.subject)).map((m) => codeIn(m.text));
};

describe('budgets per identity', () => {
  test('when a 4th request awaits its code for one address, then it is refused 429 and starts nothing, while another address is served', async () => {
    const email = `subject-${randomUUID()}@example.org`;
    for (let i = 0; i < IDENTITY_BUDGETS.openUnverifiedRequests; i++) expect((await submit(email)).status).toBe(202);
    const fourth = await submit(email.toUpperCase());
    expect(fourth).toEqual({ status: 429, body: expect.objectContaining({ error: 'TOO_MANY_OPEN_REQUESTS' }) });
    expect((await submit(`other-${randomUUID()}@example.org`)).status).toBe(202);
  });

  test('when the day’s wrong codes are spent across requests, then even the right code is refused for the day', async () => {
    const email = `subject-${randomUUID()}@example.org`;
    const requests = [(await submit(email)).body, (await submit(email)).body, (await submit(email)).body] as Array<{ requestId: string; statusToken: string }>;
    const codes = await codeFor(email, 3);
    // Wrong guesses spread over the three requests, fewer than any one code's own limit each.
    let spent = 0;
    for (const r of requests) {
      for (let i = 0; i < 4 && spent < IDENTITY_BUDGETS.failedCodesPerDay.max; i++, spent++) {
        const wrong = codes.includes('000000') ? '999999' : '000000';
        expect((await check(r.requestId, r.statusToken, wrong)).body.error).toBe('WRONG_CODE');
      }
    }
    expect(spent).toBe(IDENTITY_BUDGETS.failedCodesPerDay.max);
    // Which code belongs to which request does not matter: every check is now refused before it is made.
    for (const r of requests) {
      for (const code of codes) {
        expect(await check(r.requestId, r.statusToken, code)).toEqual({ status: 429, body: expect.objectContaining({ error: 'VERIFICATION_REFUSED_TODAY' }) });
      }
    }
    const verified = await stack.db.dsrRequest.count({ where: { id: { in: requests.map((r) => r.requestId) }, verifiedAt: { not: null } } });
    expect(verified).toBe(0);
  });

  test('when the right code comes first, then it does not spend the budget', async () => {
    const email = `subject-${randomUUID()}@example.org`;
    const { requestId, statusToken } = (await submit(email)).body as { requestId: string; statusToken: string };
    const [code] = await codeFor(email, 1);
    expect((await check(requestId, statusToken, code!)).status).toBe(200);
  });

  test('when the recipient follows the code mail’s "not me" link and confirms, then the request is withdrawn; the link opens nothing else', async () => {
    const email = `subject-${randomUUID()}@example.org`;
    const { requestId, statusToken } = (await submit(email)).body as { requestId: string; statusToken: string };
    const mail = await stack.mail.waitFor((m) => m.to.includes(email) && /verification code/i.test(m.subject));
    const path = /\/portal\/requests\/[0-9a-f-]+\/not-me\?token=[^\s&]+&lang=(?:en|zh)/.exec(mail.text)?.[0];
    expect(path).toContain(requestId);
    const notMeToken = decodeURIComponent(/token=([^&]+)/.exec(path!)![1]!);
    // Opening the link only asks: a mail scanner fetching it withdraws nothing.
    const asked = await fetch(stack.baseUrl + path!);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('withdraw the request');
    // Single-purpose: the not-me token opens no status page, and the status token no not-me action.
    expect((await api(stack.baseUrl, 'GET', `/api/requests/${requestId}?token=${encodeURIComponent(notMeToken)}`)).status).toBe(403);
    expect((await fetch(`${stack.baseUrl}/portal/requests/${requestId}/not-me?token=${encodeURIComponent(statusToken)}`, { method: 'POST' })).status).toBe(403);
    expect((await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('AWAITING_VERIFICATION');

    const confirmed = await fetch(stack.baseUrl + path!, { method: 'POST' });
    expect(confirmed.status).toBe(200);
    await eventually(async () => (await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).status === 'WITHDRAWN');
  });
});
