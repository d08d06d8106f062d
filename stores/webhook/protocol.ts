// The JSON a processor's webhook exchanges with the engine, one shape per operation. Every
// call is a signed POST (see signature.ts); erase and rectify are answered 202 at once and
// completed later by a signed callback to POST /api/processors/<store>/callbacks.

export type ProcessorOperation = 'locate' | 'export' | 'erase' | 'rectify';

/** The operations that complete by callback, each recorded as a ProcessorCall row. */
export type CallbackOperation = Extract<ProcessorOperation, 'erase' | 'rectify'>;

/** What the engine posts. `subject` is personal data: it travels only in this signed body.
 *  The Idempotency-Key header binds erase and rectify; reads may be answered afresh each time. */
export interface ProcessorRequest {
  operation: ProcessorOperation;
  subject: { email: string };
  /** erase, rectify: the call the callback must name. */
  callId?: string;
  /** erase, rectify: where to post the result. */
  callbackUrl?: string;
  /** erase: the categories to erase; the others are held or empty and must stay. */
  categories?: string[];
  /** rectify: field -> new value. */
  corrections?: Record<string, string>;
  /** export: where the previous page ended (absent for the first) and the page size. */
  cursor?: string;
  limit?: number;
}

/** locate: records per category (a category left out holds none). */
export interface LocateAnswer {
  counts: Record<string, number>;
}

/** export: one page of records, and where the next begins (null on the last page). */
export interface ExportAnswer {
  records: Array<{ category: string; record: Record<string, string | number | null> }>;
  nextCursor: string | null;
}

export const CALL_STATUSES = ['DONE', 'FAILED', 'REFUSED'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** How a call ended, as the callback reports it: DONE with the records processed (erased or
 *  changed), REFUSED with the correction fields the processor will not change, FAILED with
 *  an error code. Never values: only counts, field names and codes. */
export interface CallOutcome {
  status: CallStatus;
  processed?: number;
  fields?: string[];
  errorCode?: string;
}

/** The callback's body: the outcome of one call. */
export interface CallbackBody extends CallOutcome {
  callId: string;
}
