// A deletion whose processor store (reached over its webhook) never confirms the erasure:
// each attempt times out, the store is marked FAILED and the request STUCK for compliance;
// once the processor answers again, compliance's retry completes the request.
import { approveErasure } from './helpers';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createFieldCipher } from '../../crypto/field-cipher';
import { buildApp, startWebServer } from '../../server/app';
import { createWebhookStore } from '../../stores/webhook/webhook-store';
import { retryStoreUpdate, statusQuery } from '../../workflows/messages';
import { testDb } from '../support/database';
import { eventually } from '../support/http';
import { startProcessorSimulator, type ProcessorSimulator } from '../support/processor-simulator';
import { testSecrets } from '../support/test-keys';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';

const STORE = 'crm-processor';
const SECRET = `secret-${randomUUID()}`;
const db = testDb();
let sim: ProcessorSimulator;
let callbacks: FastifyInstance;
let stack: WorkflowStack;

beforeAll(async () => {
  sim = await startProcessorSimulator(SECRET);
  const { keyring, identityPepper } = testSecrets();
  // The engine's HTTP side, where the processor posts its callbacks.
  callbacks = await buildApp({ temporal: {} as never, taskQueue: 'unused', db, cipher: createFieldCipher(keyring), identityPepper, clock: () => new Date(), processorSecrets: new Map([[STORE, SECRET]]) });
  const publicUrl = await startWebServer(callbacks, '127.0.0.1', 0);
  const processor = createWebhookStore({ name: STORE, categories: ['contact', 'marketing-consent'], url: sim.url, secret: SECRET, timeoutSeconds: 1, publicUrl, db, pollIntervalMs: 50 });
  stack = await startWorkflowStack([processor]);
});
afterAll(async () => {
  await stack?.close();
  await sim?.close();
  await callbacks?.close();
  await db.$disconnect();
});

test('when the processor never calls back, then the store fails with the timeout, the request is stuck, and a retry completes it once the processor answers', async () => {
  const email = `wf-${randomUUID()}@example.org`;
  sim.seed(email, 'contact', [{ fullName: 'Wang Fang', phone: '+86 139 0000 0001' }]);
  sim.seed(email, 'marketing-consent', [{ list: 'cloud-news' }, { list: 'offers' }]);
  sim.callbackMode = 'never';
  const { requestId, handle } = await stack.start({ type: 'DELETION', email, attestation: { staffId: 'agent-1', evidenceNote: 'ID card checked in person' } });
  await approveErasure(handle);

  await eventually(async () => (await handle.query(statusQuery)).status === 'STUCK', 60_000);
  const stuck = (await handle.query(statusQuery)).stores[STORE];
  expect(stuck).toMatchObject({ status: 'FAILED' });
  expect(stuck?.reason).toContain(`Processor store "${STORE}" did not report the result of erase within 1 seconds`);
  const task = await db.storeTask.findUniqueOrThrow({ where: { requestId_store: { requestId, store: STORE } } });
  expect(task.status).toBe('FAILED');
  expect(task.lastError).not.toContain(email);
  expect(Object.keys(sim.recordsOf(email))).toEqual(['contact', 'marketing-consent']);

  sim.callbackMode = 'answer';
  await handle.executeUpdate(retryStoreUpdate, { args: [{ staffId: 'officer-1', store: STORE }] });
  expect((await handle.result()).status).toBe('COMPLETED');
  expect(sim.recordsOf(email)).toEqual({});
  expect(await db.storeTask.findUniqueOrThrow({ where: { requestId_store: { requestId, store: STORE } } })).toMatchObject({ status: 'DONE', processed: 3 });
  // Every attempt used the one idempotency key of this request's erase.
  const keys = new Set(sim.received.filter((c) => c.operation === 'erase').map((c) => c.idempotencyKey));
  expect([...keys]).toEqual([`dsr-${requestId}:${STORE}:erase`]);
});
