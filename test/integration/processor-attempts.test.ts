// Issue 13 item 8: the webhook protocol's hardening against a real simulated processor and the
// engine's real callback route and database. Each attempt of a call sends a new call id, so a
// late callback of an attempt that timed out cannot complete the retry; requests and callbacks
// are signed under different labels; plain http and redirects are refused.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { openCall } from '../../stores/webhook/processor-calls';
import { CALLBACK_LABEL, REQUEST_LABEL } from '../../stores/webhook/signature';
import { webhookConnections } from '../../stores/webhook/connections';
import { processorUrlProblem } from '../../stores/webhook/url-policy';
import { ProcessorTimeout } from '../../stores/webhook/webhook-store';
import { testDb } from '../support/database';
import type { ProcessorSimulator } from '../support/processor-simulator';
import { webhookFixture, type WebhookFixture } from '../support/webhook-fixture';
import { newSubject, nothingProtected } from './store-fixtures';

const STORE = 'crm-processor';
const SECRET = `secret-${randomUUID()}`;
const quiet = { logger: new DefaultLogger('ERROR') };
const db = testDb();
let hook: WebhookFixture;
let sim: ProcessorSimulator;

const storeWith = (timeoutSeconds: number, url?: string) => hook.storeWith(timeoutSeconds, url);

beforeAll(async () => {
  hook = await webhookFixture(db, STORE, SECRET);
  ({ sim } = hook);
});
afterAll(async () => {
  await hook?.close();
  await db.$disconnect();
});
beforeEach(() => {
  sim.callbackMode = 'answer';
});

const postCallback = (body: unknown, label = CALLBACK_LABEL) => hook.postCallback(body, { label });

describe('processor call attempts', () => {
  test('when an attempt times out and the retry succeeds, then the retry used a new call id and the late callback of the old one is refused 409 and changes nothing', async () => {
    const subject = await newSubject(db);
    sim.seed(subject.email, 'contact', [{ fullName: 'Li Na', phone: '+86 138 0000 2222' }]);
    const workflowId = `dsr-${randomUUID()}`;
    const attempt = () => new MockActivityEnvironment({ workflowExecution: { workflowId, runId: randomUUID() } }, quiet).run(() => storeWith(1).erase(subject, nothingProtected));

    sim.callbackMode = 'never';
    await expect(attempt()).rejects.toBeInstanceOf(ProcessorTimeout);
    sim.callbackMode = 'answer';
    expect(await attempt()).toEqual({ erased: 1, retained: [] });
    await sim.settled();

    const ids = sim.received.filter((c) => c.operation === 'erase' && c.idempotencyKey === `${workflowId}:${STORE}:erase`).map((c) => c.callId);
    expect(ids).toHaveLength(2);
    const [oldId, newId] = ids as [string, string];
    expect(oldId).not.toBe(newId);
    const before = await db.processorCall.findFirstOrThrow({ where: { store: STORE, requestKey: workflowId, operation: 'erase' } });
    expect(before).toMatchObject({ status: 'DONE', attemptId: newId, result: { processed: 1 } });

    const late = await postCallback({ callId: oldId, status: 'FAILED', errorCode: 'LATE' });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('CALL_SUPERSEDED');
    expect(await db.processorCall.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
  });

  test('when the old attempt calls back while the retry is still waiting, then the retry stays open until its own callback', async () => {
    const requestKey = `test-${randomUUID()}`;
    const first = await openCall(db, STORE, requestKey, 'erase');
    const second = await openCall(db, STORE, requestKey, 'erase');
    expect(second.id).not.toBe(first.id);
    expect((await postCallback({ callId: first.id, status: 'DONE', processed: 9 })).status).toBe(409);
    expect(await db.processorCall.findFirstOrThrow({ where: { attemptId: second.id } })).toMatchObject({ status: 'PENDING', result: null });
    expect(await postCallback({ callId: second.id, status: 'DONE', processed: 2 })).toMatchObject({ status: 200, body: { repeated: false } });
    expect(await db.processorCall.findFirstOrThrow({ where: { attemptId: second.id } })).toMatchObject({ status: 'DONE', result: { processed: 2 } });
  });

  test('when a body signed as an engine request is posted as a callback, then it is refused 401 and the call stays open', async () => {
    const call = await openCall(db, STORE, `test-${randomUUID()}`, 'erase');
    const replayed = await postCallback({ callId: call.id, status: 'DONE', processed: 1 }, REQUEST_LABEL);
    expect(replayed.status).toBe(401);
    expect(await db.processorCall.findFirstOrThrow({ where: { attemptId: call.id } })).toMatchObject({ status: 'PENDING' });
  });

  test('when the processor URL is plain http in production, then the engine refuses to connect it', () => {
    const map = { stores: [{ name: STORE, kind: 'webhook', connection: 'CRM_PROCESSOR_URL', webhook: { secret: 'CRM_PROCESSOR_SECRET', timeoutSeconds: 10 }, categories: [{ name: 'contact' }] }] } as never;
    const env = (NODE_ENV: string, url: string) => ({ NODE_ENV, CRM_PROCESSOR_URL: url, CRM_PROCESSOR_SECRET: 's3cret' });
    expect(() => webhookConnections(map, env('production', 'http://127.0.0.1:8080/dsr'))).toThrow('CRM_PROCESSOR_URL must be an https URL outside development and tests');
    expect(() => webhookConnections(map, env('test', 'http://crm.example.com/dsr'))).toThrow('CRM_PROCESSOR_URL must be an https URL');
    expect(webhookConnections(map, env('production', 'https://crm.example.com/dsr'))).toHaveLength(1);
    expect(processorUrlProblem('http://127.0.0.1:8080/dsr', { NODE_ENV: 'test', DSR_ENV: 'production' })).toMatch(/outside development/);
    expect(processorUrlProblem('http://127.0.0.1:8080/dsr', { NODE_ENV: 'test' })).toBeNull();

    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(() => storeWith(10)).toThrow(`Processor store "${STORE}": its URL must be an https URL outside development and tests`);
    } finally {
      process.env.NODE_ENV = saved;
    }
  });

  test('when the processor answers with a redirect, then the engine does not follow it and the call fails saying so', async () => {
    const subject = await newSubject(db);
    const redirector: Server = createServer((_req, res) => res.writeHead(307, { location: sim.url }).end());
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    try {
      const before = sim.received.length;
      const url = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/dsr`;
      await expect(storeWith(10, url).locate(subject)).rejects.toThrow(`Processor store "${STORE}" answered locate with a redirect (HTTP 307), which the engine does not follow`);
      expect(sim.received.length).toBe(before);
    } finally {
      await new Promise<void>((resolve) => redirector.close(() => resolve()));
    }
  });
});
