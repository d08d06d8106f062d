// The HTTP server's structured log, read back line by line after a subject's request went
// through the API and the portal and staff worked on it: every line is JSON, and none holds
// the subject's address, their name, the verification code or the status token.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { codeIn, eventually } from '../support/http';
import { createStaffAndLogIn, startStack, type Stack } from '../support/stack';

const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter((l) => l.length > 0));
    done();
  },
});

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({}, { logStream: capture });
});
afterAll(async () => stack?.close());

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('when a subject’s request is submitted, verified and worked on by staff, then the log lines are JSON without the address, the name, the code or the token', async () => {
  const email = `Qiao.Xiaoling-${randomUUID().slice(0, 8)}@example.org`;
  const name = 'Qiao Xiaoling';
  await stack.db.customerAccount.create({ data: { email: email.toLowerCase(), fullName: name, phone: '+86 139 0000 7788', plan: 'basic' } });

  // Through the API, with the token in the query string as the status link carries it.
  const submitted = await fetch(`${stack.baseUrl}/api/requests`, json({ email, type: 'ACCESS', language: 'en' }));
  expect(submitted.status).toBe(202);
  const { requestId, statusToken } = (await submitted.json()) as { requestId: string; statusToken: string };
  const code = codeIn((await stack.mail.waitFor((m) => m.to.includes(email.toLowerCase()) && /verification code/i.test(m.subject))).text);
  const token = encodeURIComponent(statusToken);
  expect((await fetch(`${stack.baseUrl}/api/requests/${requestId}/verification?token=${token}`, json({ code: code === '000000' ? '111111' : '000000' }))).status).toBe(422);
  expect((await fetch(`${stack.baseUrl}/api/requests/${requestId}/verification?token=${token}`, json({ code }))).status).toBe(200);
  await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'COMPLETED', 60_000);
  expect((await fetch(`${stack.baseUrl}/api/requests/${requestId}?token=${token}`)).status).toBe(200);
  // A refused submission whose fields hold the address and the name.
  expect((await fetch(`${stack.baseUrl}/api/requests`, json({ email: `${name} <${email}>`, type: 'ACCESS', fullName: name }))).status).toBe(400);

  // Through the portal's form, which redirects to a status page whose address carries the token.
  const form = new URLSearchParams({ email, type: 'DELETION', residence: 'CN', language: 'en' });
  const portal = await fetch(`${stack.baseUrl}/portal/requests?lang=en`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  expect(portal.status).toBe(303);
  const statusPage = await fetch(new URL(portal.headers.get('location')!, stack.baseUrl));
  expect(statusPage.status).toBe(200);
  const portalToken = new URL(portal.headers.get('location')!, stack.baseUrl).searchParams.get('token')!;

  // Staff read the request and place a hold on its subject.
  const compliance = await createStaffAndLogIn(stack, 'compliance');
  const staffHeaders = { cookie: compliance.cookie, 'x-csrf-token': compliance.csrfToken, 'content-type': 'application/json' };
  expect((await fetch(`${stack.baseUrl}/api/staff/queue?view=open`, { headers: staffHeaders })).status).toBe(200);
  expect((await fetch(`${stack.baseUrl}/api/staff/requests/${requestId}/timeline`, { headers: staffHeaders })).status).toBe(200);
  const hold = { requestId, authority: 'Court of Shenzhen', reason: 'Evidence in a civil case.', basis: 'Civil Procedure Law art. 84' };
  expect((await fetch(`${stack.baseUrl}/api/staff/holds`, { method: 'POST', headers: staffHeaders, body: JSON.stringify(hold) })).status).toBe(201);

  await eventually(async () => lines.some((l) => l.includes('"statusCode":201')));
  const entries = lines.map((l) => JSON.parse(l) as { level: number; msg?: string; req?: { route?: string } });
  // The log did record the traffic: by route, never by URL.
  expect(entries.some((e) => e.req?.route === '/api/requests/:id/verification')).toBe(true);
  expect(entries.some((e) => e.req?.route === '/portal/requests')).toBe(true);
  const text = lines.join('\n');
  for (const secret of [email, email.toLowerCase(), name, code, statusToken, token, portalToken, encodeURIComponent(portalToken), '+86 139 0000 7788']) {
    expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
  }
});
