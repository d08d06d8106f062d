// The fulfilment activities against the real database and stores, called directly.
import { ApplicationFailure } from '@temporalio/activity';
import { fulfilmentActivities, type FulfilmentDeps } from '../../activities/fulfilment';
import { createFieldCipher } from '../../crypto/field-cipher';
import type { StoreWork } from '../../domain/fulfilment';
import { VERIFICATION } from '../../domain/procedure';
import type { Mailer } from '../../mail/mailer';
import type { DataStore } from '../../stores/data-store';
import { createStoreRegistry } from '../../stores/registry';
import { testDb } from '../support/database';
import { declaredDemoStores, demoStore } from '../support/demo-estate';
import { testSecrets } from '../support/test-keys';
import { createRequest, createSubject, holdOn, newEmail, POLICE_HOLD, seedAccount, seedLogs } from './fixtures';

const db = testDb();
const cipher = createFieldCipher(testSecrets().keyring);
afterAll(() => db.$disconnect());

const noMail: Mailer = {
  send: () => Promise.reject(new Error('fulfilment sends no mail')),
  close: () => undefined,
};

function activitiesOver(stores: DataStore[]) {
  const deps: FulfilmentDeps = { db, mailer: noMail, cipher, clock: () => new Date(), verification: VERIFICATION, stores: createStoreRegistry(stores), staffMailTo: 'compliance@example.test' };
  return fulfilmentActivities(deps);
}
const demo = declaredDemoStores();
const acts = activitiesOver(demo);

/** A subject with an account and two log rows, and a request of the given type. */
async function subjectWithData(type: StoreWork['type']) {
  const email = newEmail();
  const subjectId = await createSubject(db, cipher, email);
  await seedAccount(db, email);
  await seedLogs(db, email, 2);
  return { email, subjectId, requestId: await createRequest(db, subjectId, type) };
}

const work = (requestId: string, store: string, type: StoreWork['type'], extra: Partial<StoreWork> = {}): StoreWork => ({ requestId, store, type, excluded: [], ...extra });
const taskOf = (requestId: string, store: string) => db.storeTask.findUniqueOrThrow({ where: { requestId_store: { requestId, store } } });
const eventsOf = (requestId: string, action: string) => db.auditEvent.findMany({ where: { requestId, action }, orderBy: { id: 'asc' } });

describe('planFulfilment', () => {
  test('when the subject has data in one store only, then only that store is planned, once', async () => {
    const email = newEmail();
    const subjectId = await createSubject(db, cipher, email);
    await seedAccount(db, email);
    await seedLogs(db, newEmail(), 1);
    const requestId = await createRequest(db, subjectId, 'ACCESS');

    expect(await acts.planFulfilment({ requestId })).toEqual(['customer-accounts']);
    expect(await acts.planFulfilment({ requestId })).toEqual(['customer-accounts']);
    const tasks = await db.storeTask.findMany({ where: { requestId } });
    expect(tasks.map((t) => [t.store, t.status, t.attempts])).toEqual([['customer-accounts', 'PENDING', 0]]);
    expect(await eventsOf(requestId, 'FULFILMENT_PLANNED')).toHaveLength(1);
  });

  test('when the subject has data everywhere or nowhere, then every store or none is planned', async () => {
    const { requestId } = await subjectWithData('DELETION');
    expect(await acts.planFulfilment({ requestId })).toEqual(['customer-accounts', 'service-logs']);
    const nobody = await createRequest(db, await createSubject(db, cipher, newEmail()), 'DELETION');
    expect(await acts.planFulfilment({ requestId: nobody })).toEqual([]);
  });
});

describe('fulfilStore', () => {
  test('when a deletion runs, then the store task is done and the audit event holds counts but no address', async () => {
    const { email, requestId } = await subjectWithData('DELETION');
    await acts.planFulfilment({ requestId });

    const outcome = await acts.fulfilStore(work(requestId, 'customer-accounts', 'DELETION'));
    expect(outcome).toEqual({ store: 'customer-accounts', located: { contact: 1, corporate: 1, account: 1 }, processed: 3, retained: [], settledBy: 'ENGINE' });
    expect(await db.customerAccount.count({ where: { email } })).toBe(0);
    expect(await taskOf(requestId, 'customer-accounts')).toMatchObject({ status: 'DONE', processed: 3, attempts: 1, retained: [], lastError: null, settledBy: 'ENGINE' });

    const [event] = await eventsOf(requestId, 'STORE_FULFILLED');
    expect(event?.details).toMatchObject({ store: 'customer-accounts', type: 'DELETION', processed: 3 });
    expect(JSON.stringify(event?.details)).not.toContain(email);
    expect(JSON.stringify(outcome)).not.toContain(email);
  });

  test('when a category is held or excluded, then it is kept and reported with its reference and basis', async () => {
    const { email, subjectId, requestId } = await subjectWithData('DELETION');
    const hold = await holdOn(db, subjectId, { store: 'service-logs', category: 'network' });
    const excluded = [{ category: 'device', ground: 'CRIMINAL_INVESTIGATION', citation: 'PIPL art. 18(2)' }];

    const outcome = await acts.fulfilStore(work(requestId, 'service-logs', 'DELETION', { excluded }));
    expect(outcome.processed).toBe(0);
    expect(outcome.retained).toEqual([
      { category: 'network', records: 2, reason: 'LEGAL_HOLD', reference: hold.id, basis: POLICE_HOLD.basis },
      { category: 'device', records: 2, reason: 'EXEMPTION', reference: 'CRIMINAL_INVESTIGATION', basis: 'PIPL art. 18(2)' },
    ]);
    expect(await db.serviceLog.count({ where: { email } })).toBe(2);
    expect((await taskOf(requestId, 'service-logs')).retained).toEqual(outcome.retained);
    const [event] = await eventsOf(requestId, 'STORE_FULFILLED');
    expect(JSON.stringify(event?.details)).not.toContain(email);
  });

  test('when a correction names an unknown field, then it fails for good with a clear message and the attempt is recorded', async () => {
    const { requestId } = await subjectWithData('CORRECTION');
    const attempt = acts.fulfilStore(work(requestId, 'customer-accounts', 'CORRECTION', { corrections: { shoeSize: '43-secret' } }));
    await expect(attempt).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(attempt).rejects.toMatchObject({ nonRetryable: true, type: 'CorrectionRefused' });
    await expect(attempt).rejects.toThrow('cannot correct "shoeSize"');
    const task = await taskOf(requestId, 'customer-accounts');
    expect(task).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(task.lastError).toContain('cannot correct "shoeSize"');
    expect(task.lastError).not.toContain('43-secret');
  });

  test('when a valid correction runs, then each store changes what it holds', async () => {
    const { email, requestId } = await subjectWithData('CORRECTION');
    const corrections = { phone: '+86 139 5555 6666' };
    expect((await acts.fulfilStore(work(requestId, 'customer-accounts', 'CORRECTION', { corrections }))).processed).toBe(1);
    expect((await acts.fulfilStore(work(requestId, 'service-logs', 'CORRECTION', { corrections }))).processed).toBe(0);
    expect((await db.customerAccount.findUniqueOrThrow({ where: { email } })).phone).toBe('+86 139 5555 6666');
  });

  test('when an access request runs, then the outcome counts records and carries none of them', async () => {
    const { email, requestId } = await subjectWithData('ACCESS');
    const outcome = await acts.fulfilStore(work(requestId, 'service-logs', 'ACCESS'));
    expect(outcome).toMatchObject({ located: { network: 2, device: 2 }, processed: 4, retained: [] });
    expect(JSON.stringify(outcome)).not.toMatch(/10\.0\.0|Shenzhen|PA-9/);
    expect(await db.serviceLog.count({ where: { email } })).toBe(2);
  });

  test('when a store fails with personal data in its error, then the failure and the task carry none of it', async () => {
    const { email, requestId } = await subjectWithData('DELETION');
    const leaky: DataStore = {
      ...demoStore(demo, 'customer-accounts'),
      locate: async (subject) => {
        throw new Error(`connection reset while reading ${subject.email} (contact ops@vendor.example)`);
      },
    };
    const attempt = activitiesOver([leaky]).fulfilStore(work(requestId, 'customer-accounts', 'DELETION'));
    await expect(attempt).rejects.toMatchObject({ nonRetryable: false, message: 'connection reset while reading [redacted] (contact [redacted])' });
    const task = await taskOf(requestId, 'customer-accounts');
    expect(task.lastError).not.toContain(email);
    expect(task).toMatchObject({ status: 'PENDING', attempts: 1 });
  });

  test('when an erasure leaves data outside the retained categories, then the activity fails to be retried', async () => {
    const { requestId } = await subjectWithData('DELETION');
    const real = demoStore(demo, 'service-logs');
    const forgetful: DataStore = { ...real, erase: async () => ({ erased: 4, retained: [] }) };
    await expect(activitiesOver([forgetful]).fulfilStore(work(requestId, 'service-logs', 'DELETION'))).rejects.toMatchObject({
      nonRetryable: false,
      message: 'Erasure in service-logs left records in network, device.',
    });
    expect(await taskOf(requestId, 'service-logs')).toMatchObject({ status: 'PENDING', attempts: 1 });
  });

  test('when an attempt already committed is retried, then the recorded outcome is returned without redoing the work', async () => {
    const { requestId } = await subjectWithData('DELETION');
    const first = await acts.fulfilStore(work(requestId, 'customer-accounts', 'DELETION'));
    const again = await acts.fulfilStore(work(requestId, 'customer-accounts', 'DELETION'));
    expect(again).toEqual({ ...first, located: {} });
    expect(await eventsOf(requestId, 'STORE_FULFILLED')).toHaveLength(1);
    expect((await taskOf(requestId, 'customer-accounts')).attempts).toBe(1);
  });
});

describe('failed stores and settlement by hand', () => {
  test('when a store is marked failed and then retried, then the request is stuck and unstuck, with both steps audited', async () => {
    const { requestId } = await subjectWithData('DELETION');
    await acts.planFulfilment({ requestId });
    await acts.markStoreFailed({ requestId, store: 'service-logs', reason: 'timeout' });
    expect((await db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).stuck).toBe(true);
    expect(await taskOf(requestId, 'service-logs')).toMatchObject({ status: 'FAILED', lastError: 'timeout' });

    await acts.markStoreRetrying({ requestId, store: 'service-logs', actor: 'staff:ops-3' });
    expect((await db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).stuck).toBe(false);
    expect((await taskOf(requestId, 'service-logs')).status).toBe('PENDING');
    expect((await eventsOf(requestId, 'STORE_FAILED')).map((e) => e.reason)).toEqual(['timeout']);
    expect((await eventsOf(requestId, 'STORE_RETRY_REQUESTED')).map((e) => e.actor)).toEqual(['staff:ops-3']);
  });

  test('when two stores failed and one is skipped, then the request stays stuck until the other is completed by hand', async () => {
    const { requestId } = await subjectWithData('DELETION');
    await acts.markStoreFailed({ requestId, store: 'customer-accounts', reason: 'timeout' });
    await acts.markStoreFailed({ requestId, store: 'service-logs', reason: 'timeout' });

    const skipped = await acts.settleStoreByHand({ requestId, store: 'service-logs', how: 'SKIPPED', actor: 'staff:dpo-1', note: 'Store decommissioned; backups expire in 30 days.' });
    expect(skipped).toMatchObject({ store: 'service-logs', settledBy: 'SKIPPED', note: 'Store decommissioned; backups expire in 30 days.' });
    expect((await db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).stuck).toBe(true);

    await acts.settleStoreByHand({ requestId, store: 'customer-accounts', how: 'MANUAL', actor: 'staff:dpo-1', note: 'Deleted by the DBA, ticket OPS-1234.' });
    expect((await db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).stuck).toBe(false);
    expect(await taskOf(requestId, 'customer-accounts')).toMatchObject({ status: 'MANUAL', settledBy: 'staff:dpo-1', justification: 'Deleted by the DBA, ticket OPS-1234.' });
    expect((await eventsOf(requestId, 'STORE_SKIPPED')).map((e) => e.details)).toEqual([{ store: 'service-logs', how: 'SKIPPED', attempts: 0, noteId: expect.any(String) }]);
    expect(await eventsOf(requestId, 'STORE_COMPLETED_MANUALLY')).toHaveLength(1);
  });

  test('when a fulfilled store is to be settled by hand, then that is refused', async () => {
    const { requestId } = await subjectWithData('DELETION');
    await acts.fulfilStore(work(requestId, 'customer-accounts', 'DELETION'));
    await expect(acts.settleStoreByHand({ requestId, store: 'customer-accounts', how: 'SKIPPED', actor: 'staff:dpo-1', note: 'n/a' })).rejects.toMatchObject({
      nonRetryable: true,
      type: 'StoreAlreadyFulfilled',
    });
  });
});
