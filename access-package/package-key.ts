// Each package is encrypted under its own random AES-256 key, kept in the package's row
// sealed by the field cipher (so under the server keyring, and rotating with it). Erasing
// that sealed key makes the file unreadable even if a copy of it survives somewhere.
import { randomBytes } from 'node:crypto';
import type { FieldCipher } from '../crypto/field-cipher';

/** A fresh data key and its sealed form for the database. */
export function newPackageKey(cipher: FieldCipher): { key: Buffer; sealed: string } {
  const key = randomBytes(32);
  return { key, sealed: cipher.encrypt(key.toString('base64'), 'AccessPackage.dataKeySealed') };
}

/** The data key from its sealed form. */
export function openPackageKey(cipher: FieldCipher, sealed: string): Buffer {
  return Buffer.from(cipher.decrypt(sealed, 'AccessPackage.dataKeySealed'), 'base64');
}
