// The console's access table on the real stack (Temporal, PostgreSQL, SMTP): every page and
// form, for each role and for no one; and a form posted without its CSRF field changes nothing.
import { randomUUID } from 'node:crypto';
import { CONSOLE_ACCESS } from '../../server/pages/console/console-access';
import type { StaffRole } from '../../server/staff/roles';
import { consoleCall, consoleLogIn, type ConsoleLogin } from '../support/console-session';
import { api, eventually } from '../support/http';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

const ROLES: StaffRole[] = ['agent', 'compliance', 'admin'];
const ALL = ROLES;
const C: StaffRole[] = ['compliance'];

// Written out here rather than derived, so that a change to the table has to be made on purpose.
const EXPECTED: Record<string, StaffRole[] | 'public'> = {
  'GET /console/login': 'public',
  'POST /console/login': 'public',
  'POST /console/login/totp': 'public',
  'GET /console/set-password': 'public',
  'POST /console/set-password': 'public',
  'POST /console/logout': ALL,
  'GET /console': ALL,
  'GET /console/requests/new': ALL,
  'POST /console/requests': ALL,
  'GET /console/mine': ALL,
  'GET /console/queue': C,
  'GET /console/requests/:id': ALL,
  'POST /console/find': ALL,
  'GET /console/requests/:id/certificate': ['compliance', 'admin'],
  'GET /console/requests/:id/package': ['compliance', 'admin'],
  'POST /console/requests/:id/owner': ['agent', 'compliance'],
  'POST /console/requests/:id/notes': ['agent', 'compliance'],
  'POST /console/language': ALL,
  'POST /console/requests/:id/contact': ['agent', 'compliance'],
  'POST /console/requests/:id/decide': C,
  'POST /console/requests/:id/approve': ['compliance', 'admin'],
  'POST /console/requests/:id/fee/waive': C,
  'POST /console/requests/:id/extend': C,
  'POST /console/requests/:id/withdraw': C,
  'POST /console/requests/:id/stores/:store/retry': C,
  'POST /console/requests/:id/stores/:store/skip': C,
  'POST /console/requests/:id/stores/:store/complete': C,
  'POST /console/requests/:id/tasks/:store/complete': ['agent', 'compliance'],
  'POST /console/requests/:id/holds': C,
  'POST /console/requests/:id/holds/:hold/release': C,
  'POST /console/requests/:id/signals': C,
  'POST /console/requests/:id/signals/:signal/clear': C,
  'GET /console/admin/staff': ['admin'],
  'POST /console/admin/staff': ['admin'],
  'POST /console/admin/staff/:staffId': ['admin'],
  'GET /console/admin/data-map': ['admin', 'compliance'],
  'GET /console/admin/profile': ['admin', 'compliance'],
};

const FORBIDDEN_TEXT = 'may not open this page';
const sessions = new Map<StaffRole, ConsoleLogin>();
const as = async (role: StaffRole) => sessions.get(role) ?? (sessions.set(role, await consoleLogIn(stack, role)), sessions.get(role)!);

describe('the console access table', () => {
  test('when the table is read, then it is exactly the roles intended for each page and form', () => {
    expect(CONSOLE_ACCESS).toEqual(EXPECTED);
  });

  const rows = Object.entries(CONSOLE_ACCESS)
    .filter(([, allowed]) => allowed !== 'public')
    .map(([route, allowed]) => ({ route, allowed: allowed as readonly StaffRole[] }));
  test.each(rows)('when $route is opened by each role and by no one, then only the allowed roles get past the gate', async ({ route, allowed }) => {
    const [method, template] = route.split(' ') as ['GET' | 'POST', string];
    // Random ids: an allowed call reaches the use case and is answered 404 or 422 there.
    const path = template.replace(/:store/, 'accounts').replace(/:[a-zA-Z]+/g, () => randomUUID());
    const anonymous = await consoleCall(stack.baseUrl, method, path, undefined, {});
    expect([route, anonymous.status, anonymous.location]).toEqual([route, 303, '/console/login']);
    for (const role of ROLES) {
      // Signing out ends the session it is called with, so it gets one of its own.
      const login = route === 'POST /console/logout' ? await consoleLogIn(stack, role) : await as(role);
      const res = await consoleCall(stack.baseUrl, method, path, login, { _csrf: login.csrf });
      if (allowed.includes(role)) {
        expect([route, role, res.status === 403 || res.location === '/console/login', res.status < 500]).toEqual([route, role, false, true]);
      } else {
        expect([route, role, res.status, res.text.includes(FORBIDDEN_TEXT)]).toEqual([route, role, 403, true]);
      }
      expect(res.headers.get('content-security-policy')).toBe("default-src 'self'; style-src 'self' 'unsafe-inline'");
    }
  });
});

describe('the console CSRF field', () => {
  test('when compliance posts a withdrawal without the CSRF field or with a wrong one, then it is refused with 403 and the request stays open; with it, the request is withdrawn', async () => {
    const email = `subject-${randomUUID()}@example.org`;
    const { requestId } = (await api(stack.baseUrl, 'POST', '/api/requests', { email, type: 'ACCESS', language: 'en' })).body as { requestId: string };
    await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'AWAITING_VERIFICATION');
    const compliance = await as('compliance');
    const path = `/console/requests/${requestId}/withdraw`;
    const reason = 'The subject asked by phone.';

    const missing = await consoleCall(stack.baseUrl, 'POST', path, compliance, { reason });
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('did not come from the console');
    const wrong = await consoleCall(stack.baseUrl, 'POST', path, compliance, { reason, _csrf: (await consoleLogIn(stack, 'compliance')).csrf });
    expect(wrong.status).toBe(403);
    expect((await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe('AWAITING_VERIFICATION');
    expect(await stack.db.auditEvent.count({ where: { requestId, action: { contains: 'WITHDRAW' } } })).toBe(0);

    const sent = await consoleCall(stack.baseUrl, 'POST', path, compliance, { reason, _csrf: compliance.csrf });
    expect([sent.status, sent.location]).toEqual([303, `/console/requests/${requestId}?done=withdrawn`]);
    await eventually(async () => (await stack.db.dsrRequest.findUnique({ where: { id: requestId } }))?.status === 'WITHDRAWN');
  });
});
