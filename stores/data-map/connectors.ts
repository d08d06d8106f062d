// What each connector in the code actually does, so that the data map (which a compliance
// officer reads and edits) can be checked against it at start-up: a map that claims a
// category is anonymised while the code deletes it, or that omits a category, is refused.
// Only the hand-written stores are listed: stores of kind redis, files and sql with
// collections are declared in the map alone and read by one generic connector per kind.

export const STORE_KINDS = ['prisma-table', 'redis', 'files', 'sql', 'manual', 'webhook'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/** Stores of kind `manual` have no connector in the code: a person works them, following
 *  the entry's `instructions`. They take part only when named in this variable. */
export const MANUAL_KIND = 'manual';
export const MANUAL_CONNECTION = 'MANUAL_STORES';

export const ERASE_METHODS = ['delete', 'anonymise'] as const;
export type EraseMethod = (typeof ERASE_METHODS)[number];

export const IDENTITY_KEYS = ['email'] as const;
export type IdentityKey = (typeof IDENTITY_KEYS)[number];

export interface CategoryBehaviour {
  erase: EraseMethod;
  /** Whether a correction request can change data of this category in the store. */
  corrections: boolean;
}

export interface ConnectorDescription {
  kind: StoreKind;
  identityKey: IdentityKey;
  /** The environment variable that connects it; absent: always connected. */
  connection?: string;
  categories: Record<string, CategoryBehaviour>;
}

/** Every connector the code has, by store name. */
export const CONNECTORS: Record<string, ConnectorDescription> = {
  'customer-accounts': {
    kind: 'prisma-table',
    identityKey: 'email',
    connection: 'DATABASE_URL',
    // The row goes once nothing of it is held; while a hold keeps it, the other columns are cleared.
    categories: {
      contact: { erase: 'delete', corrections: true },
      corporate: { erase: 'delete', corrections: true },
      account: { erase: 'delete', corrections: false },
    },
  },
  'service-logs': {
    kind: 'prisma-table',
    identityKey: 'email',
    connection: 'DATABASE_URL',
    categories: {
      network: { erase: 'delete', corrections: false },
      device: { erase: 'delete', corrections: false },
    },
  },
  billing: {
    kind: 'prisma-table',
    identityKey: 'email',
    connection: 'DATABASE_URL',
    // Issued invoices are kept for the accounting law's period, without the subject; drafts go.
    categories: {
      invoice: { erase: 'anonymise', corrections: true },
      payment: { erase: 'delete', corrections: true },
    },
  },
  'marketing-db': {
    kind: 'sql',
    identityKey: 'email',
    connection: 'MARKETING_DATABASE_URL',
    categories: {
      'marketing-consent': { erase: 'delete', corrections: true },
      'campaign-activity': { erase: 'anonymise', corrections: false },
    },
  },
};
