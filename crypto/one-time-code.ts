import { createHmac, hkdfSync, randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

// Eight digits: with the per-identity budgets, a year of guessing succeeds with a chance of
// about 1 in 27,000 (docs/security.md). Six-digit codes mailed before the change are still
// accepted by the checks until they expire.
const CODE_DIGITS = 8;
// Distinct from the other keys derived from the same pepper, so none can stand in for another.
const KEY_INFO = 'dsr-engine one-time code v1';
/** Hashes keyed with the code key are written "k1:salt:mac"; older ones are "salt:scrypt". */
const KEYED = 'k1';

/** An eight-digit one-time code, uniformly drawn. */
export function generateOneTimeCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

/** Derives the key codes are hashed with from the identity pepper (HKDF-SHA256). */
export function oneTimeCodeKey(pepper: string): Buffer {
  return Buffer.from(hkdfSync('sha256', pepper, Buffer.alloc(0), KEY_INFO, 32));
}

const keyedMac = (key: Buffer, salt: Buffer, code: string) => createHmac('sha256', key).update(salt).update(code).digest();

/** A salted hash of a code; the code itself is never stored. With the key, an HMAC: the
 *  database alone then gives no way to test guesses, since the key is not in it, and a hash
 *  costs microseconds. A salted scrypt, as before, stretched a code of 10^8 values at about
 *  60 ms of a core per code mailed and per code checked, on the worker's event loop. */
export function hashOneTimeCode(code: string, key?: Buffer): string {
  const salt = randomBytes(16);
  if (key) return `${KEYED}:${salt.toString('hex')}:${keyedMac(key, salt, code).toString('hex')}`;
  return `${salt.toString('hex')}:${scryptSync(code, salt, 32).toString('hex')}`;
}

/** Compares a submitted code with a stored hash in constant time: a keyed one with the key,
 *  one from before the key with scrypt (codes mailed before the change, until they expire). */
export function oneTimeCodeMatches(code: string, stored: string, key?: Buffer): boolean {
  const parts = stored.split(':');
  if (parts[0] === KEYED) {
    if (!key || parts.length !== 3) return false;
    const expected = Buffer.from(parts[2]!, 'hex');
    const actual = keyedMac(key, Buffer.from(parts[1]!, 'hex'), code);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
  const [saltHex, hashHex] = parts;
  if (!saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(code, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(expected, actual);
}
