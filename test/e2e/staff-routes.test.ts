// The staff routes on the real Temporal server, PostgreSQL and SMTP: who may call what,
// a request opened by phone through to its reply, and a workflow refusal passed through.
import { createFieldCipher } from '../../crypto/field-cipher';
import { randomUUID } from 'node:crypto';
import { api, codeIn, eventually } from '../support/http';
import { createStaffAndLogIn, startStack, type Stack, type StaffLogin, staffApi } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

const call = (method: string, path: string, as?: StaffLogin, body?: unknown) => staffApi(stack.baseUrl, method, path, as, body);

type Role = 'agent' | 'compliance' | 'admin';
const ROLES: Role[] = ['agent', 'compliance', 'admin'];
const ALL = ROLES;
const note = 'Checked the passport in person.';

// Written out here rather than imported, so that this test checks the server's access table.
const ACCESS: Array<[method: string, path: string, allowed: Role[], body?: unknown]> = [
  ['GET', '/api/staff/me', ALL],
  ['DELETE', '/api/staff/session', ALL],
  ['POST', '/api/staff/requests', ALL, {}],
  ['GET', '/api/staff/requests/:id', ALL],
  ['POST', '/api/staff/child-data-deletions', ['compliance'], {}],
  ['POST', '/api/staff/requests/:id/attest', ['agent', 'compliance'], { evidenceNote: note }],
  ['POST', '/api/staff/requests/:id/approve', ['compliance', 'admin'], { approve: true, reason: 'Evidence checked by a second person.' }],
  ['POST', '/api/staff/requests/:id/decide', ['compliance'], { decision: 'PROCEED', grounds: [], reason: 'Nothing stands against it.' }],
  ['POST', '/api/staff/requests/:id/fee/waive', ['compliance'], { reason: 'Hardship.' }],
  ['POST', '/api/staff/requests/:id/extend', ['compliance'], { reason: 'Complex request.' }],
  ['POST', '/api/staff/requests/:id/stores/accounts/retry', ['compliance']],
  ['POST', '/api/staff/requests/:id/stores/accounts/skip', ['compliance'], { justification: 'Store retired.' }],
  ['POST', '/api/staff/requests/:id/stores/accounts/complete', ['compliance'], { note: 'Erased by hand.' }],
  ['POST', '/api/staff/requests/:id/withdraw', ['compliance'], { reason: 'Asked by phone.' }],
  ['GET', '/api/staff/manual-tasks', ['agent', 'compliance']],
  ['POST', '/api/staff/requests/:id/stores/paper-archive/manual-task', ['agent', 'compliance'], { note: 'Checked, nothing found.', nothingFound: true }],
  ['GET', '/api/staff/requests/:id/certificate', ['compliance', 'admin']],
  ['POST', '/api/staff/accounts', ['admin'], {}],
  ['GET', '/api/staff/accounts', ['admin']],
  ['PATCH', '/api/staff/accounts/:id', ['admin'], { role: 'agent' }],
  ['GET', '/api/staff/queue?view=open', ALL],
  ['GET', '/api/staff/requests/:id/timeline', ['compliance', 'admin']],
  ['GET', '/api/staff/holds', ['compliance', 'admin']],
  ['POST', '/api/staff/holds', ['compliance'], {}],
  ['POST', '/api/staff/holds/:id/release', ['compliance'], { reason: 'Order lifted.' }],
  ['POST', '/api/staff/requests/:id/exemption-signals', ['compliance'], { ground: 'CRIMINAL_PROCEEDINGS' }],
  ['POST', '/api/staff/exemption-signals/:id/clear', ['compliance'], { reason: 'Case closed.' }],
  ['GET', '/api/staff/data-map', ['compliance', 'admin']],
  ['POST', '/api/staff/codec-session', ['compliance', 'admin']],
  ['GET', '/api/staff/reports/summary?from=2026-01-01&to=2026-12-31', ['compliance', 'admin']],
];

// One signed-in member of staff per role for the whole table (each sign-in hashes a password,
// and 84 of them were most of this file's time); the sign-out route, which ends the session
// it is called with, gets fresh ones.
const sessions = new Map<Role, Promise<StaffLogin>>();
function sessionFor(role: Role, method: string, path: string): Promise<StaffLogin> {
  if (method === 'DELETE' && path === '/api/staff/session') return createStaffAndLogIn(stack, role);
  if (!sessions.has(role)) sessions.set(role, createStaffAndLogIn(stack, role));
  return sessions.get(role)!;
}

describe('staff routes', () => {
  // Rows as objects: jest would take a missing fourth element for a `done` callback.
  const rows = ACCESS.map(([method, path, allowed, body]) => ({ method, path, allowed, body }));
  test.each(rows)('when $method $path is called by each role and by no one, then only the allowed roles get past the gate', async ({ method, path, allowed, body }) => {
    // A random request id: allowed calls reach the workflow layer and are answered 404 there.
    const url = path.replace(':id', randomUUID());
    const anonymous = await call(method, url, undefined, body);
    expect([path, 'no session', anonymous.status]).toEqual([path, 'no session', 401]);
    for (const role of ROLES) {
      const res = await call(method, url, await sessionFor(role, method, path), body);
      if (allowed.includes(role)) expect([path, role, [401, 403].includes(res.status)]).toEqual([path, role, false]);
      else expect([path, role, res.status, res.body.error]).toEqual([path, role, 403, 'ROLE_FORBIDDEN']);
    }
  });

  test('when an agent opens an access request by phone with an evidence note, then it completes without a code and the attestation is audited', async () => {
    const agent = await createStaffAndLogIn(stack, 'agent');
    const email = `subject-${randomUUID()}@example.org`;
    await stack.db.customerAccount.create({ data: { email, fullName: 'Zhang Min', plan: 'basic' } });
    const opened = await call('POST', '/api/staff/requests', agent, { email, type: 'ACCESS', language: 'en', channel: 'PHONE', evidenceNote: note });
    expect(opened.status).toBe(202);
    const { requestId } = opened.body as { requestId: string };

    const reply = await stack.mail.waitFor((m) => m.to.includes(email) && /personal information we hold/i.test(m.subject));
    // The reply carries the download link and counts; the data itself is in the package.
    expect(reply.text).toContain('customer-accounts / contact: 1 record');
    expect(reply.text).toMatch(/\/api\/requests\/[0-9a-f-]{36}\/package\?token=/);
    const row = await eventually(async () => {
      const r = await stack.db.dsrRequest.findUnique({ where: { id: requestId } });
      return r?.status === 'COMPLETED' ? r : null;
    });
    expect(row).toMatchObject({ channel: 'PHONE', attestedBy: agent.staffId });
    expect(stack.mail.messages().filter((m) => m.to.includes(email) && /verification code/i.test(m.subject))).toEqual([]);
    const attested = await stack.db.auditEvent.findMany({ where: { requestId, action: 'IDENTITY_ATTESTED' } });
    // The evidence note is an erasable note the event names (details.noteId), not text in the trail.
    expect(attested).toEqual([expect.objectContaining({ actor: `staff:${agent.staffId}`, reason: null })]);
    const stored = await stack.db.auditNote.findUniqueOrThrow({ where: { id: (attested[0]!.details as { noteId: string }).noteId } });
    expect(createFieldCipher(stack.keyring).decrypt(stored.body!, 'AuditNote.body')).toBe(note);

    const view = await call('GET', `/api/staff/requests/${requestId}`, agent);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ requestId, status: 'COMPLETED', stores: expect.any(Object) });
    expect(Object.keys(view.body.stores).length).toBeGreaterThan(0);
  });

  test('when compliance waives a fee on a request that awaits no fee, then the validator’s refusal comes back as 409', async () => {
    const email = `subject-${randomUUID()}@example.org`;
    const { requestId } = (await api(stack.baseUrl, 'POST', '/api/requests', { email, type: 'ACCESS', language: 'en' })).body as { requestId: string };
    codeIn((await stack.mail.waitFor((m) => m.to.includes(email) && /verification code/i.test(m.subject))).text);
    await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'AWAITING_VERIFICATION');

    const compliance = await createStaffAndLogIn(stack, 'compliance');
    const waived = await call('POST', `/api/staff/requests/${requestId}/fee/waive`, compliance, { reason: 'Hardship.' });
    expect(waived.status).toBe(409);
    expect(waived.body).toEqual({ error: 'WRONG_STATE', message: 'Not possible while the request is AWAITING_VERIFICATION.' });

    // An agent may not vouch for a request someone else filed; compliance's attestation then
    // stands in for the code, recorded under compliance's id.
    const agent = await createStaffAndLogIn(stack, 'agent');
    const refused = await call('POST', `/api/staff/requests/${requestId}/attest`, agent, { evidenceNote: note });
    expect(refused).toMatchObject({ status: 403, body: { error: 'ROLE_FORBIDDEN', message: expect.stringMatching(/only on requests they opened themselves/) } });
    expect(await stack.db.auditEvent.count({ where: { requestId, action: 'IDENTITY_ATTESTED' } })).toBe(0);
    const attested = await call('POST', `/api/staff/requests/${requestId}/attest`, compliance, { evidenceNote: note });
    expect(attested.status).toBe(200);
    const events = await stack.db.auditEvent.findMany({ where: { requestId, action: 'IDENTITY_ATTESTED' } });
    expect(events.map((e) => e.actor)).toEqual([`staff:${compliance.staffId}`]);
  });

  test('when an admin creates an account, then its holder can sign in with the given role, and a short password is refused', async () => {
    const admin = await createStaffAndLogIn(stack, 'admin');
    const username = `new-${randomUUID().slice(0, 8)}`;
    const created = await call('POST', '/api/staff/accounts', admin, { username, displayName: 'Chen Jie', role: 'compliance', password: 'long enough password' });
    expect(created).toMatchObject({ status: 201, body: { username, displayName: 'Chen Jie', role: 'compliance' } });
    const signIn = await call('POST', '/api/staff/session', undefined, { username, password: 'long enough password' });
    // A compliance account's first sign-in asks for its authenticator to be set up (a code is due next).
    expect(signIn).toMatchObject({ status: 202, body: { secondFactor: 'TOTP', setup: { secret: expect.any(String) } } });
    const short = await call('POST', '/api/staff/accounts', admin, { username: `x-${username}`, displayName: 'X', role: 'agent', password: 'short' });
    expect(short.status).toBe(400);
    const taken = await call('POST', '/api/staff/accounts', admin, { username, displayName: 'Chen Jie', role: 'agent', password: 'another long password' });
    expect(taken).toMatchObject({ status: 409, body: { error: 'USERNAME_TAKEN' } });
  });
});
