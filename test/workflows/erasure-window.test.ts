// The confirmation window before an erasure confirmed by mailed code, on the time-skipping
// server: announced by mail, cancellable by withdrawal, erasing once it has passed.
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { statusQuery, verifyIdentityUpdate, withdrawUpdate } from '../../workflows/messages';
import { approveErasure, auditActions, mailedCode, mailTo } from './helpers';

const DAY_MS = 24 * 60 * 60 * 1000;
let stack: WorkflowStack;
beforeAll(async () => {
  stack = await startWorkflowStack([], { activityOverrides: { deletionConfirmationWindowMs: DAY_MS } });
});
afterAll(async () => stack?.close());

const verified = async (type: 'DELETION' | 'ACCOUNT_CLOSURE') => {
  const started = await stack.start({ type });
  const code = await mailedCode(stack.mail, started.email);
  expect((await started.handle.executeUpdate(verifyIdentityUpdate, { args: [{ code }] })).outcome).toBe('VERIFIED');
  return started;
};

test('when a deletion is verified by code and withdrawn within the window, then nothing is erased', async () => {
  const { requestId, email, handle } = await verified('DELETION');
  const notice = await mailTo(stack.mail, email, /waiting period/i);
  expect(notice.text).toMatch(new RegExp(`/portal/requests/${requestId}\\?token=`));
  await stack.env.sleep('12 hours');
  expect((await handle.query(statusQuery)).status).not.toBe('IN_FULFILMENT');
  await handle.executeUpdate(withdrawUpdate, { args: [{ actor: 'subject', reason: 'cancel link' }] });
  expect((await handle.result()).status).toBe('WITHDRAWN');
  expect(await stack.db.customerAccount.count({ where: { email } })).toBe(1);
  const actions = await auditActions(stack.db, requestId);
  expect(actions).toContain('ERASURE_ANNOUNCED');
  expect(actions).not.toContain('STORE_FULFILLED');
});

test('when the window passes without a withdrawal, then the erasure proceeds', async () => {
  const { requestId, email, handle } = await verified('DELETION');
  await mailTo(stack.mail, email, /waiting period/i);
  await stack.env.sleep('23 hours');
  expect(await auditActions(stack.db, requestId)).not.toContain('STORE_FULFILLED');
  await stack.env.sleep('2 hours');
  expect((await handle.result()).status).toBe('COMPLETED');
  expect(await stack.db.customerAccount.count({ where: { email } })).toBe(0);
  const actions = await auditActions(stack.db, requestId);
  expect(actions.indexOf('ERASURE_ANNOUNCED')).toBeLessThan(actions.indexOf('STORE_FULFILLED'));
});

test('when staff attested the identity, then the erasure waits for a second person, not for the window', async () => {
  const { requestId, handle } = await stack.start({ type: 'DELETION', attestation: { staffId: 'agent-7', evidenceNote: 'Caller answered the account security questions' } });
  await approveErasure(handle);
  expect((await handle.result()).status).toBe('COMPLETED');
  expect(await auditActions(stack.db, requestId)).not.toContain('ERASURE_ANNOUNCED');
});
