import { createHmac } from 'node:crypto';
import { normaliseEmail } from '../stores/identity-key';

export { normaliseEmail };

/** Keyed hash of an identity key: lets a returning subject be matched without storing
 *  the key in clear, and cannot be reversed by hashing guesses without the pepper. */
export function hashIdentity(pepper: string, email: string): string {
  return createHmac('sha256', pepper).update(normaliseEmail(email)).digest('hex');
}
