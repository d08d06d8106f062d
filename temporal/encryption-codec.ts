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
/** What an unencrypted inbound payload becomes: an encoding no payload converter knows, so
 *  the workflow refuses the update (or fails the start) before any handler sees its value. */
export const REFUSED_ENCODING = 'binary/refused-unencrypted';
/** The null payload (an update or query without arguments) carries nothing and is let through. */
const NULL_ENCODING = 'binary/null';
const FORMAT_KEY = 'encryption-format';
const BOUND_FORMAT = 'v2';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class EncryptionCodec implements PayloadCodec {
  /** `refuseUnencrypted`: the worker's and clients' codec; the remote codec endpoint for the
   *  Web UI leaves plain payloads as they are, since it only shows them. */
  constructor(
    private readonly keyring: Keyring,
    private readonly options: { refuseUnencrypted?: boolean } = {},
  ) {}

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
      const name = encoding ? decoder.decode(encoding) : '';
      if (name !== ENCRYPTED_ENCODING) {
        // A caller without the codec (e.g. the Temporal CLI) cannot send input at all.
        if (!this.options.refuseUnencrypted || name === NULL_ENCODING) return payload;
        return { metadata: { encoding: encoder.encode(REFUSED_ENCODING) }, data: new Uint8Array() };
      }
      const keyIdBytes = payload.metadata?.['encryption-key-id'];
      if (!keyIdBytes || !payload.data) throw new Error('Encrypted payload without key id or data.');
      const format = payload.metadata?.[FORMAT_KEY];
      if (format && decoder.decode(format) !== BOUND_FORMAT) throw new Error('Encrypted payload of an unknown format.');
      const plain = openBytes(this.keyring.key(decoder.decode(keyIdBytes)), payload.data, format ? PAYLOAD_AAD : undefined);
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}
