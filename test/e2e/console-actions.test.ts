// Compliance's action forms on the real stack (Temporal, PostgreSQL, SMTP), posted as a
// browser posts them: a workflow refusal and a bad field come back on the request page
// (never a 500) and change nothing; holds, signals and a refusal decision are recorded.
import { randomUUID } from 'node:crypto';
import { getRegime } from '../../policy';
import { createManualStore } from '../../stores/manual-store';
import { createStoreRegistry } from '../../stores/registry';
import { declaredDemoStores } from '../support/demo-estate';
import { consoleCall, consoleLogIn, type ConsoleLogin } from '../support/console-session';
import { eventually } from '../support/http';
import { startStack, type Stack } from '../support/stack';

const INSTRUCTIONS = 'Search the signed paper contracts in archive room B.';
// A store without an API, worked by a person through a manual task; the stores' own client,
// as the stack opens its database inside.
const stores = createStoreRegistry([...declaredDemoStores(), createManualStore({ name: 'paper-archive', categories: ['paper-contract'], instructions: INSTRUCTIONS })]);
let stack: Stack;
let compliance: ConsoleLogin;
let agent: ConsoleLogin;
beforeAll(async () => {
  stack = await startStack({ stores });
  [compliance, agent] = await Promise.all([consoleLogIn(stack, 'compliance'), consoleLogIn(stack, 'agent')]);
});
afterAll(async () => {
  await stack?.close();
});

const post = (path: string, form: Record<string, string>, as = compliance) => consoleCall(stack.baseUrl, 'POST', path, as, { _csrf: as.csrf, ...form });
const statusOf = async (requestId: string) => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status;

/** A request from the portal API, left waiting for its code. */
async function awaitingCode(email: string): Promise<string> {
  const res = await fetch(`${stack.baseUrl}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, type: 'ACCESS', language: 'en', residence: 'CN' }),
  });
  const { requestId } = (await res.json()) as { requestId: string };
  await eventually(async () => (await statusOf(requestId)) === 'AWAITING_VERIFICATION');
  return requestId;
}

describe('console action forms', () => {
  test('when compliance waives a fee the request does not owe or sends a one-letter reason, then the page shows why and nothing changes', async () => {
    const requestId = await awaitingCode(`subject-${randomUUID()}@example.org`);
    const base = `/console/requests/${requestId}`;

    const waived = await post(`${base}/fee/waive`, { reason: 'Hardship of the subject.' });
    expect(waived.status).toBe(409);
    expect(waived.text).toContain('Not possible while the request is AWAITING_VERIFICATION.');
    expect(waived.text).toMatch(/<p class="summary error" role="alert" id="action-error">/);

    const extended = await post(`${base}/extend`, { reason: 'x' });
    expect(extended.status).toBe(422);
    expect(extended.text).toMatch(/<textarea id="extend-reason" name="reason"[^>]* aria-invalid="true" aria-describedby="extend-reason-hint extend-reason-error">x<\/textarea>/);
    expect(extended.text).toContain('<p class="error" id="extend-reason-error">Write 3 to 2000 characters.</p>');

    expect(await statusOf(requestId)).toBe('AWAITING_VERIFICATION');
    expect(await stack.db.auditEvent.count({ where: { requestId, actor: `staff:${compliance.staffId}` } })).toBe(0);
  });

  test('when compliance places and releases a legal hold through the forms, then the hold binds the subject, shows on the page, and its release is audited', async () => {
    const requestId = await awaitingCode(`subject-${randomUUID()}@example.org`);
    const base = `/console/requests/${requestId}`;
    const hold = { store: 'service-logs', authority: 'Shenzhen Public Security Bureau', basis: 'Cybersecurity Law of the PRC art. 21', reason: 'Preservation order in an open case' };

    const missing = await post(`${base}/holds`, { ...hold, authority: '' });
    expect(missing.status).toBe(422);
    expect(missing.text).toContain('id="hold-authority-error"');
    expect(await stack.db.legalHold.count({ where: { authority: hold.authority, reason: hold.reason, createdBy: `staff:${compliance.staffId}` } })).toBe(0);

    const placed = await post(`${base}/holds`, hold);
    expect([placed.status, placed.location]).toEqual([303, `${base}?done=hold-placed`]);
    const row = await stack.db.legalHold.findFirstOrThrow({ where: { createdBy: `staff:${compliance.staffId}`, store: 'service-logs' }, orderBy: { createdAt: 'desc' } });
    expect(row).toMatchObject({ authority: hold.authority, basis: hold.basis, releasedAt: null });
    const page = await consoleCall(stack.baseUrl, 'GET', `${base}?done=hold-placed`, compliance);
    expect(page.text).toContain('The legal hold was placed.');
    expect(page.text).toContain('service-logs / every category: Shenzhen Public Security Bureau');

    const released = await post(`${base}/holds/${row.id}/release`, { reason: 'The order was lifted.' });
    expect(released.status).toBe(303);
    expect((await stack.db.legalHold.findUniqueOrThrow({ where: { id: row.id } })).releasedAt).not.toBeNull();
    expect(await stack.db.auditEvent.count({ where: { requestId, action: { in: ['LEGAL_HOLD_PLACED', 'LEGAL_HOLD_RELEASED'] } } })).toBe(2);
  });

  test('when an exemption signal is on record and the subject asks again, then the request awaits a decision, a refusal without a ground is sent back, and one with a ground refuses it', async () => {
    const email = `subject-${randomUUID()}@example.org`;
    const first = await awaitingCode(email);
    const signalled = await post(`/console/requests/${first}/signals`, { ground: 'CRIMINAL_PROCEEDINGS', note: 'Police notice on file.' });
    expect(signalled.status).toBe(303);

    // The agent opens a deletion for the same subject; the signal puts it before compliance.
    const opened = await post('/console/requests', { type: 'DELETION', residence: 'CN', email, language: 'en', channel: 'IN_PERSON', evidenceNote: 'Identity card checked at the desk.' }, agent);
    expect(opened.status).toBe(303);
    const requestId = /\/console\/requests\/([0-9a-f-]{36})/.exec(opened.location!)![1]!;
    // Four eyes: the attested deletion waits for compliance's approval, shown on the page.
    await eventually(async () => (await statusOf(requestId)) === 'AWAITING_APPROVAL', 30_000);
    const waiting = await consoleCall(stack.baseUrl, 'GET', `/console/requests/${requestId}`, compliance);
    expect(waiting.text).toContain('id="approval-h"');
    expect(waiting.text).toContain(`action="/console/requests/${requestId}/approve"`);
    const unanswered = await post(`/console/requests/${requestId}/approve`, { reason: 'Checked.' });
    expect(unanswered.status).toBe(422);
    const approved = await post(`/console/requests/${requestId}/approve`, { approve: 'yes', reason: 'Evidence note checked by a second person.' });
    expect([approved.status, approved.location]).toEqual([303, `/console/requests/${requestId}?done=approved`]);
    expect(await stack.db.auditEvent.count({ where: { requestId, action: 'ERASURE_APPROVED' } })).toBe(1);
    await eventually(async () => (await statusOf(requestId)) === 'AWAITING_DECISION', 30_000);
    const page = await consoleCall(stack.baseUrl, 'GET', `/console/requests/${requestId}`, compliance);
    expect(page.text).toContain('name="ground_CRIMINAL_PROCEEDINGS"');

    const groundless = await post(`/console/requests/${requestId}/decide`, { decision: 'REFUSE', reason: 'Criminal proceedings are open.' });
    expect(groundless.status).toBe(422);
    expect(groundless.text).toContain('id="decide-grounds-error"');
    expect(await statusOf(requestId)).toBe('AWAITING_DECISION');

    const refused = await post(`/console/requests/${requestId}/decide`, { decision: 'REFUSE', ground_CRIMINAL_PROCEEDINGS: 'yes', reason: 'Criminal proceedings are open.' });
    expect([refused.status, refused.location]).toEqual([303, `/console/requests/${requestId}?done=decided`]);
    await eventually(async () => (await statusOf(requestId)) === 'REFUSED', 30_000);
    const decision = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'DECISION_REFUSE' } });
    const citation = getRegime('CN_PIPL').refusalGrounds.find((g) => g.code === 'CRIMINAL_PROCEEDINGS')!.citation;
    expect(decision).toMatchObject({ actor: `staff:${compliance.staffId}`, details: { grounds: [{ code: 'CRIMINAL_PROCEEDINGS', citation }], excluded: [] } });
  });

  test('when a deletion waits on a paper archive, then the agent sees the task on the request page and completes it as "checked, nothing found", and the request completes', async () => {
    const opened = await post(
      '/console/requests',
      { type: 'DELETION', residence: 'CN', email: `subject-${randomUUID()}@example.org`, language: 'en', channel: 'PHONE', evidenceNote: 'Passport checked at the counter.' },
      agent,
    );
    const requestId = /\/console\/requests\/([0-9a-f-]{36})/.exec(opened.location!)![1]!;
    await eventually(async () => (await statusOf(requestId)) === 'AWAITING_APPROVAL', 30_000);
    expect((await post(`/console/requests/${requestId}/approve`, { approve: 'yes', reason: 'Passport note checked.' })).status).toBe(303);
    await eventually(() => stack.db.manualTask.findFirst({ where: { requestId, status: 'OPEN' } }), 60_000);
    const page = await consoleCall(stack.baseUrl, 'GET', `/console/requests/${requestId}`, agent);
    expect(page.text).toContain(INSTRUCTIONS);
    expect(page.text).toContain(`action="/console/requests/${requestId}/tasks/paper-archive/complete"`);
    // Agents see the procedure, not the holds, signals and audit trail.
    expect(page.text).not.toContain('id="timeline-h"');

    const path = `/console/requests/${requestId}/tasks/paper-archive/complete`;
    const contradictory = await post(path, { note: 'Archive room B checked.', nothingFound: 'yes', processed: '2' }, agent);
    expect(contradictory.status).toBe(422);
    expect(contradictory.text).toContain('id="task-paper-archive-processed-error"');
    expect((await stack.db.manualTask.findFirstOrThrow({ where: { requestId } })).status).toBe('OPEN');

    const done = await post(path, { note: 'Archive room B checked, nothing found.', nothingFound: 'yes' }, agent);
    expect([done.status, done.location]).toEqual([303, `/console/requests/${requestId}?done=task-completed`]);
    await eventually(async () => (await statusOf(requestId)) === 'COMPLETED', 60_000);
    expect(await stack.db.manualTask.findFirstOrThrow({ where: { requestId } })).toMatchObject({ status: 'DONE', outcome: 'NOTHING_FOUND', completedBy: `staff:${agent.staffId}` });
  });
});
