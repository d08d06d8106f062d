// PostgreSQL is the read model of a request (activities/request-state.ts): what the portal, the
// API and the console show is written to the request's row by the step that changes it, and
// read from there without asking the workflow. And an automatic request runs its short
// database steps as local activities, scheduling only mail and store work on the server.
import { randomUUID } from 'node:crypto';
import { requestStatus } from '../../server/use-cases/request-status';
import { answerFeeUpdate, statusQuery } from '../../workflows/messages';
import { eventually } from '../support/http';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { auditActions, mailTo, requestRow, seedEarlierRequests, subjectIdOf } from './helpers';

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

/** The activity type of a local activity's marker (core_local_activity), from its recorded data. */
function localActivityType(event: { markerRecordedEventAttributes?: { details?: Record<string, { payloads?: Array<{ data?: Uint8Array | null }> | null }> | null } | null }): string {
  const data = event.markerRecordedEventAttributes?.details?.['data']?.payloads?.[0]?.data;
  return data ? (JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type?: string }).activity_type ?? '?' : '?';
}

test('when an automatic access request runs, then its history holds at most 5 activity executions, and its trail, row and reply are those of the separate steps', async () => {
  const { requestId, email, handle } = await stack.start({ attestation: attested });
  const reply = mailTo(stack.mail, email, /The personal information we hold about you/);
  expect((await handle.result()).status).toBe('COMPLETED');
  const events = (await handle.fetchHistory()).events ?? [];
  const scheduled = events.flatMap((e) => (e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes.activityType?.name] : []));
  const local = events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').map(localActivityType);
  // What the bench counts: the one store holding the subject's data, and four steps around it.
  expect(scheduled.length + local.length).toBeLessThanOrEqual(5);
  expect(scheduled).toEqual(['beginFulfilment', 'fulfilStore', 'sendFinalReply']);
  // Opening proves and records the attestation; the clock starts with the assessment.
  expect(local).toEqual(['openRequest', 'startClockAndAssess']);

  // The trail is the separate steps' trail, in their order: each step's events under their keys.
  expect(await auditActions(stack.db, requestId)).toEqual([
    'REQUEST_RECEIVED',
    'DUE_DATE_SET',
    'IDENTITY_ATTESTED',
    'DUE_DATE_SET',
    'ASSESSED',
    'STATUS_CHANGED',
    'FULFILMENT_PLANNED',
    'STORE_FULFILLED',
    'ACCESS_PACKAGE_CREATED',
    'REPLY_SENT',
    'STATUS_CHANGED',
  ]);
  const moves = await stack.db.auditEvent.findMany({ where: { requestId, action: 'STATUS_CHANGED' }, orderBy: { id: 'asc' } });
  expect(moves.map((m) => [m.eventKey, m.details])).toEqual([
    [`${requestId}:t1`, { from: 'RECEIVED', to: 'IN_FULFILMENT' }],
    [`${requestId}:t2`, { from: 'IN_FULFILMENT', to: 'COMPLETED' }],
  ]);
  expect(await stack.db.auditEvent.findUniqueOrThrow({ where: { eventKey: `${requestId}:attested` } })).toMatchObject({ actor: 'staff:agent-1', action: 'IDENTITY_ATTESTED' });
  const row = await requestRow(stack.db, requestId);
  expect(row).toMatchObject({ status: 'COMPLETED', awaiting: null, outcome: 'FULFILLED' });
  expect(row.verifiedAt).not.toBeNull();
  expect(row.closedAt).not.toBeNull();
  // The reply arrived (mailTo fails after 30 s otherwise).
  await reply;
  // Search attributes: all five once, then only what changed (each upsert is a command and a visibility write).
  // (The SDK's own upserts of TemporalChangeVersion, one per patch, are left out.) The plan that
  // the clock's start installed kept the due date, so it sent nothing.
  const upserts = events.flatMap((e) => {
    const keys = Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}).filter((k) => k !== 'TemporalChangeVersion');
    return keys.length > 0 ? [keys.sort()] : [];
  });
  expect(upserts).toEqual([['DsrDueAt', 'DsrRegime', 'DsrStatus', 'DsrStuck', 'DsrType'], ['DsrStatus'], ['DsrStatus']]);
});

test('when an automatic access request finds nothing held (the bench\'s request), then its history holds 4 activity executions and the nothing-held reply is sent', async () => {
  // An address no store knows: the stack seeds no account for a given address.
  const email = `nobody-${randomUUID()}@example.org`;
  const { handle } = await stack.start({ email, attestation: attested });
  const reply = mailTo(stack.mail, email, /We hold no personal information about you/);
  expect((await handle.result()).status).toBe('COMPLETED');
  const events = (await handle.fetchHistory()).events ?? [];
  const scheduled = events.flatMap((e) => (e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes.activityType?.name] : []));
  const local = events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').map(localActivityType);
  expect([...local, ...scheduled]).toEqual(['openRequest', 'startClockAndAssess', 'beginFulfilment', 'sendFinalReply']);
  await reply;
});
