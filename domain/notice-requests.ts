// What the workflow asks to be said, in its own terms; the notice activities turn it into
// the full facts of a mail (regime names, local dates, citations, remedies).
// Types only: imported by deterministic workflow code.
import type { StoreOutcome } from './fulfilment';

export interface GroundRef {
  code: string;
  citation: string;
}

export interface ExcludedCategory {
  category: string;
  ground: string;
  citation: string;
}

export type SubjectNoticeRequest =
  | { kind: 'acknowledgement' }
  | { kind: 'fee-quote'; amount: number; currency: string; excessive: boolean; respondWithinMs: number }
  | { kind: 'extension-notice'; originalDueDate: string; newDueDate: string; reason: string; citation: string }
  | { kind: 'refusal'; grounds: GroundRef[]; excluded: ExcludedCategory[] }
  | { kind: 'duplicate'; originalRequestId: string }
  | { kind: 'superseded'; standingRequestId: string }
  | { kind: 'guardian-not-attested' }
  | { kind: 'partial-reply'; done: string[]; remaining: Array<{ store: string; reason: string }> }
  | { kind: 'withdrawn' }
  | { kind: 'closed-no-fee-answer'; respondBy: string }
  | { kind: 'fee-declined'; amount: number; currency: string };

export type StaffAlertRequest =
  | { kind: 'reminder' }
  | { kind: 'escalation'; reason: 'AT_RISK' | 'STORE_STUCK'; store: string | null; note: string | null }
  | { kind: 'decision-needed'; decision: 'EXEMPTION' | 'EXCESSIVE' | 'APPROVAL'; signal: string }
  | { kind: 'manual-task'; stores: string[] };

export interface FinalReplyRequest {
  requestId: string;
  outcomes: StoreOutcome[];
  excluded: ExcludedCategory[];
  grounds: GroundRef[];
}
