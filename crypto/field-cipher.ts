// Encryption of single database fields (e.g. a subject's contact address).
import { openBytes, sealBytes } from './aes-gcm';
import { FIELD_AAD, type Keyring } from './keyring';

/** Every database column the field cipher seals, as "<table>.<column>": each ciphertext is bound
 *  to its own, so one cannot be copied into another column (an access package's data key into a
 *  subject's address, a TOTP secret into a note) and be opened there. */
/** The database columns sealed with the field cipher, and the one cookie (the OIDC sign-in state) that is not a column but is bound the same way. */
export type FieldColumn = 'DataSubject.emailEncrypted' | 'AccessPackage.dataKeySealed' | 'AuditNote.body' | 'StaffAccount.totpSecret' | 'DsrRequest.phoneEncrypted' | 'DsrRequest.accountIdEncrypted' | 'Cookie.oidcSignInState';

export interface FieldCipher {
  encrypt(plain: string, column: FieldColumn): string;
  decrypt(sealed: string, column: FieldColumn): string;
}

// Key ids cannot hold ":" (parseKeyring splits on it), so these prefixes never start an old ciphertext.
const COLUMN_BOUND_PREFIX = 'v3:';
const BOUND_PREFIX = 'v2:';

const columnAad = (column: FieldColumn) => `${FIELD_AAD}:${column}`;

/** Field cipher whose output "v3:<key id>.<base64>" names its key, so keys can rotate, and is
 *  bound to its table and column (associated data "field:<table>.<column>"). Nothing is migrated:
 *  a "v2:" ciphertext was bound to field use only and still opens as such, and an old
 *  "<key id>.<base64>" without a marker was sealed unbound and still opens; both are re-sealed
 *  as v3 whenever the field is next written. */
export function createFieldCipher(keyring: Keyring): FieldCipher {
  return {
    encrypt(plain, column) {
      const id = keyring.currentKeyId;
      return `${COLUMN_BOUND_PREFIX}${id}.${sealBytes(keyring.key(id), Buffer.from(plain, 'utf8'), columnAad(column)).toString('base64')}`;
    },
    decrypt(sealed, column) {
      const [text, aad] = sealed.startsWith(COLUMN_BOUND_PREFIX)
        ? [sealed.slice(COLUMN_BOUND_PREFIX.length), columnAad(column)]
        : sealed.startsWith(BOUND_PREFIX)
          ? [sealed.slice(BOUND_PREFIX.length), FIELD_AAD]
          : [sealed, undefined];
      const dot = text.lastIndexOf('.');
      const id = text.slice(0, dot);
      return openBytes(keyring.key(id), Buffer.from(text.slice(dot + 1), 'base64'), aad).toString('utf8');
    },
  };
}
