// A worker that dies after a store committed an erasure, but before the engine recorded it,
// must not turn the certificate's counts into 0: the retry reports what the first attempt
// erased, from the erase record kept on the store task. Store work also heartbeats.
import { MockActivityEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { fulfilmentActivities } from '../../activities/fulfilment';
import type { ActivityDeps } from '../../activities';
import { createFieldCipher } from '../../crypto/field-cipher';
import type { DataStore } from '../../stores/data-store';
import { createStoreRegistry } from '../../stores/registry';
import { testDb } from '../support/database';
import { declaredDemoStores, demoStore } from '../support/demo-estate';
import { testSecrets } from '../support/test-keys';
import { createRequest, createSubject, newEmail } from './fixtures';

const db = testDb();
const cipher = createFieldCipher(testSecrets().keyring);
afterAll(() => db.$disconnect());
const demo = declaredDemoStores();

/** The fulfilment activities over the given stores. */
const activitiesOver = (...stores: DataStore[]) =>
  fulfilmentActivities({ db, cipher, clock: () => new Date(), stores: createStoreRegistry(stores) } as unknown as ActivityDeps & { stores: ReturnType<typeof createStoreRegistry> });

async function deletionFor(email: string): Promise<string> {
  return createRequest(db, await createSubject(db, cipher, email), 'DELETION');
}

test('when the worker dies inside the erase after the store committed, then the retry reports the first attempt\'s counts', async () => {
  const email = newEmail();
  await db.serviceLog.createMany({ data: [1, 2, 3].map((i) => ({ email, ipAddress: `10.4.0.${i}`, deviceId: i === 1 ? 'device-1' : null, at: new Date() })) });
  const requestId = await deletionFor(email);
  const logs = demoStore(demo, 'service-logs');
  let dies = true;
  // Commits the erasure, then the process "dies" before anything else runs.
  const dying: DataStore = { ...logs, erase: async (...args) => {
    await logs.erase(...args);
    if (dies) {
      dies = false;
      throw new Error('worker process killed');
    }
    return { erased: 0, retained: [] };
  } };
  const acts = activitiesOver(dying);
  const work = { requestId, store: 'service-logs', type: 'DELETION' as const, excluded: [] };

  await expect(acts.fulfilStore(work)).rejects.toThrow('worker process killed');
  expect(await db.serviceLog.count({ where: { email } })).toBe(0);

  const outcome = await acts.fulfilStore(work);
  expect(outcome).toMatchObject({ store: 'service-logs', processed: 4, located: { network: 3, device: 1 }, settledBy: 'ENGINE' });
  const task = await db.storeTask.findUniqueOrThrow({ where: { requestId_store: { requestId, store: 'service-logs' } } });
  expect(task).toMatchObject({ status: 'DONE', processed: 4 });
  const fulfilled = await db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'STORE_FULFILLED' } });
  expect(fulfilled.details).toMatchObject({ processed: 4, located: { network: 3, device: 1 } });
});

test('when the worker dies after the erase returned, then the retry reports the first attempt\'s counts, anonymised ones included', async () => {
  const email = newEmail();
  await db.invoice.create({ data: { number: `INV-${randomUUID()}`, email, billingName: 'Chen Jing', amount: '20.00', currency: 'CNY', issuedAt: new Date() } });
  await db.invoice.create({ data: { number: `INV-${randomUUID()}`, email, billingName: 'Chen Jing', amount: '5.00', currency: 'CNY' } });
  await db.paymentMethod.create({ data: { email, type: 'card', brand: 'Visa', last4: '1111', holderName: 'Chen Jing' } });
  const requestId = await deletionFor(email);
  const billing = demoStore(demo, 'billing');
  let locates = 0;
  // The check that follows the erasure is where the process "dies" the first time.
  const dying: DataStore = { ...billing, locate: async (s) => {
    locates += 1;
    if (locates === 2) throw new Error('worker process killed');
    return billing.locate(s);
  } };
  const acts = activitiesOver(dying);
  const work = { requestId, store: 'billing', type: 'DELETION' as const, excluded: [] };

  await expect(acts.fulfilStore(work)).rejects.toThrow('worker process killed');
  const outcome = await acts.fulfilStore(work);
  expect(outcome).toMatchObject({ processed: 3, located: { invoice: 2, payment: 1 } });
  const fulfilled = await db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'STORE_FULFILLED' } });
  expect(fulfilled.details).toMatchObject({ processed: 3, anonymised: 1 });
  expect(await db.invoice.count({ where: { email } })).toBe(0);
});

test('when a store works for a while inside an activity, then the activity heartbeats meanwhile', async () => {
  const email = newEmail();
  await db.serviceLog.create({ data: { email, ipAddress: '10.5.0.1', at: new Date() } });
  const requestId = await deletionFor(email);
  const logs = demoStore(demo, 'service-logs');
  // A slow store: one statement that takes longer than a heartbeat interval.
  const slow: DataStore = { ...logs, erase: async (...args) => (await new Promise((r) => setTimeout(r, 6_000)), logs.erase(...args)) };
  const env = new MockActivityEnvironment();
  let heartbeats = 0;
  env.on('heartbeat', () => (heartbeats += 1));
  const outcome: { processed: number } = await env.run(() => activitiesOver(slow).fulfilStore({ requestId, store: 'service-logs', type: 'DELETION', excluded: [] }));
  expect(outcome.processed).toBe(1);
  expect(heartbeats).toBeGreaterThanOrEqual(2);
}, 20_000);
