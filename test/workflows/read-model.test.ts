// PostgreSQL is the read model of a request (activities/request-state.ts): what the portal, the
// API and the console show is written to the request's row by the step that changes it, and
// read from there without asking the workflow. And an automatic request runs its short
// database steps as local activities, scheduling only mail and store work on the server.
import { requestStatus } from '../../server/use-cases/request-status';
import { answerFeeUpdate, statusQuery } from '../../workflows/messages';
import { eventually } from '../support/http';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { requestRow, seedEarlierRequests, subjectIdOf } from './helpers';

let stack: WorkflowStack;
beforeAll(async () => {
  stack = await startWorkflowStack();
});
afterAll(async () => stack?.close());

const attested = { staffId: 'agent-1', evidenceNote: 'ID card checked in person' };

/** The status view as the portal reads it: the database only (no Temporal client is given). */
const readStatus = (requestId: string) => requestStatus({ db: stack.db }, requestId);

test('when a request waits for its fee answer, then the row shows what the workflow holds, and the answer and the close are written as they happen', async () => {
  const first = await stack.start({ attestation: attested });
  await first.handle.result();
  await seedEarlierRequests(stack.db, await subjectIdOf(stack.db, first.requestId), 1, 'ACCESS', stack.now());
  const { requestId, handle } = await stack.start({ email: first.email, attestation: attested });
  // Started straight on Temporal (no intake), the row lands with the workflow's first step.
  await eventually(async () => ((await readStatus(requestId).catch(() => null))?.status === 'AWAITING_FEE' ? true : null));

  const live = await handle.query(statusQuery);
  const read = await readStatus(requestId);
  expect(read).toMatchObject({ status: live.status, awaiting: 'SUBJECT_FEE_ANSWER', fee: live.fee, extensions: live.extensions, dueAt: live.dueAt });
  expect(read.fee).toMatchObject({ state: 'QUOTED', currency: 'CNY' });

  await handle.executeUpdate(answerFeeUpdate, { args: [{ accept: true }] });
  // The answer's activity wrote it before the update returned.
  expect((await readStatus(requestId)).fee).toMatchObject({ state: 'ACCEPTED' });

  expect((await handle.result()).status).toBe('COMPLETED');
  const closed = await readStatus(requestId);
  expect(closed).toMatchObject({ status: 'COMPLETED', awaiting: null, fee: { state: 'ACCEPTED' } });
  expect(closed.closedAt).not.toBeNull();
  expect((await requestRow(stack.db, requestId)).outcome).toBe('FULFILLED');
});

test('when an automatic access request runs, then it schedules at most 5 activities on the server and runs its database steps locally', async () => {
  const { handle } = await stack.start({ attestation: attested });
  expect((await handle.result()).status).toBe('COMPLETED');
  const events = (await handle.fetchHistory()).events ?? [];
  const scheduled = events.flatMap((e) => (e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes.activityType?.name] : []));
  const local = events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity');
  // Planning the stores, the store work, the reply: nothing else goes through the server.
  expect(scheduled.length).toBeLessThanOrEqual(5);
  expect(scheduled.filter((name) => name !== 'fulfilStore')).toEqual(['planFulfilment', 'sendFinalReply']);
  // Opening, the attestation's check and decision, the clock, the assessment, two moves, the manual tasks.
  expect(local.length).toBeGreaterThanOrEqual(7);
});
