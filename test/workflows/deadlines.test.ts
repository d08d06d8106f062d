// Deadline branches on the time-skipping server: reminders and escalation at the right
// simulated days, a partial reply before the deadline, and an extension with notice.
import type { RequestType } from '../../domain/request-kinds';
import { computeDueDate, getRegime } from '../../policy';
import { demoEstablishment } from '../support/profiles';
import { extendDeadlineUpdate, statusQuery } from '../../workflows/messages';
import { eventually } from '../support/http';
import { PartnerStore } from '../support/partner-store';
import { STAFF_MAILBOX, startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { refusedWith, requestRow, approveErasure } from './helpers';
import type { RegimeKey } from '../../domain/regime-key';

let stack: WorkflowStack;
const partner = new PartnerStore();
beforeAll(async () => {
  stack = await startWorkflowStack([partner]);
});
afterAll(async () => stack?.close());

const attested = { staffId: 'agent-1', evidenceNote: 'ID card checked in person' };

/** The due date the policy gives this request after `extensions` extensions. */
const dueAtUnder = (row: Awaited<ReturnType<typeof requestRow>>, extensions: number) =>
  computeDueDate({ regime: getRegime(row.regime), establishment: demoEstablishment(row.regime), receivedAt: row.receivedAt, identityVerifiedAt: row.verifiedAt, requestType: row.type as RequestType, extensions }).dueAt;
const DAY = 86_400_000;

async function stuckRequest(regime: RegimeKey) {
  partner.failing = true;
  const started = await stack.start({ type: 'DELETION', regime, attestation: attested });
  await approveErasure(started.handle);
  await eventually(async () => ((await started.handle.query(statusQuery)).status === 'STUCK' ? true : null), 60_000);
  return started;
}

const staffMailsAbout = (requestId: string, subject: RegExp) =>
  stack.mail.messages().filter((m) => m.to.includes(STAFF_MAILBOX) && subject.test(m.subject) && m.text.includes(requestId));

test('when a request stays open, then staff are reminded 7 and 2 days before, escalated, and the subject gets a partial reply the day before', async () => {
  const { requestId, email, handle } = await stuckRequest('CN_PIPL');
  const dueAt = (await requestRow(stack.db, requestId)).dueAt!.getTime();
  const now = await stack.env.currentTimeMs();
  await stack.env.sleep(dueAt - now - 8 * DAY);
  expect(staffMailsAbout(requestId, /remind/i)).toHaveLength(0);
  await stack.env.sleep(1.5 * DAY);
  await eventually(async () => staffMailsAbout(requestId, /remind/i).length === 1);
  await stack.env.sleep(4.5 * DAY);
  await eventually(async () => staffMailsAbout(requestId, /remind/i).length === 2);
  await eventually(async () => staffMailsAbout(requestId, /escalat|at risk/i).length >= 1);
  expect(stack.mail.messages().some((m) => m.to.includes(email) && /progress on your request|处理进展/i.test(m.subject))).toBe(false);
  await stack.env.sleep(1 * DAY);
  await eventually(async () => stack.mail.messages().some((m) => m.to.includes(email) && /progress on your request|处理进展/i.test(m.subject)));
  expect((await handle.query(statusQuery)).status).toBe('STUCK');
  await handle.terminate('test over');
});

test('when compliance extends a GDPR request, then the due date moves two months and the subject is told why', async () => {
  const { requestId, email, handle } = await stuckRequest('EU_GDPR');
  const before = (await requestRow(stack.db, requestId)).dueAt!;
  const after = await handle.executeUpdate(extendDeadlineUpdate, { args: [{ staffId: 'officer-1', reason: 'Complex request spanning a partner system' }] });
  expect(after.extensions).toBe(1);
  const row = await requestRow(stack.db, requestId);
  // The expectation comes from the policy module, not from a count of days: two months from
  // a date near New Year or the end of February rolls over holidays and short months.
  expect(before).toEqual(dueAtUnder(row, 0));
  expect(row.dueAt).toEqual(dueAtUnder(row, 1));
  expect(row.dueAt!.getTime()).toBeGreaterThan(before.getTime());
  const notice = await stack.mail.waitFor((m) => m.to.includes(email) && /more time|延长/i.test(m.subject));
  expect(notice.text).toContain('Complex request spanning a partner system');
  await expect(handle.executeUpdate(extendDeadlineUpdate, { args: [{ staffId: 'officer-1', reason: 'Again please' }] })).rejects.toMatchObject(refusedWith(/no \(further\) extension/));
  expect(await stack.db.auditEvent.count({ where: { requestId, action: 'DEADLINE_EXTENDED' } })).toBe(1);
  await handle.terminate('test over');
});

test('when the regime allows no extension, then an extension is refused', async () => {
  const { handle } = await stuckRequest('CN_PIPL');
  await expect(handle.executeUpdate(extendDeadlineUpdate, { args: [{ staffId: 'officer-1', reason: 'Need more time' }] })).rejects.toMatchObject(refusedWith(/no \(further\) extension/));
  await handle.terminate('test over');
});
