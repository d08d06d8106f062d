// What activities need from the outside world, injected so tests use the real services
// with their own settings.
import type { LoadedProfile } from '../config/controller-profile';
import type { FieldCipher } from '../crypto/field-cipher';
import type { Db } from '../db/prisma';
import type { Mailer } from '../mail/mailer';
import type { MapPurpose } from '../stores/data-map/purposes';
import type { StoreRegistry } from '../stores/registry';

export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
  cipher: FieldCipher;
  clock: () => Date;
  verification: { codeTtlMs: number; maxAttempts: number };
  stores: StoreRegistry;
  /** The compliance team's mailbox for reminders, escalations and decisions. */
  staffMailTo: string;
  /** Base URL of the portal, for links in mail (they carry no personal data). */
  publicUrl?: string;
  /** Where access packages are written (ACCESS_PACKAGE_DIR); .data/access-packages when unset. */
  accessPackageDir?: string;
  /** The key status links are signed with (crypto/status-token.ts): with it, a mail that asks
   *  the subject to act links to their status page with a fresh token, as the intake answer does. */
  statusLinkKey?: Buffer;
  /** The key mailed codes are hashed with (crypto/one-time-code.ts); without it, a salted scrypt. */
  codeHashKey?: Buffer;
  /** DELETION_CONFIRMATION_WINDOW: how long an erasure confirmed by mailed code waits, cancellable, before it starts (24 h when unset; 0 for none). */
  deletionConfirmationWindowMs?: number;
  /** The key the API signs staff assertions with (crypto/staff-assertion.ts): without it every
   *  staff action is refused, since none could be proven. */
  staffAssertionKey?: Buffer;
  /** The controller's profile for new requests; the process's (CONTROLLER_PROFILE_FILE) when unset. */
  profile?: LoadedProfile;
  /** Where imported holiday arrangements are kept (HOLIDAY_DATA_DIR); config/holidays when unset. */
  holidayDataDir?: string;
  /** Per store, the categories the data map marks as provided by the subject (PORTABILITY); none when unset. */
  providedCategories?: ReadonlyMap<string, ReadonlySet<string>>;
  /** The data map's purposes (stores/data-map/purposes.ts): their words in the MANAGE reply, and
   *  which are a sale or sharing whose opt-out needs no verification; none when unset. */
  purposes?: readonly MapPurpose[];
  /** The deployer's account system (ACCOUNT_SYSTEM_URL, ACCOUNT_SYSTEM_SECRET): asked what stops an
   *  account closure (activities/account-closure.ts); unset, nothing is asked and closures are not held back. */
  accountSystem?: AccountSystem;
}

export interface AccountSystem {
  url: string;
  secret: string;
}
