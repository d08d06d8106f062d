// The composition root: builds the long-lived services from configuration once.
import type { ActivityDeps } from '../activities';
import type { AppConfig } from '../config/env';
import { createFieldCipher, type FieldCipher } from '../crypto/field-cipher';
import { parseKeyring, type Keyring } from '../crypto/keyring';
import { createDb, type Db } from '../db/prisma';
import { createSmtpMailer, type Mailer } from '../mail/mailer';
import { buildActivityDeps } from './activity-deps';

export interface Services {
  config: AppConfig;
  keyring: Keyring;
  cipher: FieldCipher;
  db: Db;
  mailer: Mailer;
  activityDeps: ActivityDeps;
  close(): Promise<void>;
}

/** Opens the database and mailer described by the configuration. */
export function createServices(config: AppConfig): Services {
  const keyring = parseKeyring(config.keys.encryptionKeys, config.keys.currentKeyId);
  const cipher = createFieldCipher(keyring);
  const db = createDb(config.databaseUrl, config.databasePoolMax);
  const mailer = createSmtpMailer({ ...config.smtp, from: config.mailFrom });
  return {
    config,
    keyring,
    cipher,
    db,
    mailer,
    activityDeps: buildActivityDeps({ db, mailer, cipher, staffMailTo: config.staffMailTo, publicUrl: config.http.publicUrl }),
    async close() {
      mailer.close();
      await db.$disconnect();
    },
  };
}
