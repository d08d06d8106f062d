// Issue 13 item 7: staff's own words (an agent's evidence note) are kept out of the append-only
// audit trail, in an erasable note the event refers to; a completed deletion erases the
// subject's notes, audited by count, while the trail keeps the event and says "note erased".
import { WorkflowNotFoundError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { NOTE_ERASED } from '../../activities/audit-notes';
import { decisionActivities } from '../../activities/decisions';
import type { ActivityDeps } from '../../activities/deps';
import { issueDeletionCertificate } from '../../activities/deletion-certificate';
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
