// An access request the whole way to the download, on the real Temporal server, PostgreSQL,
// SMTP and HTTP: the mailed link opens the zip, a wrong one is 404, an expired or purged one 410.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { purgeExpiredPackages } from '../../access-package/purge';
import { api, codeIn, eventually, request } from '../support/http';
import { zipTexts } from '../support/package-reader';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let work = '';
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dsr-e2e-packages-'));
  stack = await startStack({ accessPackageDir: work });
});
afterAll(async () => {
  await stack?.close();
  await rm(work, { recursive: true, force: true });
});

/** Submits an access request for the address, verifies it with the mailed code and returns the mailed download path. */
async function accessRequestThroughToReply(email: string) {
  const submitted = await api(stack.baseUrl, 'POST', '/api/requests', { email, type: 'ACCESS', language: 'en' });
  expect(submitted.status).toBe(202);
  const { requestId, statusToken, statusUrl } = submitted.body as { requestId: string; statusToken: string; statusUrl: string };
  const code = codeIn((await stack.mail.waitFor((m) => m.to.includes(email) && /verification code/i.test(m.subject))).text);
  await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'AWAITING_VERIFICATION');
  expect((await api(stack.baseUrl, 'POST', statusUrl.replace('?', '/verification?'), { code })).status).toBe(200);
  const reply = await stack.mail.waitFor((m) => m.to.includes(email) && /ready to download/i.test(m.subject));
  const link = new RegExp(`/api/requests/${requestId}/package\\?token=[A-Za-z0-9_-]{43}`).exec(reply.text)?.[0];
  if (!link) throw new Error('No download link in the reply.');
  return { requestId, statusToken, link, reply };
}

/** GETs a path and returns the status, headers and raw body. */
async function download(pathAndQuery: string) {
  const res = await fetch(stack.baseUrl + pathAndQuery);
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

test('when the subject follows the mailed link, then the zip downloads; a wrong link is 404, and after expiry and purge it is 410', async () => {
  const email = `subject-${randomUUID()}@example.org`;
  await stack.db.customerAccount.create({ data: { email, fullName: 'Chen Jing', phone: '+86 137 0000 0042', plan: 'enterprise' } });
  const { requestId, statusToken, link, reply } = await accessRequestThroughToReply(email);
  expect(reply.text).not.toContain('Chen Jing');

  const ok = await download(link);
  expect(ok.status).toBe(200);
  expect(ok.headers.get('content-type')).toBe('application/zip');
  expect(ok.headers.get('content-disposition')).toBe(`attachment; filename="personal-data-${requestId}.zip"`);
  expect(ok.headers.get('cache-control')).toBe('no-store');
  const zipPath = path.join(work, `${requestId}.zip`);
  await writeFile(zipPath, ok.body);
  const texts = await zipTexts(zipPath);
  expect(JSON.parse(texts.get('customer-accounts/contact.json')!)).toEqual([{ fullName: 'Chen Jing', phone: '+86 137 0000 0042' }]);
  expect(texts.get('index.html')).toContain(requestId);
  const pkg = await stack.db.accessPackage.findUniqueOrThrow({ where: { requestId } });
  expect(pkg).toMatchObject({ downloads: 1, downloadedAt: expect.any(Date) });
  expect(await stack.db.auditEvent.count({ where: { requestId, action: 'ACCESS_PACKAGE_DOWNLOADED' } })).toBe(1);

  // A wrong secret, another request's id, and no secret at all: nothing says which was wrong.
  const otherSecret = randomBytes(32).toString('base64url');
  const wrong = await request(`${stack.baseUrl}/api/requests/${requestId}/package?token=${otherSecret}`, 'GET');
  expect(wrong.status).toBe(404);
  expect(wrong.body).toMatchObject({ error: 'NOT_FOUND', message: expect.any(String) });
  const elsewhere = await request(stack.baseUrl + link.replace(requestId, randomUUID()), 'GET');
  expect([elsewhere.status, elsewhere.body.error]).toEqual([404, 'NOT_FOUND']);
  expect((await request(`${stack.baseUrl}/api/requests/${requestId}/package`, 'GET')).status).toBe(400);
  // The status token opens the status page, not the data.
  expect((await request(`${stack.baseUrl}/api/requests/${requestId}/package?token=${statusToken}`, 'GET')).status).toBe(404);

  // The portal says a link was mailed, without showing it.
  const portal = await fetch(`${stack.baseUrl}/portal/requests/${requestId}?token=${statusToken}&lang=en`);
  const page = await portal.text();
  expect(page).toContain('We sent a download link to your e-mail address');
  expect(page).not.toContain(link.split('token=')[1]!);

  await stack.db.accessPackage.update({ where: { requestId }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const expired = await request(stack.baseUrl + link, 'GET');
  expect([expired.status, expired.body.error]).toEqual([410, 'PACKAGE_EXPIRED']);

  await stack.db.accessPackage.update({ where: { requestId }, data: { purgeAfter: new Date(Date.now() - 1000) } });
  await purgeExpiredPackages(stack.db, new Date());
  const purged = await request(stack.baseUrl + link, 'GET');
  expect([purged.status, purged.body.error]).toEqual([410, 'PACKAGE_EXPIRED']);
  const expiredPage = await (await fetch(`${stack.baseUrl}/portal/requests/${requestId}?token=${statusToken}&lang=en`)).text();
  expect(expiredPage).toContain('The download link expired');
});
