// Fulfilling a request store by store: which stores hold the subject's data, and doing the
// request's work in one of them. Only counts, category names and legal citations leave
// these activities; the subject's identity keys are decrypted in memory for the stores.
import { ApplicationFailure } from '@temporalio/activity';
import type { DataCategory, FieldUnchanged, Retained, StoreOutcome, StoreWork } from '../domain/fulfilment';
import type { ManageChoice, ManageResult } from '../domain/manage';
import { ERASURE_TYPES } from '../domain/request-kinds';
import type { StoreSearch } from '../domain/store-account';
import { activeHoldFor } from '../legal/holds';
import type { CategoryProtection, DataStore, FieldChange, SubjectKeys } from '../stores/data-store';
import { furtherKeys } from './subject-keys';
import type { StoreRegistry } from '../stores/registry';
import { normaliseEmail } from '../stores/identity-key';
import { isManualStore } from '../stores/manual-store';
import { CorrectionRefused } from '../stores/store-errors';
import { whileHeartbeating } from '../stores/activity-context';
import { appendAudit, openStoreTask, readRequestFields, storeTaskFieldsOf, updateStoreTask } from '../db/records';
import type { ActivityDeps } from './deps';
import { recordedErase } from './erasure-record';
import { PLANNED_ACTION } from './store-account';
import { storeTaskActivities } from './store-tasks';
import { writeManualTasks } from './manual-tasks';
import { type TransitionRecord, writeTransition } from './transitions';
import type { Prisma } from '../generated/prisma/client';

export type FulfilmentDeps = ActivityDeps & { stores: StoreRegistry };

const MAX_ERROR_LENGTH = 500;
const EMAIL_LIKE = /[^\s@"'<>()]+@[^\s@"'<>()]+\.[^\s@"'<>()]+/g;

/** The identity values a store's error text must never carry on. */
const personalOf = (keys: SubjectKeys): string[] => [keys.email, ...(keys.phone ? [keys.phone] : []), ...(keys.accountId ? [keys.accountId] : [])];

/** An error's message with the given personal values and anything like an address removed,
 *  so that it may be stored, audited and carried into workflow history. */
function scrubbedMessage(err: unknown, personal: string[]): string {
  let message = err instanceof Error ? err.message : 'non-error thrown';
  for (const value of personal) {
    // Very short values would blank out ordinary words while protecting nothing.
    if (value.length >= 3) message = message.split(value).join('[redacted]');
  }
  return message.replace(EMAIL_LIKE, '[redacted]').slice(0, MAX_ERROR_LENGTH);
}

/** Every field asked for that the store neither changed nor explained, with the reason that
 *  can be given for it: the store holds no such field, or (a processor, which names no fields)
 *  changed records without saying which, or reported no change. */
function unexplained(store: DataStore, asked: string[], changes: FieldChange[], unchanged: FieldUnchanged[], processed: number): FieldUnchanged[] {
  const said = new Set([...changes.map((c) => c.field), ...unchanged.map((u) => u.field)]);
  const rest = asked.filter((field) => !said.has(field));
  const reason = (field: string): FieldUnchanged['reason'] => {
    if (store.correctable && !store.correctable.includes(field)) return 'NOT_IN_STORE';
    return processed > 0 && changes.length === 0 ? 'NOT_ITEMISED' : 'NO_CHANGE_REPORTED';
  };
  return [...unchanged, ...rest.map((field): FieldUnchanged => ({ field, reason: reason(field) }))];
}

const total = (counts: Record<DataCategory, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export function fulfilmentActivities(deps: FulfilmentDeps) {
  const { db, cipher, clock, stores } = deps;

  async function subjectKeys(requestId: string): Promise<SubjectKeys> {
    const request = await readRequestFields(db, requestId, { subjectId: true, phoneEncrypted: true, accountIdEncrypted: true, subject: { select: { emailEncrypted: true } } });
    // One matching rule for every store, whatever spelling an older intake stored. The phone
    // and account id, when the request carries them, reach the stores that file the subject so.
    return {
      subjectId: request.subjectId,
      email: normaliseEmail(cipher.decrypt(request.subject.emailEncrypted, 'DataSubject.emailEncrypted')),
      ...furtherKeys(cipher, request),
    };
  }

  /** Asked right before each category is erased: a compliance exclusion first, then a hold. */
  function protection(work: StoreWork, subjectId: string) {
    return async (category: DataCategory): Promise<CategoryProtection | null> => {
      const exclusion = work.excluded.find((e) => e.category === category);
      if (exclusion) return { category, reason: 'EXEMPTION', reference: exclusion.ground, basis: exclusion.citation };
      return activeHoldFor(db, subjectId, work.store, category, clock());
    };
  }

  /** Erases, then checks with a fresh count that only retained categories still hold data.
   *  The erase record makes a retry after a crash report the first attempt's counts. */
  async function eraseAndVerify(store: DataStore, work: StoreWork, keys: SubjectKeys, located: Record<DataCategory, number>) {
    const { result, before } = await recordedErase(db, { requestId: work.requestId, store: store.name }, located, () => store.erase(keys, protection(work, keys.subjectId)));
    const kept = new Set(result.retained.map((r) => r.category));
    const left = Object.entries(await store.locate(keys)).filter(([category, n]) => n > 0 && !kept.has(category));
    if (left.length > 0) {
      // Thrown so the activity retries: a concurrent write or a partial failure left data behind.
      throw new Error(`Erasure in ${store.name} left records in ${left.map(([c]) => c).join(', ')}.`);
    }
    return { ...result, before };
  }

  /** Does the work of one request type in one store; counts only. */
  /** A MANAGE request's purposes and action, as intake recorded them (not personal data). */
  async function manageChoice(requestId: string): Promise<ManageChoice> {
    const { details } = await readRequestFields(db, requestId, { details: true });
    const manage = details?.manage;
    if (!manage) throw ApplicationFailure.nonRetryable('The manage request names no purpose or action.', 'ManageChoiceMissing');
    return manage;
  }

  async function perform(
    store: DataStore,
    work: StoreWork,
    keys: SubjectKeys,
  ): Promise<{ located: Record<DataCategory, number>; processed: number; retained: Retained[]; changes?: FieldChange[]; unchanged?: FieldUnchanged[]; anonymised?: number; managed?: ManageResult[] }> {
    const located = await store.locate(keys);
    switch (work.type) {
      case 'MANAGE': {
        // Never erasure: the store sets what the map declares per purpose, or does nothing.
        const { purposes, action } = await manageChoice(work.requestId);
        const managed = store.manage ? await store.manage(keys, purposes, action) : [];
        return { located, processed: managed.reduce((n, m) => n + m.changed, 0), retained: [], managed };
      }
      case 'PORTABILITY':
      case 'ACCESS':
        // The reply is built later from a fresh read; here the store only confirms what it holds.
        return { located, processed: total(located), retained: [] };
      case 'CORRECTION': {
        // Which fields changed and the lengths replaced, for the audit: never the values.
        // And, for the reply, why each other field asked for was left as it was.
        const changes: FieldChange[] = [];
        const unchanged: FieldUnchanged[] = [];
        const processed = await store.rectify(
          keys,
          work.corrections ?? {},
          (change) => changes.push(change),
          (field) => unchanged.push(field),
        );
        return { located, processed, retained: [], changes, unchanged: unexplained(store, Object.keys(work.corrections ?? {}), changes, unchanged, processed) };
      }
      case 'DELETION':
      case 'ACCOUNT_CLOSURE': {
        // `located` is what the first attempt found: a retry finds only what is left.
        const { erased, retained, anonymised, before } = await eraseAndVerify(store, work, keys, located);
        return { located: before, processed: erased, retained, ...(anonymised !== undefined && { anonymised }) };
      }
    }
  }

  async function recordFailure(work: StoreWork, err: unknown, personal: string[]): Promise<never> {
    const message = scrubbedMessage(err, personal);
    await updateStoreTask(db, work, { attempts: { increment: 1 }, lastError: message });
    // A fresh failure without the original as its cause: the cause's text may hold personal data.
    if (err instanceof CorrectionRefused) throw ApplicationFailure.nonRetryable(message, err.name);
    throw ApplicationFailure.retryable(message, err instanceof Error ? err.name : 'StoreFailure');
  }

  /** Searches every mapped store for the subject; which stores the request has work in, and
   *  what the search found in each (the plan's audit event). */
  async function searchStores(requestId: string): Promise<{ planned: string[]; search: StoreSearch[] }> {
    const keys = await subjectKeys(requestId);
    const { type } = await readRequestFields(db, requestId, { type: true });
    const search: StoreSearch[] = [];
    const holding: string[] = [];
    await whileHeartbeating(async () => {
      for (const store of stores.all()) {
        // A store that cannot answer may hold data: it is planned, so its failure reaches
        // compliance instead of the store being passed over in silence.
        const counts = await store.locate(keys).catch((err: unknown) => scrubbedMessage(err, personalOf(keys)));
        if (typeof counts === 'string') {
          holding.push(store.name);
          search.push({ store: store.name, result: 'NOT_SEARCHED', reason: isManualStore(store) ? 'worked by a person (manual task)' : `search failed: ${counts}` });
        } else if (total(counts) > 0) {
          holding.push(store.name);
          search.push({ store: store.name, result: 'SEARCHED', located: counts });
        } else search.push({ store: store.name, result: 'NOTHING_FOUND' });
      }
    });
    for (const { name, reason } of stores.notConnected()) search.push({ store: name, result: 'NOT_SEARCHED', reason });
    // An erasure cannot complete while a mapped store was not searched: its task fails with the
    // reason, and the request waits for compliance as for any failing store.
    const mustErase = ERASURE_TYPES.includes(type) ? stores.notConnected().map((s) => s.name) : [];
    // Tasks opened by an earlier run stay in the plan, though their data may be gone already.
    const earlier = await storeTaskFieldsOf(db, requestId, { store: true });
    // A MANAGE request has work only where a store declares one of its purposes.
    const asked = type === 'MANAGE' ? (await manageChoice(requestId)).purposes : null;
    const concerned = (name: string) => !asked || stores.all().some((s) => s.name === name && (s.purposes ?? []).some((p) => asked.includes(p)));
    const planned = search
      .map((s) => s.store)
      .filter((name) => (holding.includes(name) && concerned(name)) || mustErase.includes(name) || earlier.some((t) => t.store === name));
    return { planned, search };
  }

  /** Opens a PENDING task per planned store and records the plan's audit event. */
  async function writePlan(tx: Prisma.TransactionClient, requestId: string, { planned, search }: { planned: string[]; search: StoreSearch[] }): Promise<void> {
    for (const store of planned) {
      await openStoreTask(tx, { requestId, store });
    }
    const details = { stores: planned, search };
    await appendAudit(tx, { requestId, actor: 'system', action: PLANNED_ACTION, details, eventKey: `${requestId}:fulfilment-planned` });
  }

  return {
    /** Searches every mapped store, records what each held (or why it was not searched), and
     *  opens a PENDING task for each store the request has work in. */
    async planFulfilment({ requestId }: { requestId: string }): Promise<string[]> {
      const plan = await searchStores(requestId);
      await db.$transaction((tx) => writePlan(tx, requestId, plan));
      return plan.planned;
    },

    /** Plans the fulfilment (as planFulfilment) and, in the same write, records the move to
     *  IN_FULFILMENT that starts it and opens the manual tasks of the planned stores a person
     *  works: one activity where runs from before the folded steps took three. A retry searches
     *  again and writes the same rows (event keys and upserts keep each event single). */
    async beginFulfilment({ requestId, move }: { requestId: string; move: TransitionRecord }): Promise<{ stores: string[]; manual: string[] }> {
      const plan = await searchStores(requestId);
      const now = clock();
      const manual = await db.$transaction(async (tx) => {
        await writeTransition(tx, cipher, now, move);
        await writePlan(tx, requestId, plan);
        return writeManualTasks(tx, stores, requestId, plan.planned);
      });
      return { stores: plan.planned, manual };
    },

    /** Does the request's work in one store and records the outcome; throws to be retried. */
    async fulfilStore(work: StoreWork): Promise<StoreOutcome> {
      const { requestId, store: name } = work;
      const task = await openStoreTask(db, work);
      if (task.status === 'DONE' || task.status === 'SKIPPED' || task.status === 'MANUAL') {
        // A retry of an attempt that committed: report what was recorded rather than redo it.
        // Per-category counts are not kept, so `located` is empty here.
        const settledBy = task.status === 'DONE' ? 'ENGINE' : task.status;
        const retained = task.retained ?? [];
        return { store: name, located: {}, processed: task.processed ?? 0, retained, settledBy, note: task.justification ?? undefined };
      }
      const notConnected = stores.notConnected().find((s) => s.name === name);
      if (notConnected) {
        // Not searched, and no retry can change that until a worker runs with the connection.
        await updateStoreTask(db, work, { attempts: { increment: 1 }, lastError: notConnected.reason });
        throw ApplicationFailure.nonRetryable(notConnected.reason, 'StoreNotConnected');
      }
      let personal: string[] = Object.values(work.corrections ?? {});
      try {
        const store = stores.get(name);
        const keys = await subjectKeys(requestId);
        personal = [...personalOf(keys), ...personal];
        const { located, processed, retained, changes, unchanged, anonymised, managed } = await whileHeartbeating(() => perform(store, work, keys));
        await db.$transaction(async (tx) => {
          const done = await updateStoreTask(tx, work, { status: 'DONE', processed, retained, attempts: { increment: 1 }, lastError: null, settledBy: 'ENGINE' });
          await appendAudit(tx, {
            requestId,
            actor: 'system',
            action: 'STORE_FULFILLED',
            // The anonymised count feeds the deletion certificate, whatever retries happen after.
            details: { store: name, type: work.type, located, processed, retained, ...(changes && { changes }), ...(unchanged && { unchanged }), ...(anonymised !== undefined && { anonymised }), ...(managed && { managed }) },
            eventKey: `${requestId}:store:${name}:fulfilled:${done.attempts}`,
          });
        });
        return { store: name, located, processed, retained, settledBy: 'ENGINE' };
      } catch (err) {
        return recordFailure(work, err, personal);
      }
    },

    ...storeTaskActivities(deps),
  };
}
