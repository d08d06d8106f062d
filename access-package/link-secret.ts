// The secret of a package's download link: 32 random bytes, mailed to the subject and
// never stored. The database keeps only its SHA-256: with 256 bits of randomness there is
// nothing to guess, so a plain hash (no pepper) is enough to make a stolen table useless.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const SECRET_BYTES = 32;
// 43 base64url characters are 32 bytes; anything else cannot be a secret we issued.
const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The hash the database keeps of a link secret. */
export function hashLinkSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A fresh secret for a download link, and its hash. */
export function newLinkSecret(): { secret: string; hash: string } {
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { secret, hash: hashLinkSecret(secret) };
}

/** Whether a presented secret is the one whose hash is stored; compared in constant time. */
export function linkSecretMatches(presented: string, storedHash: string): boolean {
  if (!SECRET_SHAPE.test(presented)) return false;
  const expected = Buffer.from(storedHash, 'hex');
  const actual = Buffer.from(hashLinkSecret(presented), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
