// Who may open which console page or post which console form: one table, like the API's in
// server/staff/roles.ts. A console route missing here is refused to everyone.
import { STAFF_ROLES, type StaffRole } from '../../staff/roles';

const EVERYONE: readonly StaffRole[] = STAFF_ROLES;
const COMPLIANCE: readonly StaffRole[] = ['compliance'];

/** "METHOD /console/route" → the roles allowed, or 'public' for the sign-in page. */
export const CONSOLE_ACCESS: Readonly<Record<string, readonly StaffRole[] | 'public'>> = {
  'GET /console/login': 'public',
  'POST /console/login': 'public',
  'POST /console/login/totp': 'public',
  // The one-time link from `npm run staff` carries its own secret; whoever holds it has no session yet.
  'GET /console/set-password': 'public',
  'POST /console/set-password': 'public',
  'POST /console/logout': EVERYONE,
  'GET /console': EVERYONE,
  'GET /console/requests/new': EVERYONE,
  'POST /console/requests': EVERYONE,
  'GET /console/mine': EVERYONE,
  'GET /console/queue': COMPLIANCE,
  'GET /console/requests/:id': EVERYONE,
  // Finding a request is what an agent does first when a subject calls; the owner and notes
  // belong to whoever works requests (agents and compliance), admins only read.
  'POST /console/find': EVERYONE,
  // What was erased and what was sent, as the API's certificate: for compliance and admins.
  'GET /console/requests/:id/certificate': ['compliance', 'admin'],
  'GET /console/requests/:id/package': ['compliance', 'admin'],
  'POST /console/requests/:id/owner': ['agent', 'compliance'],
  'POST /console/requests/:id/notes': ['agent', 'compliance'],
  'POST /console/language': EVERYONE,
  // The subject's contact: compliance, and the agent who opened the request (the use case checks which).
  'POST /console/requests/:id/contact': ['agent', 'compliance'],
  'POST /console/requests/:id/decide': COMPLIANCE,
  // Four eyes on attested erasures: compliance or an admin, never the attester (the workflow checks).
  'POST /console/requests/:id/approve': ['compliance', 'admin'],
  'POST /console/requests/:id/fee/waive': COMPLIANCE,
  'POST /console/requests/:id/extend': COMPLIANCE,
  'POST /console/requests/:id/withdraw': COMPLIANCE,
  'POST /console/requests/:id/stores/:store/retry': COMPLIANCE,
  'POST /console/requests/:id/stores/:store/skip': COMPLIANCE,
  'POST /console/requests/:id/stores/:store/complete': COMPLIANCE,
  // Whoever works a store without an API confirms it, as in the API: agents and compliance.
  'POST /console/requests/:id/tasks/:store/complete': ['agent', 'compliance'],
  'POST /console/requests/:id/holds': COMPLIANCE,
  'POST /console/requests/:id/holds/:hold/release': COMPLIANCE,
  'POST /console/requests/:id/signals': COMPLIANCE,
  'POST /console/requests/:id/signals/:signal/clear': COMPLIANCE,
  'GET /console/admin/staff': ['admin'],
  'POST /console/admin/staff': ['admin'],
  'POST /console/admin/staff/:staffId': ['admin'],
  'GET /console/admin/data-map': ['admin', 'compliance'],
  'GET /console/admin/profile': ['admin', 'compliance'],
};

/** The roles allowed on a route (undefined: refused to all), or 'public'. */
export function consoleAccessFor(method: string, route: string): readonly StaffRole[] | 'public' | undefined {
  return CONSOLE_ACCESS[`${method === 'HEAD' ? 'GET' : method} ${route}`];
}
