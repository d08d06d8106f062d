import { randomBytes } from 'node:crypto';
import { parseKeyring } from '../../crypto/keyring';

/** A fresh keyring and pepper for one test run, also as the environment spells them. */
export function testSecrets() {
  const keySpec = `test-key:${randomBytes(32).toString('base64')}`;
  const keyId = 'test-key';
  return { keySpec, keyId, keyring: parseKeyring(keySpec, keyId), identityPepper: randomBytes(16).toString('hex') };
}
