// The name a store outside the main database files a subject under: a plain SHA-256 of the
// normalised address, the convention the writing services share (they hold no pepper).
import { createHash } from 'node:crypto';
import { normaliseEmail } from './identity-key';

/** The hash that stands for the subject in key and folder names: never the address itself. */
export function subjectHash(email: string): string {
  return createHash('sha256').update(normaliseEmail(email)).digest('hex');
}
