// Symmetric keys for data at rest and for Temporal payloads. Several keys may be loaded
// so that old ciphertexts stay readable after a rotation; new ones use the current key.

export interface Keyring {
  currentKeyId: string;
  key(id: string): Buffer;
}

const KEY_BYTES = 32;

/** What each ciphertext is bound to (AES-GCM associated data), so that one sealed for a
 *  database field cannot be handed to the codec as a workflow payload, nor the reverse.
 *  Ciphertexts written before this binding carry no version marker and are opened without it. */
export const FIELD_AAD = 'field';
export const PAYLOAD_AAD = 'temporal-payload';

/** Parses "id1:base64,id2:base64" into a keyring whose current key is `currentKeyId`. */
export function parseKeyring(spec: string, currentKeyId: string): Keyring {
  const keys = new Map<string, Buffer>();
  for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const sep = entry.indexOf(':');
    if (sep <= 0) throw new Error('DSR_ENCRYPTION_KEYS entries must look like "<key id>:<base64 key>".');
    const id = entry.slice(0, sep);
    const key = Buffer.from(entry.slice(sep + 1), 'base64');
    if (key.length !== KEY_BYTES) throw new Error(`Encryption key "${id}" must be ${KEY_BYTES} bytes (base64).`);
    keys.set(id, key);
  }
  if (!keys.has(currentKeyId)) throw new Error(`DSR_ENCRYPTION_KEY_ID "${currentKeyId}" is not among DSR_ENCRYPTION_KEYS.`);
  return {
    currentKeyId,
    key(id) {
      const key = keys.get(id);
      if (!key) throw new Error(`Unknown encryption key id "${id}".`);
      return key;
    },
  };
}
