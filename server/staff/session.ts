// Staff sessions: a random token in an HttpOnly cookie, stored only as its SHA-256, with a
// CSRF token handed to the console at sign-in and likewise stored as a hash.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/prisma';
import type { StaffRole } from './roles';

export const SESSION_COOKIE = 'dsr_staff';
export const CSRF_HEADER = 'x-csrf-token';
const COOKIE_PATH = '/api/staff';
/** A working day; after it the member of staff signs in again. */
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;
/** A session unused for this long ends, on top of the working-day limit: an unattended console closes itself. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
// Activity is written at most this often, so that every request does not write the session row.
const LAST_SEEN_GRANULARITY_MS = 60 * 1000;

export interface StaffPrincipal {
  sessionId: string;
  staffId: string;
  role: StaffRole;
  displayName: string;
  /** The language the console speaks to this person (StaffAccount.language). */
  language: 'en' | 'zh';
  csrfTokenHash: string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/** Time to open the authenticator app and type the code after the password; then sign in again. */
export const PENDING_SESSION_MS = 5 * 60 * 1000;

/** Opens a session; returns the cookie token and the CSRF token, which exist nowhere else. A pending
 *  session (password given, second factor due) opens nothing but the code step, for five minutes. */
export async function openSession(db: Db, staffId: string, now: Date, opts: { pending?: boolean } = {}): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  const pending = opts.pending ?? false;
  const expiresAt = new Date(now.getTime() + (pending ? PENDING_SESSION_MS : SESSION_LIFETIME_MS));
  await db.staffSession.create({ data: { id: sha256(token), staffId, csrfTokenHash: sha256(csrfToken), expiresAt, lastSeenAt: now, secondFactorPending: pending } });
  return { token, csrfToken, expiresAt };
}

/** The live pending session behind a cookie token (password given, code due), or null. */
export async function pendingSessionOf(db: Db, token: string | undefined, now: Date) {
  if (!token) return null;
  const session = await db.staffSession.findUnique({ where: { id: sha256(token) }, include: { staff: true } });
  if (!session || !session.secondFactorPending || session.revokedAt || session.expiresAt <= now || session.staff.disabledAt) return null;
  return session;
}

/** Whether `presented` is the session's CSRF token; hashes are compared in constant time. */
export function tokenMatchesHash(presented: unknown, hash: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  return timingSafeEqual(Buffer.from(sha256(presented), 'hex'), Buffer.from(hash, 'hex'));
}

/** The signed-in member of staff behind the request's cookie, or null for none, expired, idle too long, revoked or disabled; marks the session used. */
export async function sessionOf(db: Db, request: FastifyRequest, now: Date): Promise<StaffPrincipal | null> {
  const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
  if (!token) return null;
  const session = await db.staffSession.findUnique({ where: { id: sha256(token) }, include: { staff: true } });
  // A pending session has passed the password only: it is nobody's session until the code is given.
  if (!session || session.secondFactorPending || session.revokedAt || session.expiresAt <= now || session.staff.disabledAt) return null;
  if (session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now.getTime()) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_GRANULARITY_MS) {
    await db.staffSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { staff } = session;
  return { sessionId: session.id, staffId: staff.id, role: staff.role as StaffRole, displayName: staff.displayName, language: staff.language === 'zh' ? 'zh' : 'en', csrfTokenHash: session.csrfTokenHash };
}

/** Ends the session for good. */
export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db.staffSession.update({ where: { id: sessionId }, data: { revokedAt: now } });
}

/** Whether the request carries the session's CSRF token; hashes are compared in constant time. */
export function csrfTokenMatches(request: FastifyRequest, principal: StaffPrincipal): boolean {
  return tokenMatchesHash(request.headers[CSRF_HEADER], principal.csrfTokenHash);
}

/** The Set-Cookie value for a session token; Secure whenever the public address is https. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${SESSION_COOKIE}=${token}`, 'HttpOnly', 'SameSite=Strict', `Path=${COOKIE_PATH}`, `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])].join('; ');
}

/** One cookie's value from a Cookie header, parsed by hand (RFC 6265 pairs separated by ";"). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}
