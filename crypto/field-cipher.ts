// Encryption of single database fields (e.g. a subject's contact address).
import { openBytes, sealBytes } from './aes-gcm';
import { FIELD_AAD, type Keyring } from './keyring';

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

// Key ids cannot hold ":" (parseKeyring splits on it), so this prefix never starts an old ciphertext.
const BOUND_PREFIX = 'v2:';

/** Field cipher whose output "v2:<key id>.<base64>" names its key, so keys can rotate, and is
 *  bound to its use (associated data "field"). An old "<key id>.<base64>" without the marker
 *  was sealed unbound and is still opened as such. */
export function createFieldCipher(keyring: Keyring): FieldCipher {
  return {
    encrypt(plain) {
      const id = keyring.currentKeyId;
      return `${BOUND_PREFIX}${id}.${sealBytes(keyring.key(id), Buffer.from(plain, 'utf8'), FIELD_AAD).toString('base64')}`;
    },
    decrypt(sealed) {
      const bound = sealed.startsWith(BOUND_PREFIX);
      const text = bound ? sealed.slice(BOUND_PREFIX.length) : sealed;
      const dot = text.lastIndexOf('.');
      const id = text.slice(0, dot);
      return openBytes(keyring.key(id), Buffer.from(text.slice(dot + 1), 'base64'), bound ? FIELD_AAD : undefined).toString('utf8');
    },
  };
}
