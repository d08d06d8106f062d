import { createHmac } from 'node:crypto';

/** Normalises an e-mail address the way two submissions by one person should match. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Keyed hash of an identity key: lets a returning subject be matched without storing
 *  the key in clear, and cannot be reversed by hashing guesses without the pepper. */
export function hashIdentity(pepper: string, email: string): string {
  return createHmac('sha256', pepper).update(normaliseEmail(email)).digest('hex');
}
