// Checks what a processor answered before the engine relies on it: counts for the mapped
// categories only, flat export rows, outcomes with a known status. A category the data map
// does not list is refused, so a processor cannot hold data the map hides from compliance.
import type { DataCategory } from '../../domain/fulfilment';
import type { ExportedRecord } from '../data-store';
import { malformed } from './processor-client';
import { CALL_STATUSES, type CallOutcome, type ProcessorOperation } from './protocol';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
// Category, field and code names travel into errors and audit: they must look like names.
const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

export interface AnswerContext {
  store: string;
  categories: readonly DataCategory[];
}

function knownCategory(ctx: AnswerContext, operation: ProcessorOperation, category: unknown): DataCategory {
  if (typeof category !== 'string' || !NAME.test(category)) throw malformed(ctx.store, operation, 'a category that is not a name');
  if (!ctx.categories.includes(category)) throw malformed(ctx.store, operation, `category "${category}", which the data map does not list for it`);
  return category;
}

/** locate's counts for every mapped category (those left out hold none). */
export function locateCounts(ctx: AnswerContext, body: unknown): Record<DataCategory, number> {
  if (!isObject(body) || !isObject(body.counts)) throw malformed(ctx.store, 'locate', 'no "counts" object');
  const counts: Record<DataCategory, number> = Object.fromEntries(ctx.categories.map((c) => [c, 0]));
  for (const [category, n] of Object.entries(body.counts)) {
    if (!isCount(n)) throw malformed(ctx.store, 'locate', `a count that is not a whole number for "${knownCategory(ctx, 'locate', category)}"`);
    counts[knownCategory(ctx, 'locate', category)] = n;
  }
  return counts;
}

/** One export page: its records, each a flat row of plain values, and the next cursor. */
export function exportPage(ctx: AnswerContext, body: unknown): { records: ExportedRecord[]; nextCursor: string | null } {
  if (!isObject(body) || !Array.isArray(body.records)) throw malformed(ctx.store, 'export', 'no "records" list');
  const { nextCursor } = body;
  if (nextCursor !== null && (typeof nextCursor !== 'string' || nextCursor === '')) throw malformed(ctx.store, 'export', '"nextCursor" is neither text nor null');
  const records = body.records.map((item): ExportedRecord => {
    if (!isObject(item) || !isObject(item.record)) throw malformed(ctx.store, 'export', 'a record without "category" and "record"');
    const category = knownCategory(ctx, 'export', item.category);
    for (const value of Object.values(item.record)) {
      if (value !== null && typeof value !== 'string' && typeof value !== 'number') throw malformed(ctx.store, 'export', `a value in "${category}" that is not text, a number or null`);
    }
    return { category, record: item.record as ExportedRecord['record'] };
  });
  return { records, nextCursor };
}

/** A call's outcome, as a callback or an immediate answer reports it. */
export function callOutcome(store: string, operation: ProcessorOperation, body: unknown): CallOutcome {
  if (!isObject(body) || !(CALL_STATUSES as readonly unknown[]).includes(body.status)) throw malformed(store, operation, `no "status" (one of ${CALL_STATUSES.join(', ')})`);
  const outcome: CallOutcome = { status: body.status as CallOutcome['status'] };
  if (body.processed !== undefined) {
    if (!isCount(body.processed)) throw malformed(store, operation, '"processed" is not a whole number');
    outcome.processed = body.processed;
  }
  if (body.fields !== undefined) {
    if (!Array.isArray(body.fields) || !body.fields.every((f) => typeof f === 'string' && NAME.test(f))) throw malformed(store, operation, '"fields" is not a list of field names');
    outcome.fields = body.fields as string[];
  }
  if (body.errorCode !== undefined) {
    if (typeof body.errorCode !== 'string' || !NAME.test(body.errorCode)) throw malformed(store, operation, '"errorCode" is not a code');
    outcome.errorCode = body.errorCode;
  }
  if (outcome.status === 'DONE' && outcome.processed === undefined) throw malformed(store, operation, 'DONE without "processed"');
  return outcome;
}
