// Minors at intake over HTTP (issue 15 item 4): the flag is validated with clear 400s, a
// guardian's request through the portal is refused with the reason in both languages, staff
// file a guardian's request with the evidence of guardianship, and compliance opens the
// deletion of a child's data collected by mistake on its own motion.
import { randomUUID } from 'node:crypto';
import { GUARDIAN_NEEDS_ATTESTATION } from '../../domain/minor';
import { api, eventually } from '../support/http';
import { consoleCall, consoleLogIn } from '../support/console-session';
import { createStaffAndLogIn, startStack, type Stack, staffApi } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

const email = () => `minor-${randomUUID()}@example.org`;
const rowOf = (requestId: string) => eventually(() => stack.db.dsrRequest.findUnique({ where: { id: requestId } }));

test('when the portal is sent a guardian’s request, then it is refused with 400 and the reason in both languages, and no request is made', async () => {
  const address = email();
  const res = await api(stack.baseUrl, 'POST', '/api/requests', { email: address, type: 'ACCESS', minor: { ageBand: 'UNDER_14', filedBy: 'GUARDIAN' } });
  expect(res.status).toBe(400);
  expect(res.body.error).toBe('GUARDIAN_NOT_ATTESTED');
  expect(res.body.message).toContain(GUARDIAN_NEEDS_ATTESTATION.zh);
  expect(res.body.message).toContain(GUARDIAN_NEEDS_ATTESTATION.en);
  expect(stack.mail.messages().filter((m) => m.to.includes(address))).toEqual([]);
});

test('when the minor flag names an unknown age band or filer, or an extra field, then it is a 400 that says where', async () => {
  for (const minor of [{ ageBand: 'UNDER_12', filedBy: 'SUBJECT' }, { ageBand: 'UNDER_14', filedBy: 'TEACHER' }, { ageBand: 'UNDER_14' }, { ageBand: 'UNDER_14', filedBy: 'SUBJECT', age: 9 }]) {
    const res = await api(stack.baseUrl, 'POST', '/api/requests', { email: email(), type: 'ACCESS', minor });
    expect([minor, res.status, res.body.error]).toEqual([minor, 400, 'INVALID_INPUT']);
    expect(res.body.message).toMatch(/minor/);
  }
});

test('when a subject under 18 files through the portal, then the request is made with the flag in its details', async () => {
  const res = await api(stack.baseUrl, 'POST', '/api/requests', { email: email(), type: 'ACCESS', minor: { ageBand: '14_TO_17', filedBy: 'SUBJECT' } });
  expect(res.status).toBe(202);
  expect((await rowOf(res.body.requestId))?.details).toMatchObject({ minor: { ageBand: '14_TO_17', filedBy: 'SUBJECT' } });
});

test('when an agent files a guardian’s request with the evidence of guardianship, then it is attested, the evidence kept as an erasable note', async () => {
  const agent = await createStaffAndLogIn(stack, 'agent');
  const res = await staffApi(stack.baseUrl, 'POST', '/api/staff/requests', agent, {
    email: email(), type: 'ACCESS', channel: 'IN_PERSON', minor: { ageBand: 'UNDER_14', filedBy: 'GUARDIAN' }, evidenceNote: 'Birth certificate names the visitor as the child’s father',
  });
  expect(res.status).toBe(202);
  const { requestId } = res.body as { requestId: string };
  expect(await rowOf(requestId)).toMatchObject({ attestedBy: agent.staffId, details: { minor: { ageBand: 'UNDER_14', filedBy: 'GUARDIAN' } } });
  const attested = await eventually(() => stack.db.auditEvent.findFirst({ where: { requestId, action: 'IDENTITY_ATTESTED' } }));
  expect(await stack.db.auditNote.count({ where: { id: (attested!.details as { noteId: string }).noteId } })).toBe(1);
});

test('when compliance opens the deletion of a child’s data collected by mistake, then a DELETION starts on its own motion, waiting for a second person; an agent may not open one', async () => {
  const body = { email: email(), ageBand: 'UNDER_14', evidenceNote: 'Sign-up form shows the user is 12' };
  const agent = await createStaffAndLogIn(stack, 'agent');
  expect((await staffApi(stack.baseUrl, 'POST', '/api/staff/child-data-deletions', agent, body)).status).toBe(403);
  const compliance = await createStaffAndLogIn(stack, 'compliance');
  const bad = await staffApi(stack.baseUrl, 'POST', '/api/staff/child-data-deletions', compliance, { ...body, ageBand: 'ADULT' });
  expect(bad.status).toBe(400);
  const res = await staffApi(stack.baseUrl, 'POST', '/api/staff/child-data-deletions', compliance, body);
  expect(res.status).toBe(202);
  const { requestId } = res.body as { requestId: string };
  expect(await rowOf(requestId)).toMatchObject({ type: 'DELETION', channel: 'OWN_MOTION', attestedBy: compliance.staffId, details: { minor: { ageBand: 'UNDER_14', filedBy: 'COMPLIANCE' } } });
  await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'AWAITING_APPROVAL');
});

test('when an agent opens a guardian’s request in the console, then the flag is kept; a band without who files is sent back with the reason', async () => {
  const agent = await consoleLogIn(stack, 'agent');
  const form = { _csrf: agent.csrf, type: 'ACCESS', residence: 'CN', email: email(), language: 'en', channel: 'IN_PERSON', evidenceNote: 'Household register shows the visitor is the child’s mother' };
  const incomplete = await consoleCall(stack.baseUrl, 'POST', '/console/requests', agent, { ...form, minorAgeBand: 'UNDER_14' });
  expect(incomplete.status).toBe(422);
  expect(incomplete.text).toContain('choose the age band and who files');
  const opened = await consoleCall(stack.baseUrl, 'POST', '/console/requests', agent, { ...form, minorAgeBand: 'UNDER_14', minorFiledBy: 'GUARDIAN' });
  expect(opened.status).toBe(303);
  const requestId = /\/console\/requests\/([0-9a-f-]{36})/.exec(opened.location!)![1]!;
  expect(await rowOf(requestId)).toMatchObject({ attestedBy: agent.staffId, details: { minor: { ageBand: 'UNDER_14', filedBy: 'GUARDIAN' } } });
});
