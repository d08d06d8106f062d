// Encrypts every payload that leaves the worker or client, so that personal data in
// workflow inputs, activity results and update arguments is never stored in clear in
// Temporal's history. The key id travels in the metadata so keys can rotate.
import type { Payload, PayloadCodec } from '@temporalio/common';
import { openBytes, sealBytes } from '../crypto/aes-gcm';
import type { Keyring } from '../crypto/keyring';
import { temporal } from '@temporalio/proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
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
        },
        data: sealBytes(this.keyring.key(keyId), plain),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.encoding;
      if (!encoding || decoder.decode(encoding) !== ENCRYPTED_ENCODING) return payload;
      const keyIdBytes = payload.metadata?.['encryption-key-id'];
      if (!keyIdBytes || !payload.data) throw new Error('Encrypted payload without key id or data.');
      const plain = openBytes(this.keyring.key(decoder.decode(keyIdBytes)), payload.data);
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}
