// What a deletion certificate states, store by store: counts, legal bases and how each
// store was settled. Store names, counts, citations and staff notes only: no personal data.
import type { Retained } from './fulfilment';
import type { RegimeKey } from './regime-key';
import type { RequestType } from './request-kinds';
import type { StoreAccount } from './store-account';

export interface CertificateStore {
  store: string;
  /** (version 2) SEARCHED: the subject's records were found (`located`); NOTHING_FOUND: searched,
   *  none there; NOT_SEARCHED: not searched, for `notSearchedReason` (then SKIPPED by compliance). */
  search?: StoreAccount['result'];
  located?: Record<string, number>;
  notSearchedReason?: string;
  /** ENGINE: done by the engine (for NOTHING_FOUND: searched, nothing to do); SKIPPED: left out
   *  by compliance with a justification; MANUAL: done or checked by a person, with their note;
   *  NOT_SETTLED: no task was opened (a store not searched in a request planned before version 2). */
  settledBy: 'ENGINE' | 'SKIPPED' | 'MANUAL' | 'NOT_SETTLED';
  /** When the store was settled (the audit event's time); null if none is on record. */
  settledAt: string | null;
  /** Records whose personal data went, deleted or anonymised. */
  erased: number;
  /** Of `erased`, the records kept with the identifier removed. */
  anonymised: number;
  retained: Retained[];
  /** SKIPPED: why compliance left the store out. */
  justification?: string;
  /** MANUAL: what the person did or checked. */
  note?: string;
  /** MANUAL through a manual task: whether anything was found. */
  manualOutcome?: 'FOUND_AND_DONE' | 'NOTHING_FOUND';
}

/** An access package of the subject's (from an earlier access request) deleted with the rest. */
export interface PurgedPackage {
  packageId: string;
  /** The access request the package answered. */
  requestId: string;
  purgedAt: string;
}

export interface CertificateBody {
  /** 2: every mapped store listed with its search result, and purged access packages named. */
  version: 1 | 2;
  requestId: string;
  requestType: RequestType;
  regime: RegimeKey;
  receivedAt: string;
  /** The day the deletion was completed, in the regime's time zone. */
  completedOn: string;
  stores: CertificateStore[];
  /** (version 2) The subject's access packages deleted when this request completed. */
  accessPackagesPurged?: PurgedPackage[];
  totals: { erased: number; anonymised: number; retained: number };
  /** Set when compliance opened the deletion on its own motion for a child's data collected by
   *  mistake (domain/minor.ts): who opened it and why, in both languages (Chinese prevails). */
  openedOnOwnMotion?: { by: 'COMPLIANCE'; reason: 'CHILD_DATA_COLLECTED_BY_MISTAKE'; statement: { zh: string; en: string } };
}
