// Staff can act on a request the moment intake has answered 202, before the workflow has
// run its first activity: a legal hold, an exemption signal and the holds list find it.
import { randomUUID } from 'node:crypto';
import { eventually } from '../support/http';
import { startIntakeStack, type IntakeStack } from '../support/intake-stack';
import { createStaffAndLogIn, type StaffLogin, staffApi } from '../support/stack';

let stack: IntakeStack;
let compliance: StaffLogin;
beforeAll(async () => {
  stack = await startIntakeStack();
  compliance = await createStaffAndLogIn(stack, 'compliance');
});
afterAll(async () => stack?.close());

const call = (method: string, path: string, body?: unknown) => staffApi(stack.baseUrl, method, path, compliance, body);

test('when a hold is placed right after the 202, before any worker has run the request, then it answers 201 and binds the subject; the workflow then goes on over the same rows', async () => {
  const email = `subject-${randomUUID()}@example.org`;
  const submitted = await fetch(`${stack.baseUrl}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, type: 'DELETION', language: 'en', regime: 'EU_GDPR' }),
  });
  expect(submitted.status).toBe(202);
  const { requestId } = (await submitted.json()) as { requestId: string };

  const hold = await call('POST', '/api/staff/holds', {
    requestId,
    authority: 'Court of Lisbon',
    reference: 'LX-2026-0042',
    reason: 'Preservation order in pending litigation',
    basis: 'GDPR art 17(3)(e) (legal claims)',
  });
  expect(hold.status).toBe(201);
  expect(hold.body).toMatchObject({ active: true, store: null, category: null });
  const listed = await call('GET', `/api/staff/holds?requestId=${requestId}`);
  expect(listed).toMatchObject({ status: 200, body: { holds: [expect.objectContaining({ holdId: hold.body.holdId })] } });
  const signal = await call('POST', `/api/staff/requests/${requestId}/exemption-signals`, { ground: 'MANIFESTLY_UNFOUNDED_OR_EXCESSIVE' });
  expect(signal.status).toBe(201);

  // The hold is on the subject the request names, and the request is recorded once.
  const row = await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } });
  expect(await stack.db.legalHold.count({ where: { subjectId: row.subjectId } })).toBe(1);
  await stack.startWorker();
  await eventually(async () => ((await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'AWAITING_VERIFICATION' ? true : null), 60_000);
  expect(await stack.db.auditEvent.count({ where: { requestId, action: 'REQUEST_RECEIVED' } })).toBe(1);
  expect(await stack.db.dataSubject.count({ where: { id: row.subjectId } })).toBe(1);
  expect((await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).subjectId).toBe(row.subjectId);
});
