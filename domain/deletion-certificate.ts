// What a deletion certificate states, store by store: counts, legal bases and how each
// store was settled. Store names, counts, citations and staff notes only: no personal data.
import type { Retained } from './fulfilment';

export interface CertificateStore {
  store: string;
  /** ENGINE: done by the engine; SKIPPED: left out by compliance with a justification;
   *  MANUAL: done or checked by a person, with their note. */
  settledBy: 'ENGINE' | 'SKIPPED' | 'MANUAL';
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

export interface CertificateBody {
  version: 1;
  requestId: string;
  requestType: string;
  regime: string;
  receivedAt: string;
  /** The day the deletion was completed, in the regime's time zone. */
  completedOn: string;
  stores: CertificateStore[];
  totals: { erased: number; anonymised: number; retained: number };
}
