// A third-party processor's system (a CRM, an e-mail provider acting as processor) reached
// over its HTTP webhook. Every call is signed and carries an idempotency key built from the
// request's workflow id, the store and the operation, so a retried activity does no double
// work. locate and export are answered at once; erase and rectify are accepted with 202 and
// completed by a signed callback, which the connector waits for up to the store's timeout.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/prisma';
import type { DataCategory, Retained } from '../../domain/fulfilment';
import { EXPORT_BATCH_SIZE, type DataStore, type ExportedRecord, type SubjectKeys } from '../data-store';
import { CorrectionRefused } from '../store-errors';
import { currentActivity } from '../activity-context';
import { callOutcome, exportPage, locateCounts } from './answers';
import { awaitCall, completeCall, DIRECT_CALL_PREFIX, openCall } from './processor-calls';
import { postToProcessor, type ProcessorEndpoint } from './processor-client';
import { processorUrlProblem } from './url-policy';
import type { CallbackOperation, CallOutcome, ProcessorOperation, ProcessorRequest } from './protocol';

export interface WebhookStoreOptions {
  name: string;
  categories: readonly DataCategory[];
  /** The processor's webhook. */
  url: string;
  /** Shared with the processor; signs calls both ways. */
  secret: string;
  /** How long erase and rectify may wait for their callback before failing. */
  timeoutSeconds: number;
  /** The engine's public address, where the processor posts its callbacks. */
  publicUrl: string;
  db: Db;
  /** How often the pending call is checked while waiting (default 500 ms). */
  pollIntervalMs?: number;
  clock?: () => Date;
}

/** A call that the processor did not complete in time: named by store, operation and timeout only. */
export class ProcessorTimeout extends Error {
  override readonly name = 'ProcessorTimeout';
}

// A single exchange never waits longer than this, whatever the callback timeout.
const MAX_EXCHANGE_MS = 30_000;

/** The path of the callback route for a store (server/routes/processor-callbacks.ts). */
export const callbackPath = (store: string) => `/api/processors/${encodeURIComponent(store)}/callbacks`;

/** The connector for one processor, named and categorised as in the data map. */
export function createWebhookStore(opts: WebhookStoreOptions): DataStore {
  const { name, categories, db } = opts;
  const clock = opts.clock ?? (() => new Date());
  const urlProblem = processorUrlProblem(opts.url, process.env);
  if (urlProblem) throw new Error(`Processor store "${name}": its URL ${urlProblem}.`);
  const endpoint: ProcessorEndpoint = { store: name, url: opts.url, secret: opts.secret, clock, timeoutMs: Math.min(opts.timeoutSeconds * 1000, MAX_EXCHANGE_MS) };
  const callbackUrl = new URL(callbackPath(name), opts.publicUrl).toString();

  // Inside an activity, the workflow id names the request, so every attempt uses the same key;
  // a direct call outside one is a call of its own.
  const requestKey = () => currentActivity()?.info.workflowExecution?.workflowId ?? `${DIRECT_CALL_PREFIX}${randomUUID()}`;

  const post = (request: ProcessorRequest, key: string) => postToProcessor(endpoint, request, `${key}:${name}:${request.operation}`, currentActivity()?.cancellationSignal);

  /** Sends a call that completes by callback, or finds the outcome of an earlier attempt, and waits for it. */
  async function callAndWait(operation: CallbackOperation, subject: SubjectKeys, extra: Partial<ProcessorRequest>): Promise<CallOutcome> {
    const key = requestKey();
    const call = await openCall(db, name, key, operation);
    if (call.outcome) return call.outcome;
    const answer = await post({ operation, subject: { email: subject.email }, callId: call.id, callbackUrl, ...extra }, key);
    if (answer.status === 200 && answer.body !== null) {
      // Completed at once: recorded like a callback, so a retry finds it.
      const completed = await completeCall(db, name, call.id, callOutcome(name, operation, answer.body), clock());
      if (completed.found && !completed.superseded) return completed.outcome;
    }
    const outcome = await awaitCall(db, call.id, opts.timeoutSeconds * 1000, opts.pollIntervalMs ?? 500);
    if (!outcome) {
      throw new ProcessorTimeout(`Processor store "${name}" did not report the result of ${operation} within ${opts.timeoutSeconds} seconds (call ${call.id}).`);
    }
    return outcome;
  }

  const failed = (operation: ProcessorOperation, outcome: CallOutcome) =>
    new Error(`Processor store "${name}" reported that ${operation} failed${outcome.errorCode ? ` (${outcome.errorCode})` : ''}.`);

  async function locate(subject: SubjectKeys): Promise<Record<DataCategory, number>> {
    const answer = await post({ operation: 'locate', subject: { email: subject.email } }, requestKey());
    return locateCounts({ store: name, categories }, answer.body);
  }

  async function* exportStream(subject: SubjectKeys): AsyncIterable<ExportedRecord> {
    const key = requestKey();
    let cursor: string | undefined;
    const seen = new Set<string>();
    for (;;) {
      const answer = await post({ operation: 'export', subject: { email: subject.email }, limit: EXPORT_BATCH_SIZE, ...(cursor ? { cursor } : {}) }, key);
      const page = exportPage({ store: name, categories }, answer.body);
      yield* page.records;
      if (page.nextCursor === null) return;
      // A processor that hands back a cursor it gave before would page forever.
      if (seen.has(page.nextCursor)) throw new Error(`Processor store "${name}" repeated an export cursor.`);
      seen.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }

  const store = {
    name,
    categories,
    locate,
    exportStream,

    // Protection is asked for each category holding data right before the call: the processor
    // is sent only the categories it may erase, so held data never leaves its keeping.
    async erase(subject: SubjectKeys, protectedNow: Parameters<DataStore['erase']>[1]) {
      const located = await locate(subject);
      const retained: Retained[] = [];
      const toErase: DataCategory[] = [];
      for (const category of categories) {
        const records = located[category] ?? 0;
        if (records === 0) continue;
        const protection = await protectedNow(category);
        if (protection) retained.push({ category, records, reason: protection.reason, reference: protection.reference, basis: protection.basis });
        else toErase.push(category);
      }
      if (toErase.length === 0) return { erased: 0, retained };
      const outcome = await callAndWait('erase', subject, { categories: toErase });
      if (outcome.status !== 'DONE') throw failed('erase', outcome);
      return { erased: outcome.processed ?? 0, retained };
    },

    async rectify(subject: SubjectKeys, corrections: Record<string, string>) {
      if (Object.keys(corrections).length === 0) return 0;
      const outcome = await callAndWait('rectify', subject, { corrections });
      if (outcome.status === 'REFUSED') {
        const fields = (outcome.fields ?? []).map((f) => `"${f}"`).join(', ');
        throw new CorrectionRefused(`Processor store "${name}" refused the correction${fields ? ` of ${fields}` : ''}.`);
      }
      if (outcome.status !== 'DONE') throw failed('rectify', outcome);
      return outcome.processed ?? 0;
    },
  };
  return store satisfies DataStore;
}
