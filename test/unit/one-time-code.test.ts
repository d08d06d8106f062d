// Mailed codes are stored only as keyed hashes (crypto/one-time-code.ts); codes hashed with
// scrypt before the key existed still verify until they expire.
import { randomBytes, scryptSync } from 'node:crypto';
import { generateOneTimeCode, hashOneTimeCode, oneTimeCodeKey, oneTimeCodeMatches } from '../../crypto/one-time-code';

const key = oneTimeCodeKey('a pepper of the deployment');

test('when a code is hashed with the key, then only that code with that key matches, and the stored hash holds no digit run of the code', () => {
  const code = generateOneTimeCode();
  const stored = hashOneTimeCode(code, key);
  expect(stored).toMatch(/^k1:[0-9a-f]{32}:[0-9a-f]{64}$/);
  expect(oneTimeCodeMatches(code, stored, key)).toBe(true);
  const other = String((Number(code) + 1) % 10 ** 8).padStart(8, '0');
  expect(oneTimeCodeMatches(other, stored, key)).toBe(false);
  expect(oneTimeCodeMatches(code, stored, oneTimeCodeKey('another pepper'))).toBe(false);
  // Without the key a keyed hash cannot be checked at all: the database alone tests no guess.
  expect(oneTimeCodeMatches(code, stored)).toBe(false);
});

test('when the same code is hashed twice, then the salts make the stored hashes differ', () => {
  expect(hashOneTimeCode('12345678', key)).not.toBe(hashOneTimeCode('12345678', key));
});

test('when a code was hashed with scrypt before the key existed, then it still matches, keyed or not', () => {
  const salt = randomBytes(16);
  const stored = `${salt.toString('hex')}:${scryptSync('87654321', salt, 32).toString('hex')}`;
  expect(oneTimeCodeMatches('87654321', stored, key)).toBe(true);
  expect(oneTimeCodeMatches('87654322', stored, key)).toBe(false);
});

test('when a stored hash is malformed, then nothing matches it', () => {
  for (const stored of ['', 'k1:', 'k1:00:', 'k1:zz:zz', 'nohash']) expect(oneTimeCodeMatches('12345678', stored, key)).toBe(false);
});
