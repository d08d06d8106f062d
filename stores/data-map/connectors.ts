// What each connector in the code actually does, so that the data map (which a compliance
// officer reads and edits) can be checked against it at start-up: a map that claims a
// category is anonymised while the code deletes it, or that omits a category, is refused.
// No store of the shipped estate has one: stores of kind redis, files and sql are declared in
// the map alone and read by one generic connector per kind.

export const STORE_KINDS = ['redis', 'files', 'sql', 'manual', 'webhook'] as const;
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

/** Connectors written in code, by store name: none. Every store of the shipped estate is
 *  declared in the map and reached by the generic connector of its kind; a deployment that
 *  ever needs a hand-written one describes it here, so the map can be checked against it. */
export const CONNECTORS: Record<string, ConnectorDescription> = {};
