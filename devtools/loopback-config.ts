// The configuration of an engine whose parts all run on this machine, as the test stacks,
// the bench and the fuzz server start them: read by loadConfig like production's, from an
// environment written here rather than the process's own.
import { randomBytes } from 'node:crypto';
import { loadConfig, type AppConfig } from '../config/env';

export interface LoopbackSettings {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  smtpPort: number;
  /** DSR_ENCRYPTION_KEYS and DSR_ENCRYPTION_KEY_ID; a fresh random key when absent. */
  keySpec?: string;
  keyId?: string;
  /** DSR_IDENTITY_PEPPER; a fresh random one when absent. */
  identityPepper?: string;
  accessPackageDir?: string;
}

/** The configuration for the settings; no codec endpoint, mail to the catcher on loopback. */
export function loopbackConfig(s: LoopbackSettings): AppConfig {
  const keyId = s.keyId ?? 'loopback-key';
  return loadConfig({
    DATABASE_URL: s.databaseUrl,
    TEMPORAL_ADDRESS: s.temporalAddress,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: s.taskQueue,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(s.smtpPort),
    SMTP_SECURE: 'false',
    MAIL_FROM: 'Privacy Office <privacy@example.com>',
    STAFF_MAIL_TO: 'compliance@example.test',
    DSR_ENCRYPTION_KEYS: s.keySpec ?? `${keyId}:${randomBytes(32).toString('base64')}`,
    DSR_ENCRYPTION_KEY_ID: keyId,
    DSR_IDENTITY_PEPPER: s.identityPepper ?? randomBytes(16).toString('hex'),
    ...(s.accessPackageDir ? { ACCESS_PACKAGE_DIR: s.accessPackageDir } : {}),
    CODEC_AUTH_TOKEN: '',
  });
}
