import type { DataConverter } from '@temporalio/common';
import type { Keyring } from '../crypto/keyring';
import { EncryptionCodec } from './encryption-codec';

/** The failure converter's module, for the workflow bundle too (bundleWorkflowCode's failureConverterPath):
 *  a workflow's own failures are converted inside its sandbox. */
export const FAILURE_CONVERTER_PATH = require.resolve('./failure-converter');

/** The data converter shared by worker and clients: JSON payloads, then encrypted; an
 *  unencrypted payload coming in (other than null) is refused; failure messages and stacks
 *  moved into an encoded payload so that they are encrypted too. */
export function encryptedDataConverter(keyring: Keyring): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keyring, { refuseUnencrypted: true })], failureConverterPath: FAILURE_CONVERTER_PATH };
}
