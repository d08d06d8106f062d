// Who may reach the codec endpoint, which hands out decrypted personal data: any caller
// must present the shared bearer token, and a browser page may only read the answer when
// it comes from a configured origin (the Temporal Web UI).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/prisma';
import { AppError } from './app-error';
import type { StaffRole } from './staff/roles';
import { SESSION_COOKIE, sessionOf } from './staff/session';

const ALLOWED_HEADERS = 'Content-Type, Authorization, X-Namespace';
const ALLOWED_METHODS = 'POST, OPTIONS';
// The Web UI preflights every decode call; caching the answer spares a round trip per event.
const PREFLIGHT_MAX_AGE_SECONDS = 600;
const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Adds the CORS headers when the request comes from a configured origin; any other origin gets none, so the browser withholds the answer. */
export function applyCors(request: FastifyRequest, reply: FastifyReply, allowedOrigins: ReadonlySet<string>): void {
  // Caches must not serve one origin's answer to another.
  reply.header('Vary', 'Origin');
  const origin = request.headers.origin;
  if (!origin || !allowedOrigins.has(origin)) return;
  reply.header('Access-Control-Allow-Origin', origin);
  reply.header('Access-Control-Allow-Credentials', 'true');
  if (request.method === 'OPTIONS') {
    reply.header('Access-Control-Allow-Methods', ALLOWED_METHODS);
    reply.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    reply.header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
  }
}

/** Throws a 401 unless the Authorization header carries the expected bearer token; the token is never echoed. */
export function requireBearerToken(authorization: string | undefined, expected: string, reply: FastifyReply): void {
  const presented = authorization?.match(BEARER)?.[1];
  if (presented && sameSecret(presented, expected)) return;
  reply.header('WWW-Authenticate', 'Bearer realm="codec"');
  throw new AppError(
    401,
    'UNAUTHORIZED',
    presented
      ? 'The codec token is not valid.'
      : 'The codec endpoint needs a token: send "Authorization: Bearer <CODEC_AUTH_TOKEN>".',
  );
}

/** Compares two secrets in time that depends on neither their content nor their length. */
function sameSecret(a: string, b: string): boolean {
  // Hashing first gives equal-length inputs, which timingSafeEqual requires, without leaking the length.
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** Staff whose signed-in session opens the codec: those who may read a request's whole story. */
export const CODEC_STAFF_ROLES: readonly StaffRole[] = ['compliance', 'admin'];
const CODEC_COOKIE_PATH = '/codec';

/** The staff session cookie again, scoped to /codec, so that a browser sends it with the Web UI's codec calls. */
export function codecSessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${SESSION_COOKIE}=${token}`, 'HttpOnly', 'SameSite=Strict', `Path=${CODEC_COOKIE_PATH}`, `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])].join('; ');
}

/** Lets a codec call through on a signed-in compliance or admin session: the Temporal Web UI
 *  sends cookies ("include credentials") but no fixed token. Only from no origin or a configured one. */
export async function requireStaffSession(request: FastifyRequest, staff: { db: Db; clock: () => Date }, allowedOrigins: ReadonlySet<string>): Promise<void> {
  const origin = request.headers.origin;
  if (origin && !allowedOrigins.has(origin)) throw new AppError(403, 'ORIGIN_FORBIDDEN', 'The codec answers signed-in staff only from the configured Web UI origins.');
  const principal = await sessionOf(staff.db, request, staff.clock());
  if (!principal) throw new AppError(401, 'UNAUTHORIZED', 'The staff session has ended: sign in again, or send "Authorization: Bearer <CODEC_AUTH_TOKEN>".');
  if (!CODEC_STAFF_ROLES.includes(principal.role)) throw new AppError(403, 'ROLE_FORBIDDEN', `The ${principal.role} role may not read decrypted payloads.`);
}
