// The interface every data store connector implements. The workflow never sees a store:
// it asks the fulfilment activities, which look stores up by name in the registry.
import type { DataCategory, FieldUnchanged, Retained } from '../domain/fulfilment';
import type { ManageAction, ManageResult } from '../domain/manage';

/** How a store finds a subject: by the identity keys it holds. Values are personal data:
 *  they are handed to connectors in memory only, never logged or put in a payload. */
export interface SubjectKeys {
  subjectId: string;
  email: string;
  /** A telephone number the request carries, in any spelling (declared SQL stores match it in E.164). */
  phone?: string;
  /** A customer or account id the request carries, as the organisation's systems write it. */
  accountId?: string;
}

export interface CategoryProtection {
  category: DataCategory;
  reason: Retained['reason'];
  reference: string;
  basis: string;
}

/** One exported record of the subject's, for the access package: a flat row of plain values. */
export interface ExportedRecord {
  category: DataCategory;
  record: Record<string, string | number | null>;
}

/** How many rows a connector reads per round trip while exporting. */
export const EXPORT_BATCH_SIZE = 1_000;

export interface DataStore {
  /** Stable name, used in audit events and store tasks (e.g. 'customer-accounts'). */
  readonly name: string;
  readonly categories: readonly DataCategory[];
  /** The correctable fields (correctable-fields.ts) this store holds, [] for none; absent when
   *  the store does not say (a processor), so a field it leaves alone has no known reason. */
  readonly correctable?: readonly string[];
  /** Counts the subject's records per category. */
  locate(subject: SubjectKeys): Promise<Record<DataCategory, number>>;
  /** The subject's records one at a time, read in batches: never the whole subject in memory. */
  exportStream(subject: SubjectKeys): AsyncIterable<ExportedRecord>;
  /** Erases the subject's records except the protected categories; returns how many went.
   *  `protectedNow` is called right before each category is erased, so a hold placed while
   *  a deletion runs is still respected. Running it twice is harmless. `anonymised` counts
   *  the records among `erased` that were kept with the identifier removed, for the certificate. */
  erase(subject: SubjectKeys, protectedNow: (category: DataCategory) => Promise<CategoryProtection | null>): Promise<{ erased: number; retained: Retained[]; anonymised?: number }>;
  /** Applies the corrections of the fields this store holds (see correctable-fields.ts) and
   *  returns how many records changed; `report` hears of each field changed, without values,
   *  and `unchanged` of each field it holds but left as it was, with the reason. */
  rectify(
    subject: SubjectKeys,
    corrections: Record<string, string>,
    report?: (change: FieldChange) => void,
    unchanged?: (field: FieldUnchanged) => void,
  ): Promise<number>;
  /** The purposes (declared in the data map's `purposes`) this store can stop processing for, as the
   *  data map declares them; absent or empty where it processes for none of them. */
  readonly purposes?: readonly string[];
  /** Stops the subject's processing for each given purpose it declares, by the declared means
   *  (a consent set to withdrawn, a flag set): never erasure. Purposes it does not declare are
   *  left out of the result. Running it twice is harmless (the second finds them `already`). */
  manage?(subject: SubjectKeys, purposes: readonly string[], action: ManageAction): Promise<ManageResult[]>;
}

/** What a correction changed in one field, for the audit trail: never the values, only how
 *  many records changed and the lengths replaced and written, as evidence that it happened. */
export interface FieldChange {
  field: string;
  records: number;
  lengthsBefore: number[];
  lengthAfter: number;
}
