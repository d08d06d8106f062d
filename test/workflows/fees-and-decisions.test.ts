// Assessment branches: duplicate linked, fee declined, fee waived, fee unanswered,
// excessive request refused by compliance.
import { createFieldCipher } from '../../crypto/field-cipher';
import { REPLAY_KEYRING } from '../fixtures/replay-keyring';
import { answerFeeUpdate, decideUpdate, waiveFeeUpdate, statusQuery } from '../../workflows/messages';
import { eventually } from '../support/http';
import { STAFF_MAILBOX, startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { approveErasure, mailTo, refusedWith, requestRow, seedEarlierRequests, subjectIdOf } from './helpers';

let stack: WorkflowStack;
beforeAll(async () => {
  stack = await startWorkflowStack();
});
afterAll(async () => stack?.close());

const attested = { staffId: 'agent-1', evidenceNote: 'ID card checked in person' };

/** A subject whose history already holds `earlier` verified requests in the fee window. */
async function subjectWithHistory(earlier: number) {
  const first = await stack.start({ attestation: attested });
  await first.handle.result();
  await seedEarlierRequests(stack.db, await subjectIdOf(stack.db, first.requestId), earlier - 1, 'ACCESS', stack.now());
  return first.email;
}

async function awaitStatus(handle: Awaited<ReturnType<WorkflowStack['start']>>['handle'], status: string) {
  return eventually(async () => ((await handle.query(statusQuery)).status === status ? true : null));
}

test('when an identical request is still open, then the new one is linked to it as a duplicate and not processed twice', async () => {
  // Only a verified open request is an original (an unverified one is superseded instead):
  // here an attested deletion waiting for its second person's approval.
  const open = await stack.start({ type: 'DELETION', attestation: attested });
  await awaitStatus(open.handle, 'AWAITING_APPROVAL');
  const second = await stack.start({ type: 'DELETION', email: open.email, attestation: attested });
  await approveErasure(second.handle);
  expect((await second.handle.result()).status).toBe('DUPLICATE');
  const row = await requestRow(stack.db, second.requestId);
  expect(row.duplicateOfId).toBe(open.requestId);
  expect((await mailTo(stack.mail, open.email, /duplicate|重复/i)).text).toContain(open.requestId);
  expect(await stack.db.storeTask.count({ where: { requestId: second.requestId } })).toBe(0);
  await open.handle.terminate('test done');
});

test('when a third request comes within a year, then a fee is quoted, and declining it closes the request', async () => {
  const email = await subjectWithHistory(2);
  const { requestId, handle } = await stack.start({ email, attestation: attested });
  await awaitStatus(handle, 'AWAITING_FEE');
  const quote = await mailTo(stack.mail, email, /fee|费用/i);
  expect(quote.text).toContain('30');
  expect(quote.text).toContain('CNY');
  // The link to answer opens the subject's status page: it carries a status token, as the intake answer does.
  expect(quote.text).toMatch(new RegExp(`/portal/requests/${requestId}\\?token=[\\w-]+\\.\\d+\\s`));
  await handle.executeUpdate(answerFeeUpdate, { args: [{ accept: false }] });
  expect((await handle.result()).status).toBe('WITHDRAWN');
  expect((await requestRow(stack.db, requestId)).outcome).toBe('FEE_DECLINED');
});

test('when the subject accepts the fee days later, then the wait is recorded and, under PIPL, does not move the deadline', async () => {
  const email = await subjectWithHistory(2);
  const { requestId, handle } = await stack.start({ email, attestation: attested });
  await awaitStatus(handle, 'AWAITING_FEE');
  const dueBefore = (await requestRow(stack.db, requestId)).dueAt;
  await stack.env.sleep('5 days');
  await handle.executeUpdate(answerFeeUpdate, { args: [{ accept: true }] });
  expect((await handle.result()).status).toBe('COMPLETED');
  const paused = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'CLOCK_PAUSED' } });
  expect(paused.reason).toMatch(/waited for the subject \(fee\)/);
  expect((paused.details as { basis: string }).basis).toMatch(/not deducted/);
  expect((await requestRow(stack.db, requestId)).dueAt).toEqual(dueBefore);
});

test('when staff waive the fee, then the request is fulfilled free of charge', async () => {
  const email = await subjectWithHistory(2);
  const { requestId, handle } = await stack.start({ email, attestation: attested });
  await awaitStatus(handle, 'AWAITING_FEE');
  const after = await handle.executeUpdate(waiveFeeUpdate, { args: [{ staffId: 'officer-2', reason: 'Hardship: first request about this account' }] });
  expect(after.fee?.state).toBe('WAIVED');
  expect((await handle.result()).status).toBe('COMPLETED');
  const waived = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'FEE_WAIVED' } });
  expect(waived.actor).toBe('staff:officer-2');
});

test('when the fee quote goes unanswered past its window, then the request closes and the subject is told', async () => {
  const email = await subjectWithHistory(2);
  const { requestId, handle } = await stack.start({ email, attestation: attested });
  await awaitStatus(handle, 'AWAITING_FEE');
  await stack.env.sleep('31 days');
  expect((await handle.result()).status).toBe('WITHDRAWN');
  expect((await requestRow(stack.db, requestId)).outcome).toBe('FEE_UNANSWERED');
});

test('when a subject floods requests, then compliance is asked to decide and may refuse with a recorded ground', async () => {
  const email = await subjectWithHistory(6);
  const { requestId, handle } = await stack.start({ email, attestation: attested });
  await awaitStatus(handle, 'AWAITING_DECISION');
  await mailTo(stack.mail, STAFF_MAILBOX, /decision/i);
  await expect(
    handle.executeUpdate(decideUpdate, { args: [{ staffId: 'officer-1', decision: 'REFUSE', grounds: [], reason: 'Too many requests' }] }),
  ).rejects.toMatchObject(refusedWith(/at least one legal ground/));
  await handle.executeUpdate(decideUpdate, {
    args: [{ staffId: 'officer-1', decision: 'REFUSE', grounds: [{ code: 'MALICE_OR_ABUSE_OF_RIGHTS', citation: 'GB/T 35273-2020 §8.7' }], reason: 'Seven identical requests in ten weeks' }],
  });
  expect((await handle.result()).status).toBe('REFUSED');
  const row = await requestRow(stack.db, requestId);
  expect(row.outcome).toBe('REFUSED_EXCESSIVE');
  const decision = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'DECISION_REFUSE' } });
  // The decision's reasons are an erasable note the event names, not text in the append-only trail.
  expect(decision.reason).toBeNull();
  const note = await stack.db.auditNote.findUniqueOrThrow({ where: { id: (decision.details as { noteId: string }).noteId } });
  expect(createFieldCipher(REPLAY_KEYRING).decrypt(note.body!, 'AuditNote.body')).toContain('Seven identical');
  expect((await mailTo(stack.mail, email, /cannot act|无法满足/i)).text).toContain('GB/T 35273-2020');
});
