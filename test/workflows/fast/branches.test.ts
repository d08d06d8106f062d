// One test per branch of the request procedure, with activities as jest.fn (fast-stack.ts):
// each shows the status the request ends in and the side effects the workflow asked for.
import type { WorkflowHandle } from '@temporalio/client';
import {
  answerFeeUpdate,
  approveErasureUpdate,
  attestIdentityUpdate,
  decideUpdate,
  extendDeadlineUpdate,
  completeManualTaskUpdate,
  retryStoreUpdate,
  skipStoreUpdate,
  statusQuery,
  supersededSignal,
  verifyIdentityUpdate,
  waiveFeeUpdate,
  type DsrStatus,
} from '../../../workflows/messages';
import { eventually } from '../../support/http';
import { fakeActivities, PLAIN_ASSESSMENT, startFastStack, untilStatus, type FastStack } from './fast-stack';

let stack: FastStack;
beforeAll(async () => {
  stack = await startFastStack();
});
afterAll(async () => {
  await stack?.close();
});

const result = (handle: WorkflowHandle) => handle.result() as Promise<DsrStatus>;
const noticeKinds = (acts: ReturnType<typeof fakeActivities>) => acts.notifySubject.mock.calls.map(([n]) => n.notice.kind);

describe('identity', () => {
  test('when the subject enters the mailed code, then the request is fulfilled and answered', async () => {
    const { handle, acts } = await stack.start();
    await untilStatus(handle, 'AWAITING_VERIFICATION');
    await handle.executeUpdate(verifyIdentityUpdate, { args: [{ code: '12345678' }] });
    expect(await result(handle)).toMatchObject({ status: 'COMPLETED', outcome: 'FULFILLED' });
    expect(acts.sendVerificationCode).toHaveBeenCalledTimes(1);
    expect(acts.fulfilStore).toHaveBeenCalledWith(expect.objectContaining({ store: 'customer-accounts', type: 'ACCESS' }));
    expect(acts.sendFinalReply).toHaveBeenCalledTimes(1);
  });

  test('when staff attest the identity at intake, then no code is mailed and the request is fulfilled', async () => {
    const { handle, acts } = await stack.start({ attestation: { staffId: 'agent-1', evidenceNote: 'Security questions answered', assertion: 'signed' } });
    expect(await result(handle)).toMatchObject({ status: 'COMPLETED' });
    expect(acts.sendVerificationCode).not.toHaveBeenCalled();
  });

  test('when staff attest the identity while the code is awaited, then the request goes on without the code', async () => {
    const { handle, acts } = await stack.start();
    await untilStatus(handle, 'AWAITING_VERIFICATION');
    await handle.executeUpdate(attestIdentityUpdate, { args: [{ staffId: 'agent-2', evidenceNote: 'Called back on the number on file' }] });
    expect(await result(handle)).toMatchObject({ status: 'COMPLETED' });
    expect(acts.checkVerificationCode).not.toHaveBeenCalled();
  });

  test('when the code is never entered, then the request closes as unverifiable and the subject is told', async () => {
    const { handle, acts } = await stack.start();
    expect(await result(handle)).toMatchObject({ status: 'UNVERIFIABLE', outcome: 'UNVERIFIABLE' });
    expect(acts.sendUnverifiableNotice).toHaveBeenCalledTimes(1);
    expect(acts.assessRequest).not.toHaveBeenCalled();
  });

  test('when a verified request of the same subject supersedes it, then it closes as superseded and names the standing one', async () => {
    const { handle, acts } = await stack.start();
    await untilStatus(handle, 'AWAITING_VERIFICATION');
    await handle.signal(supersededSignal, { byRequestId: 'standing-request' });
    expect(await result(handle)).toMatchObject({ status: 'WITHDRAWN', outcome: 'SUPERSEDED' });
    expect(acts.confirmSupersession).toHaveBeenCalledWith(expect.objectContaining({ byRequestId: 'standing-request' }));
    expect(noticeKinds(acts)).toContain('superseded');
  });
});

describe('four eyes on an attested erasure', () => {
  const attestation = { staffId: 'agent-1', evidenceNote: 'Security questions answered', assertion: 'signed' };

  test('when a second person approves, then the erasure goes ahead', async () => {
    const { handle, acts } = await stack.start({ type: 'DELETION', attestation });
    await untilStatus(handle, 'AWAITING_APPROVAL');
    await handle.executeUpdate(approveErasureUpdate, { args: [{ staffId: 'officer-2', approve: true, reason: 'Evidence checked' }] });
    expect(await result(handle)).toMatchObject({ status: 'COMPLETED' });
    expect(acts.fulfilStore).toHaveBeenCalledWith(expect.objectContaining({ type: 'DELETION' }));
  });

  test('when the second person rejects, then nothing is erased and the request closes as unverifiable', async () => {
    const { handle, acts } = await stack.start({ type: 'DELETION', attestation });
    await untilStatus(handle, 'AWAITING_APPROVAL');
    await handle.executeUpdate(approveErasureUpdate, { args: [{ staffId: 'officer-2', approve: false, reason: 'Evidence too thin' }] });
    expect(await result(handle)).toMatchObject({ status: 'UNVERIFIABLE', outcome: 'ATTESTATION_REJECTED' });
    expect(acts.fulfilStore).not.toHaveBeenCalled();
  });
});

describe('assessment', () => {
  const attestation = { staffId: 'agent-1', evidenceNote: 'Security questions answered', assertion: 'signed' };

  test('when the request repeats an open one, then it closes as a duplicate', async () => {
    const acts = fakeActivities();
    acts.assessRequest.mockResolvedValue({ ...PLAIN_ASSESSMENT, duplicateOf: 'original' });
    const { handle } = await stack.start({ attestation, acts });
    expect(await result(handle)).toMatchObject({ status: 'DUPLICATE' });
    expect(noticeKinds(acts)).toContain('duplicate');
  });

  test.each([
    ['REFUSE', 'REFUSED', 'REFUSED_EXEMPT'],
    ['PROCEED', 'COMPLETED', 'FULFILLED'],
  ] as const)('when compliance decides %s on an exemption signal, then the request ends %s', async (decision, status, outcome) => {
    const acts = fakeActivities();
    acts.assessRequest.mockResolvedValue({ ...PLAIN_ASSESSMENT, exemptionGrounds: [{ code: 'LEGAL_CLAIMS', citation: 'art. 17(3)(e)', description: 'legal claims' }] });
    const { handle } = await stack.start({ attestation, acts });
    await untilStatus(handle, 'AWAITING_DECISION');
    await handle.executeUpdate(decideUpdate, { args: [{ staffId: 'officer-1', decision, reason: 'Checked the file', grounds: decision === 'REFUSE' ? [{ code: 'LEGAL_CLAIMS', citation: 'art. 17(3)(e)' }] : [] }] });
    expect(await result(handle)).toMatchObject({ status, outcome });
  });

  const FEE = { amount: 10, currency: 'EUR', citation: 'art. 12(5)' };

  test('when the subject accepts the fee, then the wait is recorded as a pause of the clock and the request is fulfilled', async () => {
    const acts = fakeActivities();
    acts.assessRequest.mockResolvedValue({ ...PLAIN_ASSESSMENT, fee: FEE });
    const { handle } = await stack.start({ attestation, acts });
    await untilStatus(handle, 'AWAITING_FEE');
    await handle.executeUpdate(answerFeeUpdate, { args: [{ accept: true }] });
    expect(await result(handle)).toMatchObject({ status: 'COMPLETED' });
    expect(acts.pauseClock).toHaveBeenCalledWith(expect.objectContaining({ reason: 'fee' }));
  });

  test('when staff waive the fee, then nothing pauses and the request is fulfilled', async () => {
    const acts = fakeActivities();
    acts.assessRequest.mockResolvedValue({ ...PLAIN_ASSESSMENT, fee: FEE });
    const { handle } = await stack.start({ attestation, acts });
    await untilStatus(handle, 'AWAITING_FEE');
    await handle.executeUpdate(waiveFeeUpdate, { args: [{ staffId: 'officer-1', reason: 'Hardship' }] });
    expect(await result(handle)).toMatchObject({ status: 'COMPLETED' });
    expect(acts.pauseClock).not.toHaveBeenCalled();
  });

  test('when the subject declines the fee, then the request closes and the subject is told', async () => {
    const acts = fakeActivities();
    acts.assessRequest.mockResolvedValue({ ...PLAIN_ASSESSMENT, fee: FEE });
    const { handle } = await stack.start({ attestation, acts });
    await untilStatus(handle, 'AWAITING_FEE');
    await handle.executeUpdate(answerFeeUpdate, { args: [{ accept: false }] });
    expect(await result(handle)).toMatchObject({ status: 'WITHDRAWN', outcome: 'FEE_DECLINED' });
    expect(noticeKinds(acts)).toContain('fee-declined');
  });

  test('when the fee is never answered, then the request closes when the window ends', async () => {
    const acts = fakeActivities();
    acts.assessRequest.mockResolvedValue({ ...PLAIN_ASSESSMENT, fee: FEE });
    const { handle } = await stack.start({ attestation, acts });
    expect(await result(handle)).toMatchObject({ status: 'WITHDRAWN', outcome: 'FEE_UNANSWERED' });
    expect(noticeKinds(acts)).toContain('closed-no-fee-answer');
  });
});

describe('erasure and fulfilment', () => {
  test('when an erasure rests on a mailed code, then it waits the announced window and then erases', async () => {
    const { handle, acts } = await stack.start({ type: 'DELETION' });
    await untilStatus(handle, 'AWAITING_VERIFICATION');
    await handle.executeUpdate(verifyIdentityUpdate, { args: [{ code: '12345678' }] });
    expect(await result(handle)).toMatchObject({ status: 'COMPLETED' });
    expect(acts.announceErasure).toHaveBeenCalledTimes(1);
    expect(acts.announceErasure.mock.invocationCallOrder[0]).toBeLessThan(acts.fulfilStore.mock.invocationCallOrder[0]!);
  });

  test.each([
    ['retry', 'COMPLETED'],
    ['skip', 'COMPLETED'],
  ] as const)('when a store keeps failing and compliance chooses %s, then the request leaves STUCK and completes', async (choice, status) => {
    const acts = fakeActivities();
    acts.fulfilStore.mockRejectedValueOnce(new Error('down')).mockRejectedValueOnce(new Error('down')).mockRejectedValueOnce(new Error('down'));
    const attestation = { staffId: 'agent-1', evidenceNote: 'Security questions answered', assertion: 'signed' };
    const { handle } = await stack.start({ attestation, acts });
    await untilStatus(handle, 'STUCK');
    if (choice === 'retry') await handle.executeUpdate(retryStoreUpdate, { args: [{ staffId: 'officer-1', store: 'customer-accounts' }] });
    else await handle.executeUpdate(skipStoreUpdate, { args: [{ staffId: 'officer-1', store: 'customer-accounts', justification: 'System retired' }] });
    expect(await result(handle)).toMatchObject({ status });
    expect(acts.markStoreFailed).toHaveBeenCalledTimes(1);
    if (choice === 'skip') expect(acts.settleStoreByHand).toHaveBeenCalledWith(expect.objectContaining({ how: 'SKIPPED' }));
    else expect(acts.markStoreRetrying).toHaveBeenCalledTimes(1);
  });

  test('when a store is worked by a person, then the request completes once the person confirms the task', async () => {
    const acts = fakeActivities();
    acts.openManualTasks.mockResolvedValue(['customer-accounts']);
    const { handle } = await stack.start({ attestation: { staffId: 'agent-1', evidenceNote: 'Security questions answered', assertion: 'signed' }, acts });
    await untilStatus(handle, 'IN_FULFILMENT');
    await handle.executeUpdate(completeManualTaskUpdate, { args: [{ staffId: 'clerk-1', store: 'customer-accounts', note: 'Paper file searched', nothingFound: true }] });
    expect(await result(handle)).toMatchObject({ status: 'COMPLETED' });
    expect(acts.completeManualTask).toHaveBeenCalledWith(expect.objectContaining({ store: 'customer-accounts', nothingFound: true }));
    expect(acts.fulfilStore).not.toHaveBeenCalled();
  });

  test('when staff extend the deadline, then the new plan is installed and the subject is told', async () => {
    const { handle, acts } = await stack.start();
    await untilStatus(handle, 'AWAITING_VERIFICATION');
    await handle.executeUpdate(extendDeadlineUpdate, { args: [{ staffId: 'officer-1', reason: 'Complex request, many systems' }] });
    expect((await handle.query(statusQuery)).extensions).toBe(1);
    expect(noticeKinds(acts)).toContain('extension-notice');
    await handle.terminate('test done');
  });

  test('when staff extend the deadline of a request an authorized agent filed, then the agent is posted the new expected_by', async () => {
    const { handle, acts } = await stack.start({ drpStatusCallback: true });
    await untilStatus(handle, 'AWAITING_VERIFICATION');
    const postsBefore = acts.postDrpStatusCallback.mock.calls.length;
    await handle.executeUpdate(extendDeadlineUpdate, { args: [{ staffId: 'officer-1', reason: 'Complex request, many systems' }] });
    // The post runs in its own child workflow (drp-callback-<id>-x1), so the request goes on at once.
    await eventually(async () => acts.postDrpStatusCallback.mock.calls.length > postsBefore);
    const child = stack.env.client.workflow.getHandle(`drp-callback-${(await handle.query(statusQuery)).requestId}-x1`);
    expect((await child.describe()).type).toBe('drpStatusCallbackWorkflow');
    await handle.terminate('test done');
  });

  test('when a request an authorized agent filed is fulfilled, then the moves that planning and the reply write are each posted to the agent', async () => {
    const { handle, acts } = await stack.start({ drpStatusCallback: true, attestation: { staffId: 'agent-1', evidenceNote: 'Agent proof checked', assertion: 'signed' } });
    const { requestId } = await result(handle);
    // The move to IN_FULFILMENT rode on planning (t1), the close on the reply (t2): no separate transition activity.
    expect(acts.beginFulfilment).toHaveBeenCalledWith(expect.objectContaining({ move: expect.objectContaining({ to: 'IN_FULFILMENT', eventKey: `${requestId}:t1` }) }));
    expect(acts.sendFinalReply).toHaveBeenCalledWith(expect.objectContaining({ close: expect.objectContaining({ from: 'IN_FULFILMENT', to: 'COMPLETED', outcome: 'FULFILLED', eventKey: `${requestId}:t2` }) }));
    for (const change of ['t1', 't2']) {
      const child = stack.env.client.workflow.getHandle(`drp-callback-${requestId}-${change}`);
      await child.result();
      expect((await child.describe()).type).toBe('drpStatusCallbackWorkflow');
    }
    expect(acts.postDrpStatusCallback).toHaveBeenCalledTimes(2);
  });
});
