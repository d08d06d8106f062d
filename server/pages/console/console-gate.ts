// The one gate in front of every console page: a live session (else the sign-in page), a
// role the console's access table allows (403), and on every form post the CSRF field (403).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../../db/prisma';
import { AppError } from '../../app-error';
import { sessionOf, type StaffPrincipal } from '../../staff/session';
import { consoleAccessFor } from './console-access';
import { CSRF_FIELD, formCsrfMatches } from './console-session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const principals = new WeakMap<FastifyRequest, StaffPrincipal>();

/** onRequest: session and role, answered before the body is read. */
export const consoleGate = (db: Db, clock: () => Date) => async (request: FastifyRequest, reply: FastifyReply) => {
  // Unknown pages get the not-found page, not a sign-in prompt.
  if (request.is404) return;
  const allowed = consoleAccessFor(request.method, request.routeOptions.url ?? '');
  if (allowed === 'public') return;
  const principal = await sessionOf(db, request, clock());
  if (!principal) return reply.redirect('/console/login', 303);
  // Known before the role is checked, so that the refusal speaks the person's language.
  principals.set(request, principal);
  if (!allowed?.includes(principal.role)) throw new AppError(403, 'ROLE_FORBIDDEN', `The ${principal.role} role may not open this page.`);
};

/** preHandler: a form that changes something must carry the session's CSRF token. */
export const consoleCsrfCheck = (pepper: string) => async (request: FastifyRequest) => {
  if (SAFE_METHODS.has(request.method)) return;
  const principal = principals.get(request);
  // Public posts (signing in) have no session yet, and so no token to check.
  if (!principal) return;
  const fields = (request.body ?? {}) as Record<string, unknown>;
  if (!formCsrfMatches(pepper, principal, fields[CSRF_FIELD])) {
    throw new AppError(403, 'CSRF_INVALID', 'This form has expired or did not come from the console. Open the page again and resend it.');
  }
};

/** The member of staff the gate let through. */
export function consoleStaffOf(request: FastifyRequest): StaffPrincipal {
  const principal = principals.get(request);
  if (!principal) throw new Error('Console route reached without passing the console gate.');
  return principal;
}


/** The signed-in person's console language, undefined on the public pages (sign-in). */
export function signedInLanguage(request: FastifyRequest): 'en' | 'zh' | undefined {
  return principals.get(request)?.language;
}
