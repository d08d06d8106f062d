// The staff console's JSON API on the real Temporal server, PostgreSQL and SMTP: the review
// queue's views, a request's timeline, legal holds respected by a retried erase, exemption
// signals that bring a request before compliance, and account administration.
import { randomUUID } from 'node:crypto';
import { createStoreRegistry } from '../../stores/registry';
import { api, eventually } from '../support/http';
import { PartnerStore } from '../support/partner-store';
import { createStaffAndLogIn, startStack, type Stack, type StaffLogin, staffApi } from '../support/stack';

const partner = new PartnerStore();
let stack: Stack;
let agent: StaffLogin;
let compliance: StaffLogin;
beforeAll(async () => {
  // The fake partner system is the only store, so that a request can be made to fail on cue.
  stack = await startStack({ stores: createStoreRegistry([partner]) });
  agent = await createStaffAndLogIn(stack, 'agent');
  compliance = await createStaffAndLogIn(stack, 'compliance');
});
afterAll(async () => stack?.close());
beforeEach(() => {
  partner.failing = false;
});

const call = (method: string, path: string, as?: StaffLogin, body?: unknown) => staffApi(stack.baseUrl, method, path, as, body);

type Item = { id: string; dueAt: string | null; daysLeft: number | null; failingStores: string[]; awaiting: string | null; openedBy: string | null; stuck: boolean };
const queue = async (as: StaffLogin, query: string) => call('GET', `/api/staff/queue?${query}&pageSize=200`, as);
const idsOf = (items: Item[]) => items.map((i) => i.id);
const rowOf = (requestId: string) => stack.db.dsrRequest.findUnique({ where: { id: requestId } });
const untilStatus = (requestId: string, status: string) => eventually(async () => (await rowOf(requestId))?.status === status, 60_000);

/** Checks that the items are in deadline order, no deadline last. */
function expectDeadlineOrder(items: Item[]) {
  const times = items.map((i) => (i.dueAt ? Date.parse(i.dueAt) : Infinity));
  expect(times).toEqual([...times].sort((a, b) => a - b));
}

test('when a store keeps failing, then the queue lists the request as stuck and failing, the timeline tells its story, and a hold placed then is respected by the retry', async () => {
  partner.failing = true;
  const email = `subject-${randomUUID()}@example.org`;
  const opened = await call('POST', '/api/staff/requests', agent, { email, type: 'DELETION', language: 'en', channel: 'PHONE', evidenceNote: 'Checked the ID card in person.' });
  expect(opened.status).toBe(202);
  const { requestId } = opened.body as { requestId: string };
  // Four eyes: the attested deletion waits for a second person with the compliance role.
  await untilStatus(requestId, 'AWAITING_APPROVAL');
  const waiting = await queue(compliance, 'view=awaiting-approval');
  expect((waiting.body.items as Item[]).find((i) => i.id === requestId)).toMatchObject({ awaiting: 'approval', openedBy: agent.staffId });
  expect(await call('POST', `/api/staff/requests/${requestId}/approve`, agent, { approve: true, reason: 'My own attestation' })).toMatchObject({ status: 403 });
  expect(await call('POST', `/api/staff/requests/${requestId}/approve`, compliance, { approve: true, reason: 'Evidence checked by a second person' })).toMatchObject({ status: 200 });
  await eventually(async () => (await rowOf(requestId))?.stuck, 60_000);

  for (const view of ['stuck', 'failing']) {
    const page = await queue(compliance, `view=${view}&sort=deadline`);
    expect(page.status).toBe(200);
    const item = (page.body.items as Item[]).find((i) => i.id === requestId);
    expect(item).toMatchObject({ stuck: true, failingStores: ['partner-crm'], awaiting: 'store', openedBy: agent.staffId });
    expectDeadlineOrder(page.body.items);
    expect(JSON.stringify(page.body)).not.toContain(email);
  }
  // The agent follows the requests they opened, but the legal views are compliance's.
  expect(idsOf((await queue(agent, 'view=mine')).body.items)).toContain(requestId);
  expect(idsOf((await queue(await createStaffAndLogIn(stack, 'agent'), 'view=mine')).body.items)).not.toContain(requestId);
  expect(await queue(agent, 'view=stuck')).toMatchObject({ status: 403, body: { error: 'ROLE_FORBIDDEN' } });
  expect((await call('GET', '/api/staff/queue?view=everything', compliance)).status).toBe(400);
  expect((await call('GET', '/api/staff/queue?view=open&pageSize=1000', compliance)).status).toBe(400);

  const before = await call('GET', `/api/staff/requests/${requestId}/timeline`, compliance);
  expect(before.status).toBe(200);
  const actions = (before.body.events as Array<{ action: string; at: string }>).map((e) => e.action);
  expect(actions[0]).toBe('REQUEST_RECEIVED');
  expect(actions).toEqual(expect.arrayContaining(['IDENTITY_ATTESTED', 'STORE_FAILED']));
  expect(actions.indexOf('IDENTITY_ATTESTED')).toBeLessThan(actions.indexOf('STORE_FAILED'));
  const times = before.body.events.map((e: { at: string }) => Date.parse(e.at));
  expect(times).toEqual([...times].sort((a, b) => a - b));
  expect(before.body.storeTasks).toEqual([expect.objectContaining({ store: 'partner-crm', status: 'FAILED', lastError: expect.stringContaining('503') })]);
  expect(before.body.request).toMatchObject({ requestId, status: 'STUCK', stores: { 'partner-crm': { status: 'FAILED' } } });
  expect(JSON.stringify(before.body)).not.toContain(email);
  expect((await call('GET', `/api/staff/requests/${requestId}/timeline`, agent)).status).toBe(403);

  const hold = {
    requestId,
    store: 'partner-crm',
    category: 'marketing',
    authority: 'Shenzhen Public Security Bureau',
    reference: 'SZPSB-2026-0114',
    reason: 'Preservation order in an open case.',
    basis: 'Cybersecurity Law of the PRC art. 21',
  };
  // Refusals first: each is a 4xx with a message, and none leaves a hold behind.
  const refusals = [
    { ...hold, store: 'partner-crn' },
    { ...hold, category: 'contact' },
    { ...hold, endsAt: new Date(Date.now() - 60_000).toISOString() },
    { ...hold, requestId: 'not-a-uuid' },
    { ...hold, subjectEmail: email },
    { ...hold, authority: '' },
  ];
  for (const body of refusals) {
    const refused = await call('POST', '/api/staff/holds', compliance, body);
    expect([refused.status, typeof refused.body.message]).toEqual([400, 'string']);
  }
  expect((await call('POST', '/api/staff/holds', compliance, { ...hold, requestId: randomUUID() })).status).toBe(404);
  expect((await call('POST', '/api/staff/holds', agent, hold)).status).toBe(403);
  const subjectId = (await rowOf(requestId))!.subjectId;
  expect(await stack.db.legalHold.count({ where: { subjectId } })).toBe(0);

  const placed = await call('POST', '/api/staff/holds', compliance, hold);
  expect(placed).toMatchObject({ status: 201, body: { store: 'partner-crm', category: 'marketing', reference: 'SZPSB-2026-0114', active: true, createdBy: `staff:${compliance.staffId}` } });
  const holdId = placed.body.holdId as string;
  const withHold = await call('GET', `/api/staff/requests/${requestId}/timeline`, compliance);
  expect(withHold.body.holds).toEqual([expect.objectContaining({ holdId, active: true })]);
  expect(withHold.body.events.at(-1)).toMatchObject({ action: 'LEGAL_HOLD_PLACED', actor: 'Test compliance', actorId: `staff:${compliance.staffId}`, details: { holdId, store: 'partner-crm' } });

  partner.failing = false;
  expect((await call('POST', `/api/staff/requests/${requestId}/stores/partner-crm/retry`, compliance)).status).toBe(200);
  await untilStatus(requestId, 'COMPLETED');
  const task = await stack.db.storeTask.findUniqueOrThrow({ where: { requestId_store: { requestId, store: 'partner-crm' } } });
  expect(task.status).toBe('DONE');
  expect(task.retained).toEqual([expect.objectContaining({ category: 'marketing', reason: 'LEGAL_HOLD', reference: holdId })]);
  expect(partner.erasedFor.has(subjectId)).toBe(false);
  expect(idsOf((await queue(compliance, 'view=stuck')).body.items)).not.toContain(requestId);

  const released = await call('POST', `/api/staff/holds/${holdId}/release`, compliance, { reason: 'The order was lifted on appeal.' });
  expect(released).toMatchObject({ status: 200, body: { holdId, active: false, releasedBy: `staff:${compliance.staffId}` } });
  const audit = await stack.db.auditEvent.findMany({ where: { requestId, action: 'LEGAL_HOLD_RELEASED' } });
  expect(audit).toEqual([expect.objectContaining({ actor: `staff:${compliance.staffId}`, reason: 'The order was lifted on appeal.' })]);
  expect((await call('POST', `/api/staff/holds/${holdId}/release`, compliance, { reason: 'Again.' })).status).toBe(409);
  const listed = await call('GET', `/api/staff/holds?requestId=${requestId}&active=false`, compliance);
  expect(listed.body.holds.map((h: { holdId: string }) => h.holdId)).toEqual([holdId]);
  expect((await call('GET', `/api/staff/holds?requestId=${requestId}&active=true`, compliance)).body.holds).toEqual([]);
});

test('when requests are past or near their due date, then overdue and due-soon list them by deadline with the days left and what they wait on, and closed ones not', async () => {
  const day = 24 * 60 * 60 * 1000;
  const subject = await stack.db.dataSubject.create({ data: { emailHash: `seed-${randomUUID()}`, emailEncrypted: 'unused' } });
  const seed = (status: string, dueInDays: number) => {
    const id = randomUUID();
    return stack.db.dsrRequest.create({
      data: {
        id, subjectId: subject.id, type: 'ACCESS', regime: 'CN_PIPL', channel: 'PORTAL', status, workflowId: `seed-${id}`,
        receivedAt: new Date(Date.now() - 20 * day), dueAt: new Date(Date.now() + dueInDays * day), closedAt: status === 'COMPLETED' ? new Date() : null,
      },
    });
  };
  // Long overdue, so that they head the list in any test database.
  const overdue2 = await seed('IN_FULFILMENT', -4002);
  const overdue5 = await seed('AWAITING_DECISION', -4005);
  const soon = await seed('IN_FULFILMENT', 3);
  const later = await seed('IN_FULFILMENT', 30);
  const closedLate = await seed('COMPLETED', -4003);
  // A store with no API waits on a person, which the queue says.
  await stack.db.manualTask.create({ data: { requestId: soon.id, store: 'paper-archive', type: 'ACCESS', status: 'OPEN', instructions: 'Cabinet 3.' } });
  try {
    const overdue = await queue(compliance, 'view=overdue');
    const mine = (overdue.body.items as Item[]).filter((i) => i.id === overdue2.id || i.id === overdue5.id);
    expect(mine.map((i) => [i.id, i.daysLeft])).toEqual([[overdue5.id, -4005], [overdue2.id, -4002]]);
    expect(idsOf(overdue.body.items)).not.toEqual(expect.arrayContaining([closedLate.id]));
    expect(idsOf(overdue.body.items)).not.toContain(soon.id);
    expectDeadlineOrder(overdue.body.items);
    // Latest deadline first puts the two longest overdue on the last two pages of one item.
    const total = overdue.body.total as number;
    const lastTwo = await Promise.all([total - 1, total].map(async (page) => (await call('GET', `/api/staff/queue?view=overdue&sort=-deadline&page=${page}&pageSize=1`, compliance)).body.items[0].id));
    expect(lastTwo).toEqual([overdue2.id, overdue5.id]);

    const dueSoon = await queue(compliance, 'view=due-soon');
    expect(dueSoon.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: soon.id, daysLeft: 3, awaiting: 'manual-task' })]));
    expect(idsOf(dueSoon.body.items)).not.toContain(later.id);
    expect(idsOf(dueSoon.body.items)).not.toContain(overdue2.id);

    const deciding = await queue(compliance, 'view=awaiting-decision');
    expect(deciding.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: overdue5.id, awaiting: 'decision' })]));
    expect(idsOf(deciding.body.items)).not.toContain(overdue2.id);

    // Pages: the first and second page of one item each are the first two of the whole list.
    const whole = (await queue(compliance, 'view=overdue')).body as { total: number; items: Item[] };
    const [p1, p2] = await Promise.all([1, 2].map(async (page) => (await call('GET', `/api/staff/queue?view=overdue&page=${page}&pageSize=1`, compliance)).body));
    expect([p1.total, p1.items[0].id, p2.items[0].id]).toEqual([whole.total, whole.items[0]!.id, whole.items[1]!.id]);
  } finally {
    // Seeded rows carry no audit events, so they can go again.
    await stack.db.manualTask.deleteMany({ where: { requestId: soon.id } });
    await stack.db.dsrRequest.deleteMany({ where: { subjectId: subject.id } });
    await stack.db.dataSubject.delete({ where: { id: subject.id } });
  }
});

test('when compliance records an exemption signal before identity is attested, then the request waits for a decision, and clearing the signal is audited', async () => {
  const email = `subject-${randomUUID()}@example.org`;
  const { requestId } = (await api(stack.baseUrl, 'POST', '/api/requests', { email, type: 'ACCESS', language: 'en' })).body as { requestId: string };
  await untilStatus(requestId, 'AWAITING_VERIFICATION');

  const note = 'Investigation order 2026-114 of the district procuratorate.';
  const path = `/api/staff/requests/${requestId}/exemption-signals`;
  expect(await call('POST', path, compliance, { ground: 'NOT_A_GROUND' })).toMatchObject({ status: 400, body: { error: 'UNKNOWN_GROUND' } });
  expect((await call('POST', path, compliance, { ground: 'criminal proceedings' })).status).toBe(400);
  expect((await call('POST', path, agent, { ground: 'CRIMINAL_PROCEEDINGS' })).status).toBe(403);
  const recorded = await call('POST', path, compliance, { ground: 'CRIMINAL_PROCEEDINGS', note });
  expect(recorded).toMatchObject({ status: 201, body: { ground: 'CRIMINAL_PROCEEDINGS', note, clearedAt: null } });
  expect((await call('POST', path, compliance, { ground: 'CRIMINAL_PROCEEDINGS' })).status).toBe(409);
  const [event] = await stack.db.auditEvent.findMany({ where: { requestId, action: 'EXEMPTION_SIGNAL_RECORDED' } });
  expect(event).toMatchObject({ actor: `staff:${compliance.staffId}`, details: { ground: 'CRIMINAL_PROCEEDINGS' } });
  // The note may describe the case: it stays on the signal, out of the audit trail.
  expect(JSON.stringify(event!.details)).not.toContain('2026-114');

  // An agent attests only the requests they opened; this one came through the portal, so compliance attests it.
  expect(await call('POST', `/api/staff/requests/${requestId}/attest`, agent, { evidenceNote: 'Video call with the ID card.' })).toMatchObject({
    status: 403,
    body: { error: 'ROLE_FORBIDDEN', message: expect.stringMatching(/only on requests they opened themselves/) },
  });
  expect((await call('POST', `/api/staff/requests/${requestId}/attest`, compliance, { evidenceNote: 'Video call with the ID card.' })).status).toBe(200);
  await untilStatus(requestId, 'AWAITING_DECISION');
  const deciding = await queue(compliance, 'view=awaiting-decision');
  expect(deciding.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: requestId, awaiting: 'decision' })]));
  const timeline = await call('GET', `/api/staff/requests/${requestId}/timeline`, compliance);
  expect(timeline.body.signals).toEqual([expect.objectContaining({ signalId: recorded.body.signalId, ground: 'CRIMINAL_PROCEEDINGS' })]);

  const signalId = recorded.body.signalId as string;
  const cleared = await call('POST', `/api/staff/exemption-signals/${signalId}/clear`, compliance, { reason: 'The investigation was closed.' });
  expect(cleared).toMatchObject({ status: 200, body: { signalId, clearedAt: expect.any(String) } });
  expect(await stack.db.auditEvent.findMany({ where: { requestId, action: 'EXEMPTION_SIGNAL_CLEARED' } })).toEqual([
    expect.objectContaining({ actor: `staff:${compliance.staffId}`, reason: 'The investigation was closed.' }),
  ]);
  expect((await call('POST', `/api/staff/exemption-signals/${signalId}/clear`, compliance, { reason: 'Again, by mistake.' })).status).toBe(409);
  expect((await call('GET', `/api/staff/requests/${requestId}/timeline`, compliance)).body.signals).toEqual([]);

  const decided = await call('POST', `/api/staff/requests/${requestId}/decide`, compliance, { decision: 'PROCEED', grounds: [], reason: 'The investigation is closed.' });
  expect(decided.status).toBe(200);
  await untilStatus(requestId, 'COMPLETED');
});

test('when an admin lists accounts and changes a role, then it takes effect at once, and the last active admin cannot be demoted or disabled', async () => {
  const admin = await createStaffAndLogIn(stack, 'admin');
  const colleague = await createStaffAndLogIn(stack, 'agent');
  const listed = await call('GET', '/api/staff/accounts', admin);
  expect(listed.status).toBe(200);
  expect(listed.body.accounts).toEqual(expect.arrayContaining([expect.objectContaining({ staffId: colleague.staffId, role: 'agent', disabled: false })]));
  expect(JSON.stringify(listed.body)).not.toMatch(/scrypt|passwordHash/);
  expect((await call('GET', '/api/staff/accounts', compliance)).status).toBe(403);

  const promoted = await call('PATCH', `/api/staff/accounts/${colleague.staffId}`, admin, { role: 'compliance' });
  expect(promoted).toMatchObject({ status: 200, body: { staffId: colleague.staffId, role: 'compliance' } });
  expect((await call('GET', '/api/staff/me', colleague)).body.role).toBe('compliance');
  expect((await call('PATCH', `/api/staff/accounts/${colleague.staffId}`, admin, {})).status).toBe(400);
  expect((await call('PATCH', `/api/staff/accounts/${colleague.staffId}`, admin, { role: 'root' })).status).toBe(400);
  expect((await call('PATCH', `/api/staff/accounts/${randomUUID()}`, admin, { disabled: true })).status).toBe(404);

  const disabled = await call('PATCH', `/api/staff/accounts/${colleague.staffId}`, admin, { disabled: true });
  expect(disabled).toMatchObject({ status: 200, body: { disabled: true } });
  expect((await call('GET', '/api/staff/me', colleague)).status).toBe(401);

  // Make this admin the only active one for the moment (tests run one at a time), then restore the others.
  const others = await stack.db.staffAccount.findMany({ where: { role: 'admin', disabledAt: null, id: { not: admin.staffId } }, select: { id: true } });
  await stack.db.staffAccount.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: new Date() } });
  try {
    for (const change of [{ role: 'compliance' }, { disabled: true }]) {
      const refused = await call('PATCH', `/api/staff/accounts/${admin.staffId}`, admin, change);
      expect(refused).toMatchObject({ status: 409, body: { error: 'LAST_ADMIN' } });
    }
    expect(await stack.db.staffAccount.findUniqueOrThrow({ where: { id: admin.staffId } })).toMatchObject({ role: 'admin', disabledAt: null });
    // With a second admin, the first may step down.
    expect((await call('PATCH', `/api/staff/accounts/${colleague.staffId}`, admin, { role: 'admin', disabled: false })).status).toBe(200);
    expect((await call('PATCH', `/api/staff/accounts/${admin.staffId}`, admin, { role: 'compliance' })).body.role).toBe('compliance');
  } finally {
    await stack.db.staffAccount.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: null } });
  }
});

test('when compliance reads the data map, then each store shows its categories, erase method and whether it is connected', async () => {
  const res = await call('GET', '/api/staff/data-map', compliance);
  expect(res.status).toBe(200);
  const byName = Object.fromEntries((res.body.stores as Array<{ name: string }>).map((s) => [s.name, s]));
  expect(byName['customer-accounts']).toMatchObject({
    kind: 'sql',
    // This stack connects only the partner system, so the map's own stores are not searched here.
    state: 'unconnected',
    categories: expect.arrayContaining([{ name: 'contact', erase: 'delete', corrections: true }]),
  });
  expect((await call('GET', '/api/staff/data-map', agent)).status).toBe(403);
});
