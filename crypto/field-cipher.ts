// Encryption of single database fields (e.g. a subject's contact address).
import { openBytes, sealBytes } from './aes-gcm';
import type { Keyring } from './keyring';

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

/** Field cipher whose output "<key id>.<base64>" names its key, so keys can rotate. */
export function createFieldCipher(keyring: Keyring): FieldCipher {
  return {
    encrypt(plain) {
      const id = keyring.currentKeyId;
      return `${id}.${sealBytes(keyring.key(id), Buffer.from(plain, 'utf8')).toString('base64')}`;
    },
    decrypt(sealed) {
      const dot = sealed.lastIndexOf('.');
      const id = sealed.slice(0, dot);
      return openBytes(keyring.key(id), Buffer.from(sealed.slice(dot + 1), 'base64')).toString('utf8');
    },
  };
}
