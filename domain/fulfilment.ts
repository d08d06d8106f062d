// Shapes shared by the workflow and the fulfilment activities: what one data store did
// for one request. Pure types, safe to import from workflow code.
import type { RequestType } from './request-kinds';

/** A category of personal data, as named in the data map (e.g. 'contact', 'device'). */
export type DataCategory = string;

/** Where one store stands in a request's fulfilment (the StoreTask row and the workflow's state alike). */
export const STORE_TASK_STATUSES = ['PENDING', 'DONE', 'FAILED', 'SKIPPED', 'MANUAL'] as const;
export type StoreTaskStatus = (typeof STORE_TASK_STATUSES)[number];

export interface StoreWork {
  requestId: string;
  store: string;
  type: RequestType;
  /** Categories a compliance decision excluded (refused in part), with the legal ground. */
  excluded: Array<{ category: DataCategory; ground: string; citation: string }>;
  /** For corrections: field -> new value, already validated at intake. */
  corrections?: Record<string, string>;
}

/** Data kept back from erasure because a legal hold or an exemption covers it. */
export interface Retained {
  category: DataCategory;
  records: number;
  reason: 'LEGAL_HOLD' | 'EXEMPTION';
  /** The hold's id or the exemption's ground code. */
  reference: string;
  /** The legal basis given to the subject, e.g. "Cybersecurity Law art. 21 (log retention)". */
  basis: string;
}

/** Why a correction asked of a store changed nothing in one field there:
 *  NONE_HELD       the store holds that field but nothing of the subject's in it;
 *  ALREADY_AS_ASKED every value held already reads as asked;
 *  ISSUED_INVOICES_ONLY the value is only on issued invoices, corrected by a credit note, never edited;
 *  NOT_IN_STORE    the store holds no such field;
 *  NO_CHANGE_REPORTED the store (a processor) reported no change and gave no reason;
 *  NOT_ITEMISED    the store (a processor) changed records but did not say which fields. */
export type UnchangedReason = 'NONE_HELD' | 'ALREADY_AS_ASKED' | 'ISSUED_INVOICES_ONLY' | 'NOT_IN_STORE' | 'NO_CHANGE_REPORTED' | 'NOT_ITEMISED';

/** A field a correction left as it was in one store, and why. */
export interface FieldUnchanged {
  field: string;
  reason: UnchangedReason;
}

/** What one erasure attempt (or the attempts so far) did in a store. */
export interface ErasureResult {
  erased: number;
  retained: Retained[];
  anonymised?: number;
}

/** The erase record of a store task: what the store held right before the first attempt
 *  erased anything, then what that attempt reported (activities/erasure-record.ts). */
export interface ErasureRecord {
  before: Record<DataCategory, number>;
  result?: ErasureResult;
}

export interface StoreOutcome {
  store: string;
  /** Records found for the subject, per category. */
  located: Record<DataCategory, number>;
  /** ACCESS: records included in the package; DELETION: records erased; CORRECTION: records changed. */
  processed: number;
  retained: Retained[];
  /** How the store settled: done by the engine, skipped by compliance, or completed by hand. */
  settledBy: 'ENGINE' | 'SKIPPED' | 'MANUAL';
  note?: string;
}
