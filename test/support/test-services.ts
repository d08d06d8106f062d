// What both test stacks open beside Temporal: the search attributes, a loopback SMTP
// catcher with a mailer pointed at it, the test database and the field cipher.
import type { Connection } from '@temporalio/client';
import { createFieldCipher, type FieldCipher } from '../../crypto/field-cipher';
import type { Keyring } from '../../crypto/keyring';
import type { Db } from '../../db/prisma';
import { startMailCatcher, type MailCatcher } from '../../devtools/mail-catcher';
import { createSmtpMailer, type Mailer } from '../../mail/mailer';
import { registerSearchAttributes } from '../../temporal/search-attributes';
import { testDb } from './database';

export interface TestServices {
  mail: MailCatcher;
  mailer: Mailer;
  db: Db;
  cipher: FieldCipher;
  close(): Promise<void>;
}

/** Opens the services; `close` releases them (the caller stops its worker first). */
export async function openTestServices(connection: Connection, keyring: Keyring): Promise<TestServices> {
  await registerSearchAttributes(connection, 'default');
  const mail = await startMailCatcher();
  const db = testDb();
  const mailer = createSmtpMailer({ host: '127.0.0.1', port: mail.port, secure: false, from: 'Privacy Office <privacy@example.com>' });
  return {
    mail,
    mailer,
    db,
    cipher: createFieldCipher(keyring),
    async close() {
      mailer.close();
      await mail.close();
      await db.$disconnect();
    },
  };
}
