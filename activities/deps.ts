// What activities need from the outside world, injected so tests use the real services
// with their own settings.
import type { FieldCipher } from '../crypto/field-cipher';
import type { Db } from '../db/prisma';
import type { Mailer } from '../mail/mailer';

export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
  cipher: FieldCipher;
  clock: () => Date;
  verification: { codeTtlMs: number; maxAttempts: number };
}
