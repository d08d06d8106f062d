// Withdrawal in every state that allows it, and its refusal in those that do not, with
// activities as jest.fn (fast-stack.ts); and the deadline recomputation that waits for an
// extension in flight. Each withdrawal ends the request WITHDRAWN, tells the subject, and
// nothing further of the procedure runs.
import { answerFeeUpdate, extendDeadlineUpdate, verifyIdentityUpdate, withdrawUpdate, type DsrStatus } from '../../../workflows/messages';
import type { WorkflowHandle } from '@temporalio/client';
import { fakeActivities, PLAIN_ASSESSMENT, planDueIn, startFastStack, untilStatus, type FakeActivities, type FastStack } from './fast-stack';

let stack: FastStack;
beforeAll(async () => {
  stack = await startFastStack();
});
afterAll(async () => {
  await stack?.close();
});

const attestation = { staffId: 'agent-1', evidenceNote: 'Security questions answered', assertion: 'signed' };
const withdraw = (handle: WorkflowHandle) => handle.executeUpdate(withdrawUpdate, { args: [{ actor: 'subject', reason: 'changed my mind' }] });

/** A promise and the function that settles it: lets a test hold an activity mid-flight. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

async function expectWithdrawn(handle: WorkflowHandle, acts: FakeActivities): Promise<void> {
  expect((await handle.result()) as DsrStatus).toMatchObject({ status: 'WITHDRAWN', outcome: 'WITHDRAWN' });
  expect(acts.notifySubject.mock.calls.map(([n]) => n.notice.kind)).toContain('withdrawn');
  expect(acts.fulfilStore).not.toHaveBeenCalled();
  expect(acts.sendFinalReply).not.toHaveBeenCalled();
}

describe('withdrawal in every state that allows it', () => {
  test('when the subject withdraws while the request is RECEIVED (attested, being assessed), then it is withdrawn before fulfilment', async () => {
    const acts = fakeActivities();
    const assessing = gate();
    acts.assessRequest.mockImplementation(async () => {
      await assessing.opened;
      return PLAIN_ASSESSMENT;
    });
    const { handle } = await stack.start({ attestation, acts });
    while (acts.assessRequest.mock.calls.length === 0) await new Promise((r) => setTimeout(r, 20));
    await withdraw(handle);
    assessing.open();
    await expectWithdrawn(handle, acts);
  });

  test('when the subject withdraws while the code is awaited (AWAITING_VERIFICATION), then it is withdrawn', async () => {
    const { handle, acts } = await stack.start();
    await untilStatus(handle, 'AWAITING_VERIFICATION');
    await withdraw(handle);
    await expectWithdrawn(handle, acts);
    expect(acts.assessRequest).not.toHaveBeenCalled();
  });

  test('when the subject withdraws while the erasure awaits a second person (AWAITING_APPROVAL), then it is withdrawn', async () => {
    const { handle, acts } = await stack.start({ type: 'DELETION', attestation });
    await untilStatus(handle, 'AWAITING_APPROVAL');
    await withdraw(handle);
    await expectWithdrawn(handle, acts);
  });

  test('when the subject withdraws while compliance is to decide (AWAITING_DECISION), then it is withdrawn', async () => {
    const acts = fakeActivities();
    acts.assessRequest.mockResolvedValue({ ...PLAIN_ASSESSMENT, excessive: true, earlierInWindow: 9 });
    const { handle } = await stack.start({ attestation, acts });
    await untilStatus(handle, 'AWAITING_DECISION');
    await withdraw(handle);
    await expectWithdrawn(handle, acts);
  });

  test('when the subject withdraws while a fee is quoted (AWAITING_FEE), then it is withdrawn and no fee answer is taken after', async () => {
    const acts = fakeActivities();
    acts.assessRequest.mockResolvedValue({ ...PLAIN_ASSESSMENT, fee: { amount: 10, currency: 'EUR', citation: 'art. 12(5)' } });
    const { handle } = await stack.start({ attestation, acts });
    await untilStatus(handle, 'AWAITING_FEE');
    await withdraw(handle);
    await expect(handle.executeUpdate(answerFeeUpdate, { args: [{ accept: true }] })).rejects.toMatchObject({ cause: { type: 'WRONG_STATE' } });
    await expectWithdrawn(handle, acts);
  });

  test('when the subject withdraws during the erasure window, then nothing is erased', async () => {
    const { handle, acts } = await stack.start({ type: 'DELETION' });
    await untilStatus(handle, 'AWAITING_VERIFICATION');
    await handle.executeUpdate(verifyIdentityUpdate, { args: [{ code: '12345678' }] });
    while (acts.announceErasure.mock.calls.length === 0) await new Promise((r) => setTimeout(r, 20));
    await withdraw(handle);
    await expectWithdrawn(handle, acts);
  });
});

describe('withdrawal refused', () => {
  test('when fulfilment has begun, then a withdrawal is refused with the code WRONG_STATE and the request completes', async () => {
    const acts = fakeActivities();
    const working = gate();
    acts.fulfilStore.mockImplementation(async ({ store }) => {
      await working.opened;
      return { store, located: {}, processed: 0, retained: [], settledBy: 'ENGINE' };
    });
    const { handle } = await stack.start({ attestation, acts });
    await untilStatus(handle, 'IN_FULFILMENT');
    await expect(withdraw(handle)).rejects.toMatchObject({ cause: { type: 'WRONG_STATE', message: expect.stringMatching(/Fulfilment has begun/) } });
    working.open();
    expect((await handle.result()) as DsrStatus).toMatchObject({ status: 'COMPLETED' });
  });

  test('when the request is already being withdrawn, then a second withdrawal is refused with the code ALREADY_DONE', async () => {
    const acts = fakeActivities();
    const notifying = gate();
    // The withdrawn notice is held, so the request is still open when the second call comes.
    acts.notifySubject.mockImplementation(async ({ notice }) => {
      if (notice.kind === 'withdrawn') await notifying.opened;
    });
    const { handle } = await stack.start({ acts });
    await untilStatus(handle, 'AWAITING_VERIFICATION');
    await withdraw(handle);
    await expect(withdraw(handle)).rejects.toMatchObject({ cause: { type: 'ALREADY_DONE' } });
    notifying.open();
    await expectWithdrawn(handle, acts);
  });
});

describe('the deadline', () => {
  test('when the subject verifies while an extension is being recorded, then the clock starts only after it, so neither plan overwrites the other', async () => {
    const acts = fakeActivities();
    const extending = gate();
    let extended = false;
    acts.extendDeadline.mockImplementation(async () => {
      await extending.opened;
      extended = true;
      return planDueIn(60);
    });
    let clockStartedAfterExtension: boolean | null = null;
    acts.startClock.mockImplementation(async () => {
      clockStartedAfterExtension = extended;
      return planDueIn(90);
    });
    const { handle } = await stack.start({ acts });
    await untilStatus(handle, 'AWAITING_VERIFICATION');
    const extension = handle.executeUpdate(extendDeadlineUpdate, { args: [{ staffId: 'officer-1', reason: 'Many systems to search' }] });
    while (acts.extendDeadline.mock.calls.length === 0) await new Promise((r) => setTimeout(r, 20));
    await handle.executeUpdate(verifyIdentityUpdate, { args: [{ code: '12345678' }] });
    extending.open();
    await extension;
    expect((await handle.result()) as DsrStatus).toMatchObject({ status: 'COMPLETED', extensions: 1 });
    expect(clockStartedAfterExtension).toBe(true);
  });
});
