// A store with no API (a paper archive) is worked by a person: the deletion waits for the
// person's confirmation without being stuck, while the deadline watch goes on; and the
// deletion certificate is stored once, with per-store counts, bases and settlements.
import { NOTE_ERASED } from '../../db/audit-notes';
import { Pool } from 'pg';
import { createActivities } from '../../activities';
import { certificateDigest } from '../../activities/deletion-certificate';
import { buildActivityDeps } from '../../app/activity-deps';
import { createFieldCipher } from '../../crypto/field-cipher';
import type { CertificateBody } from '../../domain/deletion-certificate';
import type { StoreOutcome } from '../../domain/fulfilment';
import { createSmtpMailer } from '../../mail/mailer';
import { createManualStore } from '../../stores/manual-store';
import { attestIdentityUpdate, completeManualTaskUpdate, statusQuery, type ManualTaskCompletion } from '../../workflows/messages';
import { REPLAY_KEYRING } from '../fixtures/replay-keyring';
import { declaredDemoStores, demoStore } from '../support/demo-estate';
import { eventually } from '../support/http';
import { STAFF_MAILBOX, startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { auditActions, mailTo, requestRow, subjectIdOf, approveErasure } from './helpers';

const INSTRUCTIONS = 'Search the signed paper contracts in archive room B, cabinets 1-4, by the customer e-mail on the cover sheet; shred what you find.';
const paperArchive = createManualStore({ name: 'paper-archive', categories: ['paper-contract'], instructions: INSTRUCTIONS });
// The test's own pool writes the rows; the store, as the map declares it, reaches them.
const marketingPool = new Pool({ connectionString: process.env.MARKETING_DATABASE_URL, max: 2 });
const marketing = demoStore(declaredDemoStores({ marketing: true }), 'marketing-db');
const attested = { staffId: 'agent-1', evidenceNote: 'ID card checked in person' };
const DAY = 86_400_000;

let stack: WorkflowStack;
beforeAll(async () => {
  stack = await startWorkflowStack([marketing, paperArchive]);
});
afterAll(async () => {
  await stack?.close();
  await marketingPool.end();
});

type Handle = Awaited<ReturnType<WorkflowStack['start']>>['handle'];
const openTask = (requestId: string) => stack.db.manualTask.findUnique({ where: { requestId_store: { requestId, store: 'paper-archive' } } });

async function untilManualTaskOpen(requestId: string, handle: Handle) {
  await eventually(async () => ((await openTask(requestId))?.status === 'OPEN' && (await handle.query(statusQuery)).stores['paper-archive'] ? true : null), 60_000);
}

test('when a deletion reaches a paper archive, then it waits in fulfilment with an open task, and "checked, nothing found" completes it with the note on record', async () => {
  const { requestId, email, handle } = await stack.start({ type: 'DELETION', attestation: attested });
  await approveErasure(handle);
  await untilManualTaskOpen(requestId, handle);

  // Waiting for a person is not being stuck: the status says so, in the workflow and the row.
  const waiting = await handle.query(statusQuery);
  expect(waiting.status).toBe('IN_FULFILMENT');
  expect(waiting.stores['paper-archive']).toMatchObject({ status: 'PENDING', reason: expect.stringMatching(/manual task/) });
  expect(await requestRow(stack.db, requestId)).toMatchObject({ status: 'IN_FULFILMENT', stuck: false });
  expect(await openTask(requestId)).toMatchObject({ type: 'DELETION', status: 'OPEN', instructions: INSTRUCTIONS, outcome: null });
  const alert = await mailTo(stack.mail, STAFF_MAILBOX, /manual task/i);
  expect(alert.text).toContain(requestId);
  expect(alert.text).toContain('archive room B');
  expect(alert.text).not.toContain(email);

  // The deadline watch keeps running: staff are reminded while the task stays open.
  const dueAt = (await requestRow(stack.db, requestId)).dueAt!.getTime();
  await stack.env.sleep(dueAt - (await stack.env.currentTimeMs()) - 6 * DAY);
  await mailTo(stack.mail, STAFF_MAILBOX, new RegExp(`reminder: request ${requestId}`));
  expect((await handle.query(statusQuery)).status).toBe('IN_FULFILMENT');

  // Refused while wrong: no note, another store, a count with "nothing found".
  const complete = (arg: Partial<ManualTaskCompletion>) =>
    handle.executeUpdate(completeManualTaskUpdate, { args: [{ staffId: 'clerk-7', store: 'paper-archive', note: 'Archive room B checked: nothing found', nothingFound: true, ...arg }] });
  const refusal = (message: RegExp) => ({ cause: expect.objectContaining({ message: expect.stringMatching(message) }) });
  await expect(complete({ note: ' ' })).rejects.toMatchObject(refusal(/note is required/));
  await expect(complete({ store: 'customer-accounts' })).rejects.toMatchObject(refusal(/no open manual task/));
  await expect(complete({ processed: 3 })).rejects.toMatchObject(refusal(/cannot both be true/));
  expect((await openTask(requestId))?.status).toBe('OPEN');

  const after = await complete({});
  expect(after.stores['paper-archive']).toMatchObject({ status: 'MANUAL', outcome: { settledBy: 'MANUAL', processed: 0, note: 'Archive room B checked: nothing found' } });
  expect((await handle.result()).status).toBe('COMPLETED');

  // The erasure is complete, so the person's words went with the subject's other notes (the certificate below keeps them).
  expect(await openTask(requestId)).toMatchObject({ status: 'DONE', outcome: 'NOTHING_FOUND', processed: 0, completedBy: 'staff:clerk-7', note: NOTE_ERASED });
  expect(await stack.db.storeTask.findUniqueOrThrow({ where: { requestId_store: { requestId, store: 'paper-archive' } } })).toMatchObject({
    status: 'MANUAL',
    settledBy: 'staff:clerk-7',
    justification: NOTE_ERASED,
  });
  const actions = await auditActions(stack.db, requestId);
  expect(actions.filter((a) => a === 'MANUAL_TASK_COMPLETED')).toHaveLength(1);
  expect(actions).not.toContain('STORE_FAILED');

  const certificate = await stack.db.deletionCertificate.findUniqueOrThrow({ where: { requestId } });
  const paper = (certificate.body as unknown as CertificateBody).stores.find((s) => s.store === 'paper-archive');
  expect(paper).toMatchObject({ settledBy: 'MANUAL', erased: 0, note: 'Archive room B checked: nothing found', manualOutcome: 'NOTHING_FOUND', settledAt: expect.any(String) });
  const reply = await mailTo(stack.mail, email, /deleted/i);
  expect(reply.text).toContain(certificate.id);
  expect(reply.text).toMatch(/paper-archive: searched, nothing found/);
});

test('when a deletion meets a legal hold and an anonymised category, then the stored certificate counts each store with its basis, the mail shows it, and a retried reply issues no second one', async () => {
  const { requestId, email, handle } = await stack.start({ type: 'DELETION' });
  await eventually(async () => ((await handle.query(statusQuery)).status === 'AWAITING_VERIFICATION' ? true : null), 60_000);
  await marketingPool.query(`INSERT INTO newsletter_subscription (email, list, consented_at, source) VALUES ($1, 'cloud-news', now(), 'signup-form')`, [email]);
  for (const n of [1, 2]) await marketingPool.query(`INSERT INTO campaign_click (email, campaign, url, clicked_at) VALUES ($1, 'winter', $2, now())`, [email, `https://example.com/w/${n}`]);
  const basis = 'Anti-Unfair Competition Law art. 17: consent records kept for a pending complaint';
  const hold = await stack.db.legalHold.create({
    data: { subjectId: await subjectIdOf(stack.db, requestId), store: 'marketing-db', category: 'marketing-consent', authority: 'Shanghai AMR', reason: 'Complaint 2026-88', basis, startsAt: new Date(stack.now().getTime() - 60_000), createdBy: 'staff:officer-1' },
  });
  await handle.executeUpdate(attestIdentityUpdate, { args: [attested] });
  await approveErasure(handle);
  await untilManualTaskOpen(requestId, handle);
  await handle.executeUpdate(completeManualTaskUpdate, { args: [{ staffId: 'clerk-7', store: 'paper-archive', note: 'Two signed contracts found in cabinet 2 and shredded', nothingFound: false, processed: 2 }] });
  const final = await handle.result();
  expect(final.status).toBe('COMPLETED');

  const row = await stack.db.deletionCertificate.findUniqueOrThrow({ where: { requestId } });
  const body = row.body as unknown as CertificateBody;
  expect(row.digest).toBe(certificateDigest(body));
  expect(body).toMatchObject({ requestId, requestType: 'DELETION', regime: 'CN_PIPL' });
  const byStore = Object.fromEntries(body.stores.map((s) => [s.store, s]));
  expect(byStore['marketing-db']).toEqual({
    store: 'marketing-db',
    settledBy: 'ENGINE',
    settledAt: expect.any(String),
    erased: 2,
    anonymised: 2,
    search: 'SEARCHED',
    located: { 'marketing-consent': 1, 'campaign-activity': 2, audience: 0 },
    retained: [{ category: 'marketing-consent', records: 1, reason: 'LEGAL_HOLD', reference: hold.id, basis }],
  });
  expect(byStore['customer-accounts']).toMatchObject({ settledBy: 'ENGINE', anonymised: 0, retained: [] });
  expect(byStore['customer-accounts']!.erased).toBeGreaterThan(0);
  expect(byStore['paper-archive']).toMatchObject({ settledBy: 'MANUAL', erased: 2, manualOutcome: 'FOUND_AND_DONE', note: 'Two signed contracts found in cabinet 2 and shredded' });
  expect(body.totals).toEqual({ erased: body.stores.reduce((n, s) => n + s.erased, 0), anonymised: 2, retained: 1 });
  expect(JSON.stringify(body)).not.toContain(email);

  const isReply = (m: { to: string[]; subject: string }) => m.to.includes(email) && /deleted/i.test(m.subject);
  const reply = await stack.mail.waitFor(isReply);
  expect(reply.text).toContain(row.id);
  expect(reply.text).toContain(row.digest);
  expect(reply.text).toContain('2 of them anonymised');
  expect(reply.text).toContain(basis);

  // A retry of the reply activity (e.g. after a lost acknowledgement) reuses the certificate and the mail.
  const mailer = createSmtpMailer({ host: '127.0.0.1', port: stack.mail.port, secure: false, from: 'Privacy Office <privacy@example.com>' });
  const deps = buildActivityDeps({ db: stack.db, mailer, cipher: createFieldCipher(REPLAY_KEYRING), staffMailTo: STAFF_MAILBOX, extraStores: [marketing, paperArchive] });
  const outcomes = Object.values(final.stores).map((s) => s.outcome as StoreOutcome);
  await createActivities(deps).sendFinalReply({ requestId, outcomes, excluded: [], grounds: [] });
  mailer.close();
  expect(await stack.db.deletionCertificate.count({ where: { requestId } })).toBe(1);
  expect((await stack.db.deletionCertificate.findUniqueOrThrow({ where: { requestId } })).id).toBe(row.id);
  expect(stack.mail.messages().filter(isReply)).toHaveLength(1);
  expect(await stack.db.auditEvent.count({ where: { requestId, action: 'DELETION_CERTIFICATE_ISSUED' } })).toBe(1);
});
