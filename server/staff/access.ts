// The one gate in front of every staff route: a live session (401), a role the access
// table allows (403), and for anything that changes state the session's CSRF token (403).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/prisma';
import { AppError } from '../app-error';
import { STAFF_ACCESS } from './roles';
import { csrfTokenMatches, sessionOf, type StaffPrincipal } from './session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const principals = new WeakMap<FastifyRequest, StaffPrincipal>();

/** The hook that guards the staff routes; it runs before the body is read. */
export const staffGate = (db: Db, clock: () => Date) => async (request: FastifyRequest) => {
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  const allowed = STAFF_ACCESS[`${method} ${request.routeOptions.url ?? ''}`];
  if (allowed === 'public') return;
  const principal = await sessionOf(db, request, clock());
  if (!principal) throw new AppError(401, 'SESSION_REQUIRED', 'Please sign in to the staff console (POST /api/staff/session).');
  if (!allowed?.includes(principal.role)) throw new AppError(403, 'ROLE_FORBIDDEN', `The ${principal.role} role may not do this.`);
  if (!SAFE_METHODS.has(request.method) && !csrfTokenMatches(request, principal)) {
    throw new AppError(403, 'CSRF_INVALID', 'Send the X-CSRF-Token header with the token given at sign-in.');
  }
  principals.set(request, principal);
};

/** The member of staff the gate let through. */
export function staffOf(request: FastifyRequest): StaffPrincipal {
  const principal = principals.get(request);
  if (!principal) throw new Error('Staff route reached without passing the staff gate.');
  return principal;
}
