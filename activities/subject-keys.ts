// The identities beyond the e-mail address a request carries (server/intake-identities.ts),
// decrypted at the moment a store needs them: fulfilment and the access package reach the
// stores with the same keys, so what one counts the other exports.
import type { FieldCipher } from '../crypto/field-cipher';
import type { SubjectKeys } from '../stores/data-store';

/** The phone number and account id of a request row, decrypted; {} when it carries none. */
export function furtherKeys(cipher: FieldCipher, request: { phoneEncrypted: string | null; accountIdEncrypted: string | null }): Pick<SubjectKeys, 'phone' | 'accountId'> {
  return {
    ...(request.phoneEncrypted && { phone: cipher.decrypt(request.phoneEncrypted, 'DsrRequest.phoneEncrypted') }),
    ...(request.accountIdEncrypted && { accountId: cipher.decrypt(request.accountIdEncrypted, 'DsrRequest.accountIdEncrypted') }),
  };
}
