// Concurrent and late calls on one request: each check is passed by one call only, the clock
// start keeps an extension already granted, and the run ends only once its handlers are done.
import { getRegime } from '../../policy';
import { demoEstablishment } from '../support/profiles';
import { computeDueDate } from '../../policy/deadline';
import type { RequestType } from '../../domain/request-kinds';
import { createManualStore } from '../../stores/manual-store';
import { attestIdentityUpdate, completeManualTaskUpdate, extendDeadlineUpdate, statusQuery, verifyIdentityUpdate } from '../../workflows/messages';
import { eventually } from '../support/http';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { mailTo, mailedCode, requestRow, approveErasure } from './helpers';

const paperArchive = createManualStore({ name: 'paper-archive', categories: ['paper-contract'], instructions: 'Search archive room B by the e-mail on the cover sheet.' });
let stack: WorkflowStack;
beforeAll(async () => {
  stack = await startWorkflowStack([paperArchive]);
});
afterAll(async () => stack?.close());

type Handle = Awaited<ReturnType<WorkflowStack['start']>>['handle'];
const EXTENSION_MAIL = /more time/i;
const extend = (handle: Handle, staffId: string) =>
  handle.executeUpdate(extendDeadlineUpdate, { args: [{ staffId, reason: 'Large volume of records across several systems' }] });
const extensionMailsTo = (email: string) => stack.mail.messages().filter((m) => m.to.includes(email) && EXTENSION_MAIL.test(m.subject));

/** The due date the policy gives the request as the database has it, with `extensions` taken. */
async function policyDueAt(requestId: string, extensions: number): Promise<Date> {
  const row = await requestRow(stack.db, requestId);
  return computeDueDate({ regime: getRegime(row.regime), establishment: demoEstablishment(row.regime), receivedAt: row.receivedAt, identityVerifiedAt: row.verifiedAt, requestType: row.type as RequestType, extensions }).dueAt;
}

test('when three extensions are asked for at once, then exactly one is granted, audited and mailed, and the other two are refused with a reason; verifying afterwards keeps the extended due date', async () => {
  const { requestId, email, handle } = await stack.start({ regime: 'EU_GDPR' });
  const code = await mailedCode(stack.mail, email);

  const results = await Promise.allSettled([extend(handle, 'officer-1'), extend(handle, 'officer-2'), extend(handle, 'officer-3')]);
  const granted = results.filter((r) => r.status === 'fulfilled');
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(granted).toHaveLength(1);
  expect(refused).toHaveLength(2);
  for (const r of refused) expect(String(r.reason?.cause?.message ?? r.reason?.message)).toMatch(/extension/i);

  expect((await handle.query(statusQuery)).extensions).toBe(1);
  expect(await stack.db.auditEvent.count({ where: { requestId, action: 'DEADLINE_EXTENDED' } })).toBe(1);
  await mailTo(stack.mail, email, EXTENSION_MAIL);
  // A moment for any stray second notice to arrive before counting.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(extensionMailsTo(email)).toHaveLength(1);
  const extendedDueAt = (await requestRow(stack.db, requestId)).dueAt!;
  expect(extendedDueAt).toEqual(await policyDueAt(requestId, 1));

  // Verification recomputes the due date from the verified request: the extension stays.
  await handle.executeUpdate(verifyIdentityUpdate, { args: [{ code }] });
  await eventually(async () => ((await stack.db.auditEvent.count({ where: { requestId, action: 'DUE_DATE_SET', reason: 'identity verified' } })) > 0 ? true : null));
  const row = await requestRow(stack.db, requestId);
  expect(row.extensions).toBe(1);
  expect(row.dueAt).toEqual(await policyDueAt(requestId, 1));
  expect(row.dueAt!.getTime()).toBeGreaterThan((await policyDueAt(requestId, 0)).getTime());
  const paperTask = await eventually(async () => (await stack.db.manualTask.findUnique({ where: { requestId_store: { requestId, store: 'paper-archive' } } })) ?? null, 60_000);
  await handle.executeUpdate(completeManualTaskUpdate, { args: [{ staffId: 'clerk-1', store: paperTask.store, note: 'Checked the cabinets, nothing there', nothingFound: true }] });
  const done = await handle.result();
  expect(done).toMatchObject({ status: 'COMPLETED', extensions: 1 });
});

test('when two agents attest the same identity at once, then one attestation is recorded and the other is refused', async () => {
  const { requestId, email, handle } = await stack.start();
  await mailedCode(stack.mail, email);
  const attest = (staffId: string) => handle.executeUpdate(attestIdentityUpdate, { args: [{ staffId, evidenceNote: 'Passport checked at the front desk' }] });
  const results = await Promise.allSettled([attest('agent-1'), attest('agent-2')]);
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(String(refused?.reason?.cause?.message)).toMatch(/identity/i);
  await eventually(async () => ((await stack.db.manualTask.findUnique({ where: { requestId_store: { requestId, store: 'paper-archive' } } }))?.status === 'OPEN' ? true : null), 60_000);
  await eventually(async () => ((await handle.query(statusQuery)).stores['paper-archive'] ? true : null));
  expect(await stack.db.auditEvent.count({ where: { requestId, action: 'IDENTITY_ATTESTED' } })).toBe(1);
  await handle.executeUpdate(completeManualTaskUpdate, { args: [{ staffId: 'clerk-1', store: 'paper-archive', note: 'Checked the cabinets, nothing there', nothingFound: true }] });
  expect((await handle.result()).status).toBe('COMPLETED');
});

test('when an extension is still being mailed as the request completes, then the workflow ends only after it, and the update succeeds', async () => {
  const { requestId, email, handle } = await stack.start({ type: 'DELETION', regime: 'EU_GDPR', attestation: { staffId: 'agent-1', evidenceNote: 'ID card checked in person' } });
  await approveErasure(handle);
  await eventually(async () => ((await stack.db.manualTask.findUnique({ where: { requestId_store: { requestId, store: 'paper-archive' } } }))?.status === 'OPEN' ? true : null), 60_000);
  await eventually(async () => ((await handle.query(statusQuery)).stores['paper-archive'] ? true : null));

  // Another attempt "holds" the extension notice, so the notice activity keeps retrying
  // and the extension handler stays at work while the rest of the request finishes.
  const noticeKey = `${requestId}.notice.extension-notice.1`;
  await stack.db.sentMail.create({ data: { messageKey: noticeKey, requestId, state: 'SENDING', claimedAt: new Date() } });
  const extending = extend(handle, 'officer-1');
  await eventually(async () => ((await stack.db.auditEvent.count({ where: { requestId, action: 'DEADLINE_EXTENDED' } })) > 0 ? true : null));
  await handle.executeUpdate(completeManualTaskUpdate, { args: [{ staffId: 'clerk-1', store: 'paper-archive', note: 'Shredded the contract', nothingFound: false, processed: 1 }] });
  await eventually(async () => ((await handle.query(statusQuery)).status === 'COMPLETED' ? true : null), 60_000);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  expect((await handle.describe()).status.name).toBe('RUNNING');

  await stack.db.sentMail.delete({ where: { messageKey: noticeKey } });
  const extended = await extending;
  expect(extended.extensions).toBe(1);
  expect((await handle.result()).status).toBe('COMPLETED');
  expect((await mailTo(stack.mail, email, EXTENSION_MAIL)).text).toContain(requestId);
});
