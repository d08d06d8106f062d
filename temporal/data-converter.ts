import type { DataConverter } from '@temporalio/common';
import type { Keyring } from '../crypto/keyring';
import { EncryptionCodec } from './encryption-codec';

/** The data converter shared by worker and clients: JSON payloads, then encrypted; an
 *  unencrypted payload coming in (other than null) is refused. */
export function encryptedDataConverter(keyring: Keyring): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keyring, { refuseUnencrypted: true })] };
}
