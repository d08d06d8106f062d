// The one place where the activities' dependencies are assembled, for the product and
// for the tests alike, so both run the same stores and settings.
import type { ActivityDeps } from '../activities';
import type { FieldCipher } from '../crypto/field-cipher';
import type { Db } from '../db/prisma';
import { VERIFICATION } from '../domain/procedure';
import type { Mailer } from '../mail/mailer';
import type { DataStore } from '../stores/data-store';
import { createStoreRegistry, defaultStores } from '../stores/registry';

export interface ActivityDepsInput {
  db: Db;
  mailer: Mailer;
  cipher: FieldCipher;
  staffMailTo: string;
  publicUrl?: string;
  /** Stores beyond the built-in ones (e.g. a processor's system). */
  extraStores?: DataStore[];
}

/** Builds the activities' dependencies with the real clock and the default stores. */
export function buildActivityDeps(input: ActivityDepsInput): ActivityDeps {
  return {
    db: input.db,
    mailer: input.mailer,
    cipher: input.cipher,
    clock: () => new Date(),
    verification: VERIFICATION,
    stores: createStoreRegistry([...defaultStores(input.db), ...(input.extraStores ?? [])]),
    staffMailTo: input.staffMailTo,
    publicUrl: input.publicUrl,
  };
}
