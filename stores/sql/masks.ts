// How a declared SQL store overwrites an anonymised column: with NULL, a fixed value, a keyed
// hash of the value it held, or not at all (`keep`). The keyed hash (HMAC-SHA256 under the
// store's hashKey) lets rows of one former subject still be counted together without saying
// who they were; it starts with a marker so that a row already anonymised is recognised.
import { createHmac } from 'node:crypto';

export const HASH_MARKER = 'anon-';
/** Hex characters kept when the column's length is unknown: 128 bits. */
const DEFAULT_HASH_CHARS = 32;

/** The keyed hash of a value, as text that fits `maxLength` characters when one is given. */
export function keyedHash(key: string, value: string | number | null, maxLength?: number | null): string | null {
  if (value === null) return null;
  const hex = createHmac('sha256', key).update(String(value)).digest('hex');
  const room = maxLength ? Math.max(maxLength - HASH_MARKER.length, 8) : DEFAULT_HASH_CHARS;
  return `${HASH_MARKER}${hex.slice(0, room)}`.slice(0, maxLength ?? undefined);
}
