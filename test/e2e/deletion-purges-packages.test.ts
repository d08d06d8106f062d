// A copy of the subject's data must not outlive the data: when a deletion of theirs completes,
// the access packages of their earlier requests are deleted too, audited, and named in the
// certificate, and the mailed download link answers 410. Real Temporal, PostgreSQL, SMTP, HTTP.
import { randomUUID } from 'node:crypto';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CertificateBody } from '../../domain/deletion-certificate';
import { api, codeIn, eventually, request } from '../support/http';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let work = '';
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dsr-e2e-purge-'));
  stack = await startStack({ accessPackageDir: work });
});
afterAll(async () => {
  await stack?.close();
  await rm(work, { recursive: true, force: true });
});

/** Submits a request for the address, verifies it with the mailed code and returns the reply mail. */
async function throughToReply(email: string, type: 'ACCESS' | 'DELETION', reply: RegExp) {
  const submitted = await api(stack.baseUrl, 'POST', '/api/requests', { email, type, language: 'en' });
  expect(submitted.status).toBe(202);
  const { requestId, statusUrl } = submitted.body as { requestId: string; statusUrl: string };
  const code = codeIn((await stack.mail.waitFor((m) => m.to.includes(email) && /verification code/i.test(m.subject) && m.text.includes(requestId))).text);
  await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'AWAITING_VERIFICATION');
  expect((await api(stack.baseUrl, 'POST', statusUrl.replace('?', '/verification?'), { code })).status).toBe(200);
  return { requestId, mail: await stack.mail.waitFor((m) => m.to.includes(email) && reply.test(m.subject), 60_000) };
}

test('when a deletion completes after an access request, then the access package is purged, audited and named in the certificate, and its link answers 410', async () => {
  const email = `purge-${randomUUID()}@example.org`;
  await stack.db.customerAccount.create({ data: { email, fullName: 'Sun Li', phone: '+86 136 0000 0099', plan: 'basic' } });
  const accessed = await throughToReply(email, 'ACCESS', /ready to download/i);
  const link = new RegExp(`/api/requests/${accessed.requestId}/package\\?token=[A-Za-z0-9_-]{43}`).exec(accessed.mail.text)?.[0];
  if (!link) throw new Error('No download link in the reply.');
  expect((await fetch(stack.baseUrl + link)).status).toBe(200);
  const pkg = await stack.db.accessPackage.findUniqueOrThrow({ where: { requestId: accessed.requestId } });

  const deleted = await throughToReply(email, 'DELETION', /has been deleted/i);

  const gone = await request(stack.baseUrl + link, 'GET');
  expect([gone.status, gone.body.error]).toEqual([410, 'PACKAGE_EXPIRED']);
  const after = await stack.db.accessPackage.findUniqueOrThrow({ where: { id: pkg.id } });
  expect(after).toMatchObject({ purgedAt: expect.any(Date), dataKeySealed: null });
  await expect(access(pkg.path)).rejects.toMatchObject({ code: 'ENOENT' });

  const onAccess = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId: accessed.requestId, action: 'ACCESS_PACKAGE_PURGED' } });
  expect(onAccess.details).toMatchObject({ packageId: pkg.id, cause: 'SUBJECT_ERASED', byRequestId: deleted.requestId });
  const onDeletion = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId: deleted.requestId, action: 'SUBJECT_ACCESS_PACKAGE_PURGED' } });
  expect(onDeletion.details).toMatchObject({ packageId: pkg.id, accessRequestId: accessed.requestId });

  const certificate = await stack.db.deletionCertificate.findUniqueOrThrow({ where: { requestId: deleted.requestId } });
  const body = certificate.body as unknown as CertificateBody;
  expect(body.accessPackagesPurged).toEqual([{ packageId: pkg.id, requestId: accessed.requestId, purgedAt: after.purgedAt!.toISOString() }]);
  expect(deleted.mail.text).toContain('The download package of your earlier access request was deleted too; its link no longer works.');
  expect(deleted.mail.text).toContain(`Certificate ${certificate.id}`);
});
