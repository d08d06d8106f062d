// What a request did in every store of the data map, so that no store drops out of a request
// without a record: searched with its counts, searched with nothing found, or not searched
// with the reason (and then how compliance settled it). Names, counts and reasons only: no
// personal data. Pure types, safe to import from workflow code and mail templates.
import type { DataCategory } from './fulfilment';

/** What fulfilment planning found in one store, recorded in the FULFILMENT_PLANNED event. */
export type StoreSearch =
  | { store: string; result: 'SEARCHED'; located: Record<DataCategory, number> }
  | { store: string; result: 'NOTHING_FOUND' }
  | { store: string; result: 'NOT_SEARCHED'; reason: string };

/** One store's line in a reply or a certificate, once the request is fulfilled. */
export interface StoreAccount {
  store: string;
  result: StoreSearch['result'];
  /** SEARCHED: records found per category (empty when a person searched). */
  located?: Record<DataCategory, number>;
  /** NOT_SEARCHED: why, e.g. "not connected: REDIS_URL is not set". */
  reason?: string;
  /** How the store was settled when the request had work there; absent when it had none. */
  settledBy?: 'ENGINE' | 'SKIPPED' | 'MANUAL';
  /** SKIPPED: compliance's justification for leaving the store out. */
  justification?: string;
  /** MANUAL: what the person did or checked. */
  note?: string;
}
