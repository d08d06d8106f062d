// The staff roles, and the one table of who may call which staff route.

export const STAFF_ROLES = ['agent', 'compliance', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const EVERYONE: readonly StaffRole[] = STAFF_ROLES;

/** "METHOD /route" → the roles allowed, or 'public' for signing in. A staff route missing here is refused to all. */
export const STAFF_ACCESS: Readonly<Record<string, readonly StaffRole[] | 'public'>> = {
  'POST /api/staff/session': 'public',
  // Reached with a pending session (password given, code due), which the gate does not accept: the route checks it.
  'POST /api/staff/session/totp': 'public',
  'DELETE /api/staff/session': EVERYONE,
  'GET /api/staff/me': EVERYONE,
  'POST /api/staff/password': EVERYONE,
  'POST /api/staff/requests': EVERYONE,
  'GET /api/staff/requests/:id': EVERYONE,
  // An agent attests only a request they opened (checked in the use case); compliance any.
  'POST /api/staff/requests/:id/attest': ['agent', 'compliance'],
  // Four eyes: a second person approves an erasure attested by staff, never the attester.
  // Compliance's own-motion deletion of a child's data collected by mistake (another person still approves it).
  'POST /api/staff/child-data-deletions': ['compliance'],
  'POST /api/staff/requests/:id/approve': ['compliance', 'admin'],
  'POST /api/staff/requests/:id/decide': ['compliance'],
  'POST /api/staff/requests/:id/fee/waive': ['compliance'],
  'POST /api/staff/requests/:id/extend': ['compliance'],
  'POST /api/staff/requests/:id/stores/:store/retry': ['compliance'],
  'POST /api/staff/requests/:id/stores/:store/skip': ['compliance'],
  'POST /api/staff/requests/:id/stores/:store/complete': ['compliance'],
  'POST /api/staff/requests/:id/withdraw': ['compliance'],
  // Whoever works a paper archive confirms it under their own id; both roles may do the work.
  'GET /api/staff/manual-tasks': ['agent', 'compliance'],
  'POST /api/staff/requests/:id/stores/:store/manual-task': ['agent', 'compliance'],
  'GET /api/staff/requests/:id/certificate': ['compliance', 'admin'],
  'POST /api/staff/accounts': ['admin'],
  'GET /api/staff/accounts': ['admin'],
  'PATCH /api/staff/accounts/:staffId': ['admin'],
  // Agents read their own requests and the open ones (the route narrows the views by role).
  'GET /api/staff/queue': EVERYONE,
  // Holds and signals may reveal an investigation: agents, who talk to subjects, do not see them.
  'GET /api/staff/requests/:id/timeline': ['compliance', 'admin'],
  'GET /api/staff/holds': ['compliance', 'admin'],
  'POST /api/staff/holds': ['compliance'],
  'POST /api/staff/holds/:holdId/release': ['compliance'],
  'POST /api/staff/requests/:id/exemption-signals': ['compliance'],
  'POST /api/staff/exemption-signals/:signalId/clear': ['compliance'],
  'GET /api/staff/data-map': ['compliance', 'admin'],
  'GET /api/staff/profile': ['compliance', 'admin'],
  'POST /api/staff/codec-session': ['compliance', 'admin'],
  'GET /api/staff/reports/summary': ['compliance', 'admin'],
  'GET /api/staff/reports/summary.csv': ['compliance', 'admin'],
};
