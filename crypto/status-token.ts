// The secret in a subject's status link. It replaces a random token "stored hashed": the
// token is an HMAC over the request id and an expiry day, so nothing is stored, it cannot
// be forged or re-dated without the server key, and rotating DSR_IDENTITY_PEPPER (from
// which the key is derived) revokes every link at once.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const DAY_MS = 86_400_000;
/** Long enough for the whole procedure, a fee pause and every extension a regime allows. */
export const STATUS_TOKEN_LIFETIME_DAYS = 400;
// Distinct from the identity hashes keyed by the same pepper, so neither can stand in for the other.
const KEY_INFO = 'dsr-engine status link v1';
// 43 base64url characters are the 32 bytes of an HMAC-SHA256; the day is written one way only.
const TOKEN_SHAPE = /^([A-Za-z0-9_-]{43})\.(0|[1-9]\d{0,6})$/;

export type StatusTokenCheck = 'VALID' | 'INVALID' | 'EXPIRED';

/** Derives the status-link key from the identity pepper (HKDF-SHA256). */
export function statusTokenKey(pepper: string): Buffer {
  return Buffer.from(hkdfSync('sha256', pepper, Buffer.alloc(0), KEY_INFO, 32));
}

/** Issues the token for a request, valid until the end of the day `lifetimeDays` from `now` (UTC). */
export function issueStatusToken(key: Buffer, requestId: string, now: Date, lifetimeDays = STATUS_TOKEN_LIFETIME_DAYS): string {
  const expiryDay = epochDay(now) + lifetimeDays;
  return `${mac(key, requestId, expiryDay)}.${expiryDay}`;
}

/** Checks a presented token for this request: a wrong id, a wrong key and an altered day are all INVALID. */
export function checkStatusToken(key: Buffer, requestId: string, token: string, now: Date): StatusTokenCheck {
  const parts = TOKEN_SHAPE.exec(token);
  if (!parts) return 'INVALID';
  const [, presented = '', day = ''] = parts;
  const expiryDay = Number(day);
  // Comparing the encoded strings (equal length by the shape check) in constant time also
  // refuses a non-canonical base64 spelling of the right bytes.
  if (!timingSafeEqual(Buffer.from(presented), Buffer.from(mac(key, requestId, expiryDay)))) return 'INVALID';
  return epochDay(now) > expiryDay ? 'EXPIRED' : 'VALID';
}

function mac(key: Buffer, requestId: string, expiryDay: number): string {
  return createHmac('sha256', key).update(`${requestId}.${expiryDay}`).digest('base64url');
}

function epochDay(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS);
}

/** The key of the "this was not me" link in a code mail, derived from the status-link key: a
 *  token for one cannot open the other, so the mail's link can withdraw the request and nothing else. */
export function notMeTokenKey(statusKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', statusKey, Buffer.alloc(0), 'dsr-engine not-me link v1', 32));
}
