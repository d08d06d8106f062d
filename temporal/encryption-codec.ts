// Encrypts every payload that leaves the worker or client, so that personal data in
// workflow inputs, activity results and update arguments is never stored in clear in
// Temporal's history. The key id travels in the metadata so keys can rotate. Each payload is
// bound to its use (associated data "temporal-payload", marked "encryption-format: v2"), so a
// database field's ciphertext cannot be replayed as a payload; payloads recorded before the
// marker (running workflows, test/fixtures/histories) are opened unbound as they were sealed.
import type { Payload, PayloadCodec } from '@temporalio/common';
import { openBytes, sealBytes } from '../crypto/aes-gcm';
import { PAYLOAD_AAD, type Keyring } from '../crypto/keyring';
import { temporal } from '@temporalio/proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
const FORMAT_KEY = 'encryption-format';
const BOUND_FORMAT = 'v2';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keyring: Keyring) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const keyId = this.keyring.currentKeyId;
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      return {
        metadata: {
          encoding: encoder.encode(ENCRYPTED_ENCODING),
          'encryption-key-id': encoder.encode(keyId),
          [FORMAT_KEY]: encoder.encode(BOUND_FORMAT),
        },
        data: sealBytes(this.keyring.key(keyId), plain, PAYLOAD_AAD),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.encoding;
      if (!encoding || decoder.decode(encoding) !== ENCRYPTED_ENCODING) return payload;
      const keyIdBytes = payload.metadata?.['encryption-key-id'];
      if (!keyIdBytes || !payload.data) throw new Error('Encrypted payload without key id or data.');
      const format = payload.metadata?.[FORMAT_KEY];
      if (format && decoder.decode(format) !== BOUND_FORMAT) throw new Error('Encrypted payload of an unknown format.');
      const plain = openBytes(this.keyring.key(decoder.decode(keyIdBytes)), payload.data, format ? PAYLOAD_AAD : undefined);
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}
