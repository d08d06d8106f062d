import { randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

// Eight digits: with the per-identity budgets, a year of guessing succeeds with a chance of
// about 1 in 27,000 (docs/security.md). Six-digit codes mailed before the change are still
// accepted by the checks until they expire.
const CODE_DIGITS = 8;

/** An eight-digit one-time code, uniformly drawn. */
export function generateOneTimeCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

/** Salted scrypt hash "salt:hash" of a code; the code itself is never stored. */
export function hashOneTimeCode(code: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(code, salt, 32).toString('hex')}`;
}

/** Compares a submitted code with a stored hash in constant time. */
export function oneTimeCodeMatches(code: string, stored: string): boolean {
  const [saltHex, hashHex] = stored.split(':');
  if (!saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(code, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(expected, actual);
}
