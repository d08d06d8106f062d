// The manual-task and certificate routes on the real stack: a deletion whose only store is a
// paper archive waits for a person; the task is listed, refused when the body is wrong,
// completed by an agent with "checked, nothing found", and the certificate records it.
import { NOTE_ERASED } from '../../db/audit-notes';
import { randomUUID } from 'node:crypto';
import { certificateDigest } from '../../activities/deletion-certificate';
import { createManualStore } from '../../stores/manual-store';
import { createStoreRegistry } from '../../stores/registry';
import { eventually } from '../support/http';
import { createStaffAndLogIn, startStack, type Stack, type StaffLogin } from '../support/stack';

const INSTRUCTIONS = 'Search the signed paper contracts in archive room B by the e-mail on the cover sheet.';
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ stores: createStoreRegistry([createManualStore({ name: 'paper-archive', categories: ['paper-contract'], instructions: INSTRUCTIONS })]) });
});
afterAll(async () => stack?.close());

async function call(method: string, path: string, as: StaffLogin, body?: unknown) {
  const headers: Record<string, string> = { cookie: as.cookie, 'x-csrf-token': as.csrfToken };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(stack.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

test('when a deletion waits on a paper archive, then staff list the task, an agent completes it with "checked, nothing found", and compliance reads the certificate', async () => {
  const agent = await createStaffAndLogIn(stack, 'agent');
  const compliance = await createStaffAndLogIn(stack, 'compliance');
  const email = `subject-${randomUUID()}@example.org`;
  const opened = await call('POST', '/api/staff/requests', agent, { email, type: 'DELETION', language: 'en', channel: 'PHONE', evidenceNote: 'Passport checked at the counter.' });
  expect(opened.status).toBe(202);
  const { requestId } = opened.body as { requestId: string };
  // Four eyes: compliance approves the agent's attested deletion first.
  await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'AWAITING_APPROVAL', 60_000);
  expect((await call('POST', `/api/staff/requests/${requestId}/approve`, compliance, { approve: true, reason: 'Evidence note checked.' })).status).toBe(200);
  const url = `/api/staff/requests/${requestId}/stores/paper-archive/manual-task`;

  const listed = await eventually(async () => {
    const res = await call('GET', '/api/staff/manual-tasks?status=OPEN', compliance);
    return res.body.tasks.find((t: { requestId: string }) => t.requestId === requestId) ?? null;
  }, 60_000);
  expect(listed).toMatchObject({ store: 'paper-archive', type: 'DELETION', status: 'OPEN', instructions: INSTRUCTIONS, dueAt: expect.any(String), requestStatus: 'IN_FULFILMENT' });
  expect((await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).stuck).toBe(false);
  expect(JSON.stringify((await call('GET', '/api/staff/manual-tasks', agent)).body)).not.toContain(email);

  // Bad input is refused with a message and changes nothing.
  expect(await call('POST', url, agent, { note: 'Checked.' })).toMatchObject({ status: 400, body: { error: 'INVALID_INPUT' } });
  expect(await call('POST', url, agent, { note: 'Checked.', nothingFound: true, processed: 2 })).toMatchObject({ status: 400, body: { error: 'INVALID_INPUT' } });
  expect(await call('POST', url, agent, { note: 'Checked.', nothingFound: 'yes' })).toMatchObject({ status: 400 });
  expect(await call('POST', `/api/staff/requests/${requestId}/stores/files/manual-task`, agent, { note: 'Checked.', nothingFound: true })).toMatchObject({ status: 404 });
  expect(await call('GET', `/api/staff/requests/${requestId}/certificate`, compliance)).toMatchObject({ status: 404, body: { error: 'NOT_FOUND' } });
  expect((await stack.db.manualTask.findFirstOrThrow({ where: { requestId } })).status).toBe('OPEN');

  const done = await call('POST', url, agent, { note: 'Archive room B checked, nothing found.', nothingFound: true });
  expect(done).toMatchObject({ status: 200, body: { requestId } });
  await eventually(async () => (await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).status === 'COMPLETED', 60_000);
  expect(await call('POST', url, compliance, { note: 'Again.', nothingFound: true })).toMatchObject({ status: 409, body: { error: 'WRONG_STATE' } });

  const doneList = await call('GET', '/api/staff/manual-tasks?status=DONE', agent);
  expect(doneList.body.tasks.find((t: { requestId: string }) => t.requestId === requestId)).toMatchObject({
    status: 'DONE',
    outcome: 'NOTHING_FOUND',
    processed: 0,
    // The erasure is complete, so the agent's words went with the subject's other notes; the certificate keeps them.
    note: NOTE_ERASED,
    completedBy: `staff:${agent.staffId}`,
  });
  expect(await stack.db.auditEvent.findMany({ where: { requestId, action: 'MANUAL_TASK_COMPLETED' } })).toEqual([expect.objectContaining({ actor: `staff:${agent.staffId}` })]);

  const certificate = await call('GET', `/api/staff/requests/${requestId}/certificate`, compliance);
  expect(certificate.status).toBe(200);
  expect(certificate.body.body.stores).toEqual([
    expect.objectContaining({ store: 'paper-archive', settledBy: 'MANUAL', erased: 0, anonymised: 0, manualOutcome: 'NOTHING_FOUND', note: 'Archive room B checked, nothing found.' }),
  ]);
  expect(certificate.body.digest).toBe(certificateDigest(certificate.body.body));
  const reply = await stack.mail.waitFor((m) => m.to.includes(email) && /deleted/i.test(m.subject));
  expect(reply.text).toContain(certificate.body.certificateId);
});
