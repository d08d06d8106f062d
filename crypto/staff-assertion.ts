// A short-lived proof, signed by the API, that a signed-in member of staff asked for one
// action on one request. The workflow checks it (through an activity, since the key never
// enters workflow code) before a staff update changes anything, so a caller who reaches the
// Temporal namespace cannot act "as" staff by writing any staffId into an update.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

// Distinct from the status links and identity hashes keyed by the same pepper.
const KEY_INFO = 'dsr-engine staff assertion v1';
/** Long enough for the update to reach the worker, short enough that a leaked one soon dies. */
export const STAFF_ASSERTION_TTL_MS = 5 * 60_000;

export interface StaffClaim {
  requestId: string;
  /** The update's name, e.g. attestIdentity, approveErasure; 'openAttested' for a start. */
  action: string;
  staffId: string;
  role: string;
}

export type AssertionCheck = { ok: true; role: string } | { ok: false; reason: string };

/** Derives the assertion key from the identity pepper (HKDF-SHA256), which API and worker share. */
export function staffAssertionKey(pepper: string): Buffer {
  return Buffer.from(hkdfSync('sha256', pepper, Buffer.alloc(0), KEY_INFO, 32));
}

/** Signs a claim valid for `ttlMs` from `now`: `<base64url claim>.<base64url HMAC>`. */
export function signStaffAssertion(key: Buffer, claim: StaffClaim, now: Date, ttlMs = STAFF_ASSERTION_TTL_MS): string {
  const body = Buffer.from(JSON.stringify({ r: claim.requestId, a: claim.action, s: claim.staffId, o: claim.role, e: now.getTime() + ttlMs })).toString('base64url');
  return `${body}.${mac(key, body)}`;
}

/** Checks that `assertion` was signed for exactly this request, action and member of staff, and is unexpired. */
export function checkStaffAssertion(key: Buffer, assertion: unknown, expected: Omit<StaffClaim, 'role'>, now: Date): AssertionCheck {
  if (typeof assertion !== 'string') return { ok: false, reason: 'The staff action carries no assertion from the API.' };
  const [body = '', sig = '', extra] = assertion.split('.');
  if (extra !== undefined || !/^[A-Za-z0-9_-]+$/.test(body) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return { ok: false, reason: 'The staff assertion is malformed.' };
  if (!timingSafeEqual(Buffer.from(sig), Buffer.from(mac(key, body)))) return { ok: false, reason: 'The staff assertion is not signed by the API.' };
  let claim: { r?: unknown; a?: unknown; s?: unknown; o?: unknown; e?: unknown };
  try {
    claim = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as typeof claim;
  } catch {
    return { ok: false, reason: 'The staff assertion is malformed.' };
  }
  if (claim.r !== expected.requestId) return { ok: false, reason: 'The staff assertion was issued for another request.' };
  if (claim.a !== expected.action) return { ok: false, reason: 'The staff assertion was issued for another action.' };
  if (claim.s !== expected.staffId) return { ok: false, reason: 'The staff assertion was issued to another member of staff.' };
  if (typeof claim.e !== 'number' || now.getTime() > claim.e) return { ok: false, reason: 'The staff assertion has expired; try again.' };
  if (typeof claim.o !== 'string') return { ok: false, reason: 'The staff assertion is malformed.' };
  return { ok: true, role: claim.o };
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}
