// Fulfilment branches: deletion with a legal hold, a hold placed while a deletion waits,
// a failing store retried, a failing store skipped with a justification, a partial refusal.
import { NOTE_ERASED } from '../../db/audit-notes';
import { attestIdentityUpdate, decideUpdate, retryStoreUpdate, skipStoreUpdate, statusQuery } from '../../workflows/messages';
import { eventually } from '../support/http';
import { PartnerStore } from '../support/partner-store';
import { STAFF_MAILBOX, startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { mailTo, refusedWith, requestRow, subjectIdOf, approveErasure } from './helpers';

let stack: WorkflowStack;
const partner = new PartnerStore();
beforeAll(async () => {
  stack = await startWorkflowStack([partner]);
});
afterAll(async () => stack?.close());
beforeEach(() => {
  partner.failing = false;
});

const attested = { staffId: 'agent-1', evidenceNote: 'ID card checked in person' };

async function untilStatus(handle: Awaited<ReturnType<WorkflowStack['start']>>['handle'], status: string) {
  return eventually(async () => ((await handle.query(statusQuery)).status === status ? true : null), 60_000);
}

/** A subject with an account row and two service-log rows. */
async function deletionSubject() {
  const started = await stack.start({ type: 'DELETION', attestation: attested });
  await approveErasure(started.handle);
  return started;
}

async function placeHold(requestId: string, store: string | null) {
  return stack.db.legalHold.create({
    data: {
      subjectId: await subjectIdOf(stack.db, requestId),
      store,
      authority: 'Shenzhen Public Security Bureau',
      reason: 'Preservation order in an open case',
      basis: 'Cybersecurity Law of the PRC art. 21 (log retention)',
      startsAt: new Date(stack.now().getTime() - 60_000),
      createdBy: 'staff:officer-1',
    },
  });
}

test('when a store keeps failing, then the request is stuck with the reason, staff are alerted, and a retry completes it', async () => {
  partner.failing = true;
  const { requestId, email, handle } = await deletionSubject();
  await untilStatus(handle, 'STUCK');
  const snapshot = await handle.query(statusQuery);
  expect(snapshot.stores['partner-crm']).toMatchObject({ status: 'FAILED' });
  expect(snapshot.stores['partner-crm']!.reason).toContain('503');
  expect((await requestRow(stack.db, requestId)).stuck).toBe(true);
  await mailTo(stack.mail, STAFF_MAILBOX, /escalat/i);

  partner.failing = false;
  await handle.executeUpdate(retryStoreUpdate, { args: [{ staffId: 'officer-1', store: 'partner-crm' }] });
  expect((await handle.result()).status).toBe('COMPLETED');
  expect(await stack.db.customerAccount.count({ where: { email } })).toBe(0);
  const task = await stack.db.storeTask.findUniqueOrThrow({ where: { requestId_store: { requestId, store: 'partner-crm' } } });
  expect(task.status).toBe('DONE');
});

test('when compliance skips a failing store, then the justification is recorded and the reply says what was skipped', async () => {
  partner.failing = true;
  const { requestId, handle } = await deletionSubject();
  await untilStatus(handle, 'STUCK');
  await expect(handle.executeUpdate(skipStoreUpdate, { args: [{ staffId: 'officer-1', store: 'partner-crm', justification: '' }] })).rejects.toMatchObject(refusedWith(/A justification is required/));
  await handle.executeUpdate(skipStoreUpdate, { args: [{ staffId: 'officer-1', store: 'partner-crm', justification: 'Partner confirmed in writing it holds no data since 2025' }] });
  expect((await handle.result()).status).toBe('COMPLETED');
  const task = await stack.db.storeTask.findUniqueOrThrow({ where: { requestId_store: { requestId, store: 'partner-crm' } } });
  expect(task.status).toBe('SKIPPED');
  // Recorded until the erasure completed, then cleared with the subject's other notes (the certificate keeps it).
  expect(task.justification).toBe(NOTE_ERASED);
  expect(await stack.db.auditEvent.count({ where: { requestId, action: 'STORE_SKIPPED' } })).toBe(1);
});

test('when a legal hold covers a store, then deletion keeps its data and the certificate cites the basis', async () => {
  const { requestId, email, handle } = await stack.start({ type: 'DELETION' });
  await untilStatus(handle, 'AWAITING_VERIFICATION');
  await placeHold(requestId, 'partner-crm');
  await handle.executeUpdate(attestIdentityUpdate, { args: [{ staffId: 'agent-1', evidenceNote: 'ID card checked in person' }] });
  await approveErasure(handle);
  expect((await handle.result()).status).toBe('COMPLETED');
  const task = await stack.db.storeTask.findUniqueOrThrow({ where: { requestId_store: { requestId, store: 'partner-crm' } } });
  expect(JSON.stringify(task.retained)).toContain('LEGAL_HOLD');
  expect(await stack.db.customerAccount.count({ where: { email } })).toBe(0);
  const certificate = await mailTo(stack.mail, email, /delet|删除/i);
  expect(certificate.text).toContain('Cybersecurity Law');
});

test('when a hold is placed while the deletion waits on a failing store, then the retried erase respects it', async () => {
  partner.failing = true;
  const { requestId, handle } = await deletionSubject();
  await untilStatus(handle, 'STUCK');
  await placeHold(requestId, null);
  partner.failing = false;
  await handle.executeUpdate(retryStoreUpdate, { args: [{ staffId: 'officer-1', store: 'partner-crm' }] });
  expect((await handle.result()).status).toBe('COMPLETED');
  const task = await stack.db.storeTask.findUniqueOrThrow({ where: { requestId_store: { requestId, store: 'partner-crm' } } });
  expect(JSON.stringify(task.retained)).toContain('LEGAL_HOLD');
  expect(partner.erasedFor.has(await subjectIdOf(stack.db, requestId))).toBe(false);
});

test('when an exemption signal is on record, then compliance may refuse in part and the excluded category is kept with its ground', async () => {
  const { requestId, handle } = await stack.start({ type: 'DELETION' });
  await untilStatus(handle, 'AWAITING_VERIFICATION');
  await stack.db.exemptionSignal.create({ data: { subjectId: await subjectIdOf(stack.db, requestId), ground: 'CRIMINAL_PROCEEDINGS', note: 'Investigation order 2026-114', createdBy: 'staff:officer-1' } });
  await handle.executeUpdate(attestIdentityUpdate, { args: [{ staffId: 'agent-1', evidenceNote: 'Verified by video call with ID card' }] });
  await approveErasure(handle);
  await untilStatus(handle, 'AWAITING_DECISION');
  await handle.executeUpdate(decideUpdate, {
    args: [{
      staffId: 'officer-1',
      decision: 'REFUSE_IN_PART',
      grounds: [{ code: 'CRIMINAL_PROCEEDINGS', citation: 'PIPL art 18; GB/T 35273-2020 §8.7' }],
      excluded: [{ category: 'marketing', ground: 'CRIMINAL_PROCEEDINGS', citation: 'PIPL art 18' }],
      reason: 'Marketing records are evidence in an open investigation',
    }],
  });
  expect((await handle.result()).status).toBe('COMPLETED');
  expect((await requestRow(stack.db, requestId)).outcome).toBe('FULFILLED_IN_PART');
  const task = await stack.db.storeTask.findUniqueOrThrow({ where: { requestId_store: { requestId, store: 'partner-crm' } } });
  expect(JSON.stringify(task.retained)).toContain('EXEMPTION');
});
