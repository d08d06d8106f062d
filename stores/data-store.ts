// The interface every data store connector implements. The workflow never sees a store:
// it asks the fulfilment activities, which look stores up by name in the registry.
import type { DataCategory, Retained } from '../domain/fulfilment';

/** How a store finds a subject: by the identity keys it holds. Values are personal data:
 *  they are handed to connectors in memory only, never logged or put in a payload. */
export interface SubjectKeys {
  subjectId: string;
  email: string;
}

export interface CategoryProtection {
  category: DataCategory;
  reason: Retained['reason'];
  reference: string;
  basis: string;
}

export interface DataStore {
  /** Stable name, used in audit events and store tasks (e.g. 'customer-accounts'). */
  readonly name: string;
  readonly categories: readonly DataCategory[];
  /** Counts the subject's records per category. */
  locate(subject: SubjectKeys): Promise<Record<DataCategory, number>>;
  /** The subject's records per category, as plain rows, for an access reply. */
  export(subject: SubjectKeys): Promise<Record<DataCategory, Array<Record<string, string | number | null>>>>;
  /** Erases the subject's records except the protected categories; returns how many went.
   *  `protectedNow` is called right before each category is erased, so a hold placed while
   *  a deletion runs is still respected. Running it twice is harmless. */
  erase(subject: SubjectKeys, protectedNow: (category: DataCategory) => Promise<CategoryProtection | null>): Promise<{ erased: number; retained: Retained[] }>;
  /** Applies validated corrections; returns how many records changed. */
  rectify(subject: SubjectKeys, corrections: Record<string, string>): Promise<number>;
}
