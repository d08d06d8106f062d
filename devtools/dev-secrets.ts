// Development secrets, generated once into .data so that `npm start` needs no setup and
// data encrypted in one run can be read in the next. Production supplies its own.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface DevSecrets {
  DSR_ENCRYPTION_KEYS: string;
  DSR_ENCRYPTION_KEY_ID: string;
  DSR_IDENTITY_PEPPER: string;
  CODEC_AUTH_TOKEN: string;
}

/** Reads .data/dev-secrets.json, adding fresh random values for any secret it lacks (all of them on first use). */
export function loadOrCreateDevSecrets(dataDir: string): DevSecrets {
  const file = path.join(dataDir, 'dev-secrets.json');
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecrets>) : {};
  // Stored values win: keys from an earlier run must stay, or its data becomes unreadable.
  const secrets: DevSecrets = {
    DSR_ENCRYPTION_KEYS: `dev-1:${randomBytes(32).toString('base64')}`,
    DSR_ENCRYPTION_KEY_ID: 'dev-1',
    DSR_IDENTITY_PEPPER: randomBytes(32).toString('hex'),
    CODEC_AUTH_TOKEN: randomBytes(32).toString('hex'),
    ...stored,
  };
  if (Object.keys(secrets).some((name) => !(name in stored))) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
