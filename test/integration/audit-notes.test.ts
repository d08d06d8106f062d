// Issue 13 item 7: staff's own words (an agent's evidence note) are kept out of the append-only
// audit trail, in an erasable note the event refers to (so are skip justifications, manual-task
// notes and withdrawal reasons); a completed deletion erases the
// subject's notes, audited by count, while the trail keeps the event and says "note erased".
import { WorkflowNotFoundError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { NOTE_ERASED } from '../../db/audit-notes';
import { decisionActivities } from '../../activities/decisions';
import type { ActivityDeps } from '../../activities/deps';
import { issueDeletionCertificate } from '../../activities/deletion-certificate';
import { manualTaskActivities } from '../../activities/manual-tasks';
import { storeTaskActivities } from '../../activities/store-tasks';
import { transitionActivities } from '../../activities/transitions';
import { createStoreRegistry } from '../../stores/registry';
import { createFieldCipher } from '../../crypto/field-cipher';
import type { ServerDeps } from '../../server/deps';
import { requestTimeline } from '../../server/use-cases/request-timeline';
import { testDb } from '../support/database';
import { testSecrets } from '../support/test-keys';
import { createRequest, createSubject, newEmail } from './fixtures';

const db = testDb();
const cipher = createFieldCipher(testSecrets().keyring);
afterAll(async () => db.$disconnect());

// The workflow is long gone: the timeline reads the database alone.
const gone = { workflow: { getHandle: () => ({ query: async () => Promise.reject(new WorkflowNotFoundError('gone', 'dsr-x', undefined)) }) } };
const serverDeps = { db, cipher, clock: () => new Date(), temporal: gone, identityPepper: testSecrets().identityPepper } as unknown as ServerDeps;
const activityDeps = { db, cipher, clock: () => new Date() } as unknown as ActivityDeps;

test('when a deletion completes, then the evidence note is gone from the notes table and the timeline says "note erased" while the audit row stays', async () => {
  const subjectId = await createSubject(db, cipher, newEmail());
  const requestId = await createRequest(db, subjectId, 'DELETION');
  const note = `Passport seen at the counter, number E${randomUUID().slice(0, 8)}`;
  const { recordDecision } = decisionActivities(activityDeps);
  const attest = () => recordDecision({ requestId, actor: `staff:${randomUUID()}`, action: 'IDENTITY_ATTESTED', reason: note, eventKey: `${requestId}:attested` });
  await attest();
  // A retried activity writes neither a second event nor a second note.
  await attest();

  const [event] = await db.auditEvent.findMany({ where: { requestId, action: 'IDENTITY_ATTESTED' } });
  expect(event?.reason).toBeNull();
  const noteId = (event?.details as { noteId?: string }).noteId!;
  expect(JSON.stringify({ ...event, id: String(event?.id) })).not.toContain('Passport');
  expect(await db.auditNote.count({ where: { requestId } })).toBe(1);
  const stored = await db.auditNote.findUniqueOrThrow({ where: { id: noteId } });
  expect(stored.body).not.toContain('Passport');
  const before = await requestTimeline(serverDeps, requestId);
  expect(before.events.find((e) => e.action === 'IDENTITY_ATTESTED')?.reason).toBe(note);

  await issueDeletionCertificate(activityDeps, requestId, []);

  expect(await db.auditNote.findUniqueOrThrow({ where: { id: noteId } })).toMatchObject({ body: null, erasedAt: expect.any(Date) });
  expect(await db.auditEvent.count({ where: { requestId, action: 'IDENTITY_ATTESTED' } })).toBe(1);
  const erased = await db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'AUDIT_NOTES_ERASED' } });
  expect(erased.details).toEqual({ count: 1 });
  const after = await requestTimeline(serverDeps, requestId);
  expect(after.events.find((e) => e.action === 'IDENTITY_ATTESTED')?.reason).toBe(NOTE_ERASED);
  expect(JSON.stringify(after)).not.toContain('Passport');
});

test('when a store was skipped, a manual task completed and the request withdrawn with reasons, then the words are notes, not trail text, and the subject’s erasure clears them while every audit row stays', async () => {
  const subjectId = await createSubject(db, cipher, newEmail());
  const withdrawnId = await createRequest(db, subjectId, 'ACCESS');
  const deletionId = await createRequest(db, subjectId, 'DELETION');
  const staff = `staff:${randomUUID()}`;
  const words = { skip: `Skipped: invoices of Mr Zhang ${randomUUID().slice(0, 6)}`, manual: `Shredded the paper file of Mr Zhang ${randomUUID().slice(0, 6)}`, withdrawal: `My wife filed this, Zhang ${randomUUID().slice(0, 6)}` };

  const { settleStoreByHand } = storeTaskActivities({ ...activityDeps, stores: createStoreRegistry([]) } as ActivityDeps);
  await settleStoreByHand({ requestId: deletionId, store: 'billing', how: 'SKIPPED', actor: staff, note: words.skip });
  await db.manualTask.create({ data: { requestId: deletionId, store: 'paper-archive', type: 'DELETION', status: 'OPEN', instructions: 'Check the cabinet.' } });
  const manual = () => manualTaskActivities({ ...activityDeps, stores: createStoreRegistry([]) } as ActivityDeps).completeManualTask({ requestId: deletionId, store: 'paper-archive', actor: staff, note: words.manual, nothingFound: false, processed: 1 });
  await manual();
  // A retried activity writes no second note.
  await manual();
  await db.dsrRequest.update({ where: { id: withdrawnId }, data: { status: 'RECEIVED' } });
  await transitionActivities(activityDeps).recordTransition({ requestId: withdrawnId, from: 'RECEIVED', to: 'WITHDRAWN', actor: 'subject', reason: words.withdrawal, eventKey: `${withdrawnId}:t9` });

  const trail = async () => JSON.stringify(await db.auditEvent.findMany({ where: { requestId: { in: [withdrawnId, deletionId] } }, select: { action: true, reason: true, details: true } }));
  const before = await trail();
  for (const text of Object.values(words)) expect(before).not.toContain(text);
  expect(await db.auditNote.count({ where: { subjectId } })).toBe(3);
  const timeline = await requestTimeline(serverDeps, deletionId);
  expect(timeline.events.map((e) => e.reason)).toEqual(expect.arrayContaining([words.skip, words.manual]));
  expect((await requestTimeline(serverDeps, withdrawnId)).events.find((e) => e.action === 'STATUS_CHANGED')?.reason).toBe(words.withdrawal);
  const rowsBefore = await db.auditEvent.count({ where: { requestId: { in: [withdrawnId, deletionId] } } });

  await issueDeletionCertificate(activityDeps, deletionId, []);

  const after = await trail();
  expect(await db.auditEvent.count({ where: { requestId: { in: [withdrawnId, deletionId] } } })).toBe(rowsBefore + 2);
  const kept = JSON.stringify({
    notes: await db.auditNote.findMany({ where: { subjectId } }),
    tasks: await db.storeTask.findMany({ where: { requestId: deletionId } }),
    manual: await db.manualTask.findMany({ where: { requestId: deletionId } }),
    timelines: [await requestTimeline(serverDeps, deletionId), await requestTimeline(serverDeps, withdrawnId)],
    after,
  });
  for (const text of Object.values(words)) expect(kept).not.toContain(text);
  expect((await db.auditEvent.findFirstOrThrow({ where: { requestId: deletionId, action: 'AUDIT_NOTES_ERASED' } })).details).toEqual({ count: 3 });
});
