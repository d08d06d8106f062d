import { randomBytes } from 'node:crypto';
import { parseKeyring } from '../../crypto/keyring';

/** A fresh keyring and pepper for one test run. */
export function testSecrets() {
  const spec = `test-key:${randomBytes(32).toString('base64')}`;
  return { keyring: parseKeyring(spec, 'test-key'), identityPepper: randomBytes(16).toString('hex') };
}
