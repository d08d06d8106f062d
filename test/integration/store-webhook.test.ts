// The webhook connector against a simulated processor on a real HTTP server, with the real
// callback route of the engine's app and the real database: signed calls both ways, the
// asynchronous erase and rectify, holds, forged callbacks and a processor that never answers.
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { EXPORT_BATCH_SIZE, type ExportedRecord } from '../../stores/data-store';
import { CorrectionRefused } from '../../stores/store-errors';
import { openCall } from '../../stores/webhook/processor-calls';
import { callbackPath, createWebhookStore, ProcessorTimeout } from '../../stores/webhook/webhook-store';
import { testDb } from '../support/database';
import type { ProcessorSimulator } from '../support/processor-simulator';
import { webhookFixture, type WebhookFixture } from '../support/webhook-fixture';
import { request } from '../support/http';
import { holdOn, POLICE_HOLD } from './fixtures';
import { holdsOf, newSubject, nothingProtected } from './store-fixtures';

const STORE = 'crm-processor';
// The failures these tests provoke on purpose need not be logged.
const quiet = { logger: new DefaultLogger('ERROR') };
const SECRET = `secret-${randomUUID()}`;
const db = testDb();
let hook: WebhookFixture;
let sim: ProcessorSimulator;
let baseUrl: string;

const storeWith = (timeoutSeconds: number) => hook.storeWith(timeoutSeconds);

beforeAll(async () => {
  hook = await webhookFixture(db, STORE, SECRET);
  ({ sim, baseUrl } = hook);
});
afterAll(async () => {
  await hook?.close();
  await db.$disconnect();
});
beforeEach(() => {
  sim.callbackMode = 'answer';
});

/** A subject the processor holds two contacts and one consent for. */
async function seededSubject() {
  const subject = await newSubject(db);
  sim.seed(subject.email, 'contact', [{ fullName: 'Li Na', phone: '+86 138 0000 2222' }, { fullName: 'Li Na', phone: '+86 139 0000 3333' }]);
  sim.seed(subject.email, 'marketing-consent', [{ list: 'cloud-news', consentedAt: '2026-01-01T00:00:00.000Z' }]);
  return subject;
}

async function collect(records: AsyncIterable<ExportedRecord>) {
  const all: ExportedRecord[] = [];
  for await (const r of records) all.push(r);
  return all;
}

/** POSTs a callback as a processor would, signed with `secret` at `at`. */
const postCallback = (body: unknown, opts: { secret?: string; at?: Date; store?: string } = {}) => hook.postCallback(body, opts);

describe('webhook processor store', () => {
  test('when one subject is located, exported, corrected and erased, then the processor holds nothing of theirs and the others are untouched', async () => {
    const [subject, other1, other2] = [await seededSubject(), await seededSubject(), await seededSubject()];
    const othersBefore = [sim.recordsOf(other1.email), sim.recordsOf(other2.email)];
    const store = storeWith(10);

    expect(await store.locate(subject)).toEqual({ contact: 2, 'marketing-consent': 1 });
    expect(await collect(store.exportStream(subject))).toEqual([
      { category: 'contact', record: { fullName: 'Li Na', phone: '+86 138 0000 2222' } },
      { category: 'contact', record: { fullName: 'Li Na', phone: '+86 139 0000 3333' } },
      { category: 'marketing-consent', record: { list: 'cloud-news', consentedAt: '2026-01-01T00:00:00.000Z' } },
    ]);

    expect(await store.rectify(subject, { fullName: 'Li Nana' })).toBe(2);
    expect(sim.recordsOf(subject.email).contact?.map((r) => r.fullName)).toEqual(['Li Nana', 'Li Nana']);

    expect(await store.erase(subject, nothingProtected)).toEqual({ erased: 3, retained: [] });
    expect(sim.recordsOf(subject.email)).toEqual({});
    expect(await store.locate(subject)).toEqual({ contact: 0, 'marketing-consent': 0 });
    expect([sim.recordsOf(other1.email), sim.recordsOf(other2.email)]).toEqual(othersBefore);
    // Each completed call was answered by a signed callback that the engine accepted.
    await sim.settled();
    expect(sim.callbackStatuses.every((s) => s === 200)).toBe(true);
    expect(sim.refused).toBe(0);
  });

  test('when the processor holds more records than one page, then the export reads every page in order', async () => {
    const subject = await newSubject(db);
    const rows = Array.from({ length: EXPORT_BATCH_SIZE * 2 + 5 }, (_, n) => ({ fullName: 'Li Na', phone: `+86 138 ${String(n).padStart(8, '0')}` }));
    sim.seed(subject.email, 'contact', rows);
    const calls = sim.received.length;
    const exported = await collect(storeWith(10).exportStream(subject));
    expect(exported.map((r) => r.record)).toEqual(rows);
    expect(sim.received.slice(calls).map((c) => c.operation)).toEqual(['export', 'export', 'export']);
  });

  test('when the erasure runs twice, then the second run erases nothing and fails nothing', async () => {
    const subject = await seededSubject();
    const store = storeWith(10);
    expect((await store.erase(subject, nothingProtected)).erased).toBe(3);
    const calls = sim.received.length;
    expect(await store.erase(subject, nothingProtected)).toEqual({ erased: 0, retained: [] });
    // Only a locate was needed to see there was nothing left.
    expect(sim.received.slice(calls).map((c) => c.operation)).toEqual(['locate']);
  });

  test('when a category is under a legal hold, then the processor is asked to erase only the rest and the hold is reported', async () => {
    const subject = await seededSubject();
    const hold = await holdOn(db, subject.subjectId, { store: STORE, category: 'marketing-consent' });
    const store = storeWith(10);

    const result = await store.erase(subject, holdsOf(db, store, subject));
    expect(result).toEqual({ erased: 2, retained: [{ category: 'marketing-consent', records: 1, reason: 'LEGAL_HOLD', reference: hold.id, basis: POLICE_HOLD.basis }] });
    expect(sim.recordsOf(subject.email)).toEqual({ 'marketing-consent': [{ list: 'cloud-news', consentedAt: '2026-01-01T00:00:00.000Z' }] });
    expect(await store.erase(subject, holdsOf(db, store, subject))).toEqual({ erased: 0, retained: result.retained });
  });

  test('when a correction names a field the processor will not change, then it is refused by name without the value', async () => {
    const subject = await seededSubject();
    const attempt = storeWith(10).rectify(subject, { shoeSize: 'secret-value-42' });
    await expect(attempt).rejects.toBeInstanceOf(CorrectionRefused);
    await expect(attempt).rejects.toThrow('refused the correction of "shoeSize"');
    await expect(attempt).rejects.not.toThrow('secret-value-42');
  });

  test('when a callback is forged or stale, then it is refused with 401 and the call stays open; a genuine one is recorded once', async () => {
    const call = await openCall(db, STORE, `test-${randomUUID()}`, 'erase');
    const done = { callId: call.id, status: 'DONE', processed: 7 };

    const forged = await postCallback(done, { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    expect(forged.body).toMatchObject({ error: 'SIGNATURE_INVALID', message: expect.stringContaining('signature does not match') });
    const stale = await postCallback(done, { at: new Date(Date.now() - 10 * 60_000) });
    expect(stale.status).toBe(401);
    expect(stale.body.message).toContain('timestamp');
    const unsigned = await request(baseUrl + callbackPath(STORE), 'POST', { headers: { 'content-type': 'application/json' }, body: JSON.stringify(done) });
    expect(unsigned.status).toBe(401);
    expect(await db.processorCall.findFirstOrThrow({ where: { attemptId: call.id } })).toMatchObject({ status: 'PENDING', result: null, completedAt: null });

    expect((await postCallback({ ...done, callId: randomUUID() })).status).toBe(404);
    expect((await postCallback(done, { store: 'no-such-processor' })).status).toBe(404);
    expect((await postCallback({ callId: call.id, status: 'DONE' })).status).toBe(400);

    expect(await postCallback(done)).toMatchObject({ status: 200, body: { callId: call.id, status: 'DONE', repeated: false } });
    // A repeat, even one that claims otherwise, changes nothing: the first report stands.
    expect(await postCallback({ callId: call.id, status: 'FAILED', errorCode: 'LATE' })).toMatchObject({ status: 200, body: { status: 'DONE', repeated: true } });
    expect(await db.processorCall.findFirstOrThrow({ where: { attemptId: call.id } })).toMatchObject({ status: 'DONE', result: { processed: 7 } });
  });

  test('when the engine signs with another secret than the processor holds, then the processor refuses and the error says to check the secret', async () => {
    const subject = await seededSubject();
    const refusedBefore = sim.refused;
    const misconfigured = createWebhookStore({ name: STORE, categories: ['contact', 'marketing-consent'], url: sim.url, secret: 'another-secret', timeoutSeconds: 10, publicUrl: baseUrl, db });
    await expect(misconfigured.locate(subject)).rejects.toThrow(`Processor store "${STORE}" refused the engine's signature on locate (HTTP 401): check the shared secret.`);
    expect(sim.refused).toBe(refusedBefore + 1);
  });

  test('when the API document is read, then the callback route is in it with its body schema', async () => {
    const doc = (await request(`${baseUrl}/api/openapi.json`, 'GET')).body;
    const op = doc.paths['/api/processors/{store}/callbacks']?.post;
    expect(op?.tags).toEqual(['processors']);
    expect(op?.requestBody?.content?.['application/json']?.schema?.required).toEqual(['callId', 'status']);
  });

  test('when the processor calls back with a wrong signature, then the engine refuses it and the erase times out', async () => {
    const subject = await seededSubject();
    sim.callbackMode = 'bad-signature';
    await expect(storeWith(1).erase(subject, nothingProtected)).rejects.toBeInstanceOf(ProcessorTimeout);
    await sim.settled();
    expect(sim.callbackStatuses.at(-1)).toBe(401);
  });

  test('when no callback comes within the timeout, then the operation fails naming the store and the timeout, without personal data, having heartbeated', async () => {
    const subject = await seededSubject();
    sim.callbackMode = 'never';
    const activity = new MockActivityEnvironment({ workflowExecution: { workflowId: `dsr-${randomUUID()}`, runId: randomUUID() } }, quiet);
    let heartbeats = 0;
    activity.on('heartbeat', () => heartbeats++);
    const failure = await activity.run(() => storeWith(1).erase(subject, nothingProtected)).catch((err: Error) => err);
    expect(failure).toBeInstanceOf(ProcessorTimeout);
    expect((failure as Error).message).toMatch(/^Processor store "crm-processor" did not report the result of erase within 1 seconds/);
    expect((failure as Error).message).not.toContain(subject.email);
    expect(heartbeats).toBeGreaterThan(0);
    const row = await db.processorCall.findFirstOrThrow({ where: { store: STORE, requestKey: activity.context.info.workflowExecution!.workflowId, operation: 'erase' } });
    expect(row.status).toBe('PENDING');
  });

  test('when an activity is retried after its call completed, then the processor is not called again and the same result is returned', async () => {
    const subject = await seededSubject();
    const workflowId = `dsr-${randomUUID()}`;
    const attempt = () => new MockActivityEnvironment({ workflowExecution: { workflowId, runId: randomUUID() } }, quiet).run(() => storeWith(10).rectify(subject, { phone: '+86 137 0000 4444' }));
    expect(await attempt()).toBe(2);
    expect(await attempt()).toBe(2);
    const rectifies = sim.received.filter((c) => c.operation === 'rectify' && c.idempotencyKey === `${workflowId}:${STORE}:rectify`);
    expect(rectifies).toHaveLength(1);
  });
});
