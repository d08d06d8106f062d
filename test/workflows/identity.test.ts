// Identity branches of the request workflow on the time-skipping server: verified access,
// verification timeout, agent attestation, withdrawal.
import { createFieldCipher } from '../../crypto/field-cipher';
import { REPLAY_KEYRING } from '../fixtures/replay-keyring';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { answerFeeUpdate, statusQuery, verifyIdentityUpdate, withdrawUpdate } from '../../workflows/messages';
import { auditActions, mailedCode, mailTo, refusedWith, requestRow } from './helpers';

let stack: WorkflowStack;
beforeAll(async () => {
  stack = await startWorkflowStack();
});
afterAll(async () => stack?.close());

test('when the subject verifies with the mailed code, then the access request completes with a reply and a due date 30 days after verification', async () => {
  const { requestId, email, handle } = await stack.start();
  const code = await mailedCode(stack.mail, email);
  const result = await handle.executeUpdate(verifyIdentityUpdate, { args: [{ code }] });
  expect(result.outcome).toBe('VERIFIED');
  const final = await handle.result();
  expect(final.status).toBe('COMPLETED');
  // The reply names what the access package holds and links to it; values stay in the package.
  const reply = (await mailTo(stack.mail, email, /personal information we hold/i)).text;
  expect(reply).toContain('customer-accounts / contact: 1 record');
  expect(reply).toMatch(/\/api\/requests\/[0-9a-f-]{36}\/package\?token=/);
  const row = await requestRow(stack.db, requestId);
  expect(row.status).toBe('COMPLETED');
  expect(row.outcome).toBe('FULFILLED');
  const days = (row.dueAt!.getTime() - row.verifiedAt!.getTime()) / 86_400_000;
  expect(days).toBeGreaterThan(29);
  expect(days).toBeLessThan(40);
  expect(await auditActions(stack.db, requestId)).toEqual(expect.arrayContaining(['REQUEST_RECEIVED', 'DUE_DATE_SET', 'ASSESSED', 'STORE_FULFILLED', 'REPLY_SENT']));
});

test('when nobody verifies for 31 days, then the request closes as unverifiable with a reply saying so', async () => {
  const { requestId, email, handle } = await stack.start();
  await mailedCode(stack.mail, email);
  await stack.env.sleep('29 days');
  expect((await handle.query('status')) as { status: string }).toMatchObject({ status: 'AWAITING_VERIFICATION' });
  await stack.env.sleep('2 days');
  expect((await handle.result()).status).toBe('UNVERIFIABLE');
  await mailTo(stack.mail, email, /identity not verified/i);
  expect((await requestRow(stack.db, requestId)).status).toBe('UNVERIFIABLE');
});

test('when an agent attests identity at intake, then no code is mailed and the request completes', async () => {
  const { requestId, email, handle } = await stack.start({ attestation: { staffId: 'agent-7', evidenceNote: 'Caller answered the account security questions' } });
  expect((await handle.result()).status).toBe('COMPLETED');
  expect(stack.mail.messages().some((m) => m.to.includes(email) && /verification code/i.test(m.subject))).toBe(false);
  const attested = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'IDENTITY_ATTESTED' } });
  expect(attested.actor).toBe('staff:agent-7');
  // The evidence note is an erasable note the event names, not text in the append-only trail.
  expect(attested.reason).toBeNull();
  const note = await stack.db.auditNote.findUniqueOrThrow({ where: { id: (attested.details as { noteId: string }).noteId } });
  expect(createFieldCipher(REPLAY_KEYRING).decrypt(note.body!, 'AuditNote.body')).toContain('security questions');
});

test('when the subject withdraws while verification is pending, then the request closes as withdrawn and nothing is fulfilled', async () => {
  const { requestId, email, handle } = await stack.start();
  await mailedCode(stack.mail, email);
  const after = await handle.executeUpdate(withdrawUpdate, { args: [{ actor: 'subject', reason: 'changed my mind' }] });
  expect(after.status).toBe('AWAITING_VERIFICATION');
  expect((await handle.result()).status).toBe('WITHDRAWN');
  await mailTo(stack.mail, email, /withdrawn/i);
  const actions = await auditActions(stack.db, requestId);
  expect(actions).not.toContain('STORE_FULFILLED');
  expect((await requestRow(stack.db, requestId)).outcome).toBe('WITHDRAWN');
});

test('when an update comes in the wrong state, then its validator rejects it with a clear message and nothing changes', async () => {
  const { requestId, email, handle } = await stack.start();
  await mailedCode(stack.mail, email);
  // The deadline watch alerts staff on its own schedule (time skips while tests wait on mail),
  // so the comparison leaves its alerts out: what the refused update could have written stays in.
  const trail = async () => (await auditActions(stack.db, requestId)).filter((a) => a !== 'STAFF_NOTIFIED');
  const auditBefore = await trail();
  // The request waits for its code, so a fee answer is out of place: the validator, not a
  // closed workflow, must be what refuses it.
  await expect(handle.executeUpdate(answerFeeUpdate, { args: [{ accept: true }] })).rejects.toMatchObject(refusedWith(/Not possible while the request is AWAITING_VERIFICATION/));
  expect((await handle.query(statusQuery)).status).toBe('AWAITING_VERIFICATION');
  expect(await trail()).toEqual(auditBefore);
  await handle.terminate('test over');
});
