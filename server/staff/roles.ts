// The staff roles, and the one table of who may call which staff route.

export const STAFF_ROLES = ['agent', 'compliance', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const EVERYONE: readonly StaffRole[] = STAFF_ROLES;

/** "METHOD /route" → the roles allowed, or 'public' for signing in. A staff route missing here is refused to all. */
export const STAFF_ACCESS: Readonly<Record<string, readonly StaffRole[] | 'public'>> = {
  'POST /api/staff/session': 'public',
  'DELETE /api/staff/session': EVERYONE,
  'GET /api/staff/me': EVERYONE,
  'POST /api/staff/requests': EVERYONE,
  'GET /api/staff/requests/:id': EVERYONE,
  'POST /api/staff/requests/:id/attest': ['agent'],
  'POST /api/staff/requests/:id/decide': ['compliance'],
  'POST /api/staff/requests/:id/fee/waive': ['compliance'],
  'POST /api/staff/requests/:id/extend': ['compliance'],
  'POST /api/staff/requests/:id/stores/:store/retry': ['compliance'],
  'POST /api/staff/requests/:id/stores/:store/skip': ['compliance'],
  'POST /api/staff/requests/:id/stores/:store/complete': ['compliance'],
  'POST /api/staff/requests/:id/withdraw': ['compliance'],
  'POST /api/staff/accounts': ['admin'],
  'GET /api/staff/reports/summary': ['compliance', 'admin'],
  'GET /api/staff/reports/summary.csv': ['compliance', 'admin'],
};
