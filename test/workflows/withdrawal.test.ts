// Withdrawal in every status: before fulfilment it closes the request as WITHDRAWN; once
// fulfilment has begun (IN_FULFILMENT, STUCK) or the request is closed it is refused with a
// reason, through the same use case the API and portal call.
import { REQUEST_STATUSES, WITHDRAWABLE_STATUSES, type RequestStatus } from '../../domain/status';
import { AppError } from '../../server/app-error';
import type { ServerDeps } from '../../server/deps';
import { withdrawRequest } from '../../server/use-cases/subject-actions';
import { createManualStore } from '../../stores/manual-store';
import { completeManualTaskUpdate, decideUpdate, retryStoreUpdate, statusQuery, withdrawUpdate } from '../../workflows/messages';
import { eventually } from '../support/http';
import { PartnerStore } from '../support/partner-store';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { mailTo, mailedCode, requestRow, seedEarlierRequests, subjectIdOf, approveErasure } from './helpers';

const paperArchive = createManualStore({ name: 'paper-archive', categories: ['paper-contract'], instructions: 'Search archive room B by the e-mail on the cover sheet.' });
const partner = new PartnerStore();
let stack: WorkflowStack;
let deps: ServerDeps;
beforeAll(async () => {
  stack = await startWorkflowStack([partner, paperArchive]);
  deps = { temporal: stack.client, db: stack.db, clock: () => new Date() } as unknown as ServerDeps;
});
afterAll(async () => stack?.close());
beforeEach(() => {
  partner.failing = false;
});

type Started = Awaited<ReturnType<WorkflowStack['start']>>;
const attested = { staffId: 'agent-1', evidenceNote: 'ID card checked in person' };
const tested = new Set<RequestStatus>();

async function untilStatus(handle: Started['handle'], status: RequestStatus) {
  await eventually(async () => ((await handle.query(statusQuery)).status === status ? true : null), 60_000);
}

/** Withdraws as the subject and expects the request to close as WITHDRAWN with a confirmation and nothing fulfilled. */
async function expectWithdrawn({ requestId, email, handle, firstAnswer }: Started, from: RequestStatus) {
  const answer = firstAnswer ?? (await withdrawRequest(deps, requestId, 'changed my mind'));
  expect(answer.status).toBe(from);
  expect((await handle.result()).status).toBe('WITHDRAWN');
  expect(await requestRow(stack.db, requestId)).toMatchObject({ status: 'WITHDRAWN', outcome: 'WITHDRAWN' });
  await mailTo(stack.mail, email, /withdrawn/i);
  expect(await stack.db.storeTask.count({ where: { requestId } })).toBe(0);
  tested.add(from);
}

/** Expects the subject's withdrawal of an open request to be refused with 409 and `message`, the request staying as it was. */
async function expectRefused({ requestId }: Started, status: RequestStatus, message: RegExp) {
  const refusal = await withdrawRequest(deps, requestId, 'changed my mind').catch((err: unknown) => err);
  expect(refusal).toBeInstanceOf(AppError);
  expect(refusal).toMatchObject({ status: 409, code: 'WRONG_STATE', message: expect.stringMatching(message) });
  expect(await stack.db.auditEvent.count({ where: { requestId, action: { contains: 'WITHDRAW' } } })).toBe(0);
  expect((await requestRow(stack.db, requestId)).status).toBe(status);
  tested.add(status);
}

/** Expects the withdrawal of a closed request to be refused, the request staying closed as it was. */
async function expectRefusedClosed({ requestId }: Started, status: RequestStatus) {
  const withdrawalsBefore = await stack.db.auditEvent.count({ where: { requestId, action: { contains: 'WITHDRAW' } } });
  const refusal = await withdrawRequest(deps, requestId, 'changed my mind').catch((err: unknown) => err);
  expect(refusal).toBeInstanceOf(AppError);
  // The real server answers an update to a finished run "already completed" (409 here); the
  // time-skipping test server answers NOT_FOUND (404). Either way nothing is withdrawn.
  expect([404, 409]).toContain((refusal as AppError).status);
  expect(await stack.db.auditEvent.count({ where: { requestId, action: { contains: 'WITHDRAW' } } })).toBe(withdrawalsBefore);
  expect((await requestRow(stack.db, requestId)).status).toBe(status);
  tested.add(status);
}

/** A subject whose history holds `earlier` verified requests in the fee window. */
async function subjectWithHistory(earlier: number): Promise<string> {
  const first = await stack.start({ attestation: attested });
  await untilStatus(first.handle, 'IN_FULFILMENT');
  await completeTask(first);
  await first.handle.result();
  await seedEarlierRequests(stack.db, await subjectIdOf(stack.db, first.requestId), earlier - 1);
  return first.email;
}

async function completeTask({ requestId, handle }: Started) {
  await eventually(async () => ((await stack.db.manualTask.findUnique({ where: { requestId_store: { requestId, store: 'paper-archive' } } }))?.status === 'OPEN' ? true : null), 60_000);
  await eventually(async () => ((await handle.query(statusQuery)).stores['paper-archive'] ? true : null));
  await handle.executeUpdate(completeManualTaskUpdate, { args: [{ staffId: 'clerk-1', store: 'paper-archive', note: 'Checked the cabinets, nothing there', nothingFound: true }] });
}

const FULFILMENT_BEGUN = /Fulfilment has begun.*cannot be undone.*Contact us/;

test('when the request was only just received, then it can be withdrawn', async () => {
  // Sent with the start, so the run takes it before its first step: an attested request's
  // automatic steps (local activities) would otherwise take it past RECEIVED in its first task.
  const started = await stack.start({ attestation: attested, withUpdate: { update: withdrawUpdate, arg: { actor: 'subject', reason: 'changed my mind' } } });
  await expectWithdrawn(started, 'RECEIVED');
});

test('when the request awaits verification, then it can be withdrawn', async () => {
  const started = await stack.start();
  await mailedCode(stack.mail, started.email);
  await expectWithdrawn(started, 'AWAITING_VERIFICATION');
});

test('when a fee is quoted, then the request can be withdrawn', async () => {
  const started = await stack.start({ email: await subjectWithHistory(2), attestation: attested });
  await untilStatus(started.handle, 'AWAITING_FEE');
  await expectWithdrawn(started, 'AWAITING_FEE');
});

test('when compliance has yet to decide, then the request can be withdrawn', async () => {
  const started = await stack.start({ email: await subjectWithHistory(6), attestation: attested });
  await untilStatus(started.handle, 'AWAITING_DECISION');
  await expectWithdrawn(started, 'AWAITING_DECISION');
});

test('when fulfilment has begun, then a withdrawal is refused with the reason, and the request is completed', async () => {
  const started = await stack.start({ type: 'DELETION', attestation: attested });
  await approveErasure(started.handle);
  await untilStatus(started.handle, 'IN_FULFILMENT');
  await expectRefused(started, 'IN_FULFILMENT', FULFILMENT_BEGUN);
  await completeTask(started);
  expect((await started.handle.result()).status).toBe('COMPLETED');
  // Once closed, it is refused as closed.
  await expectRefusedClosed(started, 'COMPLETED');
});

test('when a store is stuck, then a withdrawal is refused with the reason, and a retry completes the request', async () => {
  partner.failing = true;
  const started = await stack.start({ type: 'DELETION', attestation: attested });
  await approveErasure(started.handle);
  await untilStatus(started.handle, 'STUCK');
  await expectRefused(started, 'STUCK', FULFILMENT_BEGUN);
  // Staff are refused the same way.
  await expect(started.handle.executeUpdate(withdrawUpdate, { args: [{ actor: 'staff:officer-1', reason: 'Subject asked by phone' }] })).rejects.toThrow();
  partner.failing = false;
  await started.handle.executeUpdate(retryStoreUpdate, { args: [{ staffId: 'officer-1', store: 'partner-crm' }] });
  await completeTask(started);
  expect((await started.handle.result()).status).toBe('COMPLETED');
});

test('when the request was refused, withdrawn, a duplicate or unverifiable, then a withdrawal is refused as closed', async () => {
  const refused = await stack.start({ email: await subjectWithHistory(6), attestation: attested });
  await untilStatus(refused.handle, 'AWAITING_DECISION');
  await refused.handle.executeUpdate(decideUpdate, {
    args: [{ staffId: 'officer-1', decision: 'REFUSE', grounds: [{ code: 'MALICE_OR_ABUSE_OF_RIGHTS', citation: 'GB/T 35273-2020 §8.7' }], reason: 'Seven identical requests in ten weeks' }],
  });
  expect((await refused.handle.result()).status).toBe('REFUSED');
  await expectRefusedClosed(refused, 'REFUSED');

  const withdrawn = await stack.start();
  await mailedCode(stack.mail, withdrawn.email);
  await withdrawRequest(deps, withdrawn.requestId);
  expect((await withdrawn.handle.result()).status).toBe('WITHDRAWN');
  await expectRefusedClosed(withdrawn, 'WITHDRAWN');

  // A duplicate repeats a verified open request: here an attested deletion awaiting approval.
  const original = await stack.start({ type: 'DELETION', attestation: attested });
  await untilStatus(original.handle, 'AWAITING_APPROVAL');
  const duplicate = await stack.start({ type: 'DELETION', email: original.email, attestation: attested });
  await approveErasure(duplicate.handle);
  expect((await duplicate.handle.result()).status).toBe('DUPLICATE');
  await expectRefusedClosed(duplicate, 'DUPLICATE');
  await original.handle.terminate('test done');

  const open = await stack.start();
  await mailedCode(stack.mail, open.email);

  // The open one runs out of its verification window (30 days under PIPL).
  await stack.env.sleep('31 days');
  expect((await open.handle.result()).status).toBe('UNVERIFIABLE');
  await expectRefusedClosed(open, 'UNVERIFIABLE');
});

test('when an attested deletion awaits approval, then the subject may still withdraw it', async () => {
  const started = await stack.start({ type: 'DELETION', attestation: attested });
  await untilStatus(started.handle, 'AWAITING_APPROVAL');
  await expectWithdrawn(started, 'AWAITING_APPROVAL');
});

test('every status was tried, and those that allow withdrawal are exactly the ones before fulfilment', () => {
  expect([...tested].sort()).toEqual([...REQUEST_STATUSES].sort());
  expect([...WITHDRAWABLE_STATUSES].sort()).toEqual(['AWAITING_APPROVAL', 'AWAITING_DECISION', 'AWAITING_FEE', 'AWAITING_VERIFICATION', 'RECEIVED']);
});
