// A correction request fulfilled store by store through the activity: each store changes what
// it holds, and the audit trail records which fields changed and the lengths, never a value.
import { Pool } from 'pg';
import { fulfilmentActivities } from '../../activities/fulfilment';
import { createFieldCipher } from '../../crypto/field-cipher';
import type { StoreWork } from '../../domain/fulfilment';
import { VERIFICATION } from '../../domain/procedure';
import type { Mailer } from '../../mail/mailer';
import { createStoreRegistry } from '../../stores/registry';
import { testDb } from '../support/database';
import { declaredDemoStores } from '../support/demo-estate';
import { testSecrets } from '../support/test-keys';
import { createRequest, createSubject, newEmail, seedAccount } from './fixtures';
import { required } from './store-fixtures';

const db = testDb();
const cipher = createFieldCipher(testSecrets().keyring);
const pool = new Pool({ connectionString: required('MARKETING_DATABASE_URL'), max: 2 });
afterAll(async () => {
  await pool.end();
  await db.$disconnect();
});

const noMail: Mailer = { send: () => Promise.reject(new Error('fulfilment sends no mail')), close: () => undefined };
const acts = fulfilmentActivities({
  db,
  mailer: noMail,
  cipher,
  clock: () => new Date(),
  verification: VERIFICATION,
  stores: createStoreRegistry(declaredDemoStores({ marketing: true })),
  staffMailTo: 'compliance@example.test',
});

const NEW_NAME = '赵文静';
const NEW_ADDRESS = '杭州市西湖区文三路 88 号';

describe('correction audit', () => {
  test('when a correction is fulfilled in every store holding the subject, then each changes and the audit carries no value', async () => {
    const email = newEmail();
    const subjectId = await createSubject(db, cipher, email);
    await seedAccount(db, email);
    await db.invoice.create({ data: { number: `DRAFT-${subjectId}`, email, billingName: 'Zhang Min', billingAddress: '深圳市南山区科技园路 1 号', amount: '99.00', currency: 'CNY' } });
    await pool.query(`INSERT INTO newsletter_subscription (email, list, consented_at, display_name, language) VALUES ($1, 'cloud-news', now(), 'Zhang Min', 'en')`, [email]);
    const requestId = await createRequest(db, subjectId, 'CORRECTION');
    const corrections = { fullName: NEW_NAME, billingName: NEW_NAME, billingAddress: NEW_ADDRESS };
    const logged: unknown[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => jest.spyOn(console, level).mockImplementation((...args) => void logged.push(args)));

    try {
      expect(await acts.planFulfilment({ requestId })).toEqual(['customer-accounts', 'billing', 'marketing-db']);
      const work = (store: string): StoreWork => ({ requestId, store, type: 'CORRECTION', excluded: [], corrections });
      const processed = [];
      for (const store of ['customer-accounts', 'billing', 'marketing-db']) processed.push((await acts.fulfilStore(work(store))).processed);
      expect(processed).toEqual([1, 1, 1]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }

    expect((await db.customerAccount.findUniqueOrThrow({ where: { email } })).fullName).toBe(NEW_NAME);
    expect(await db.invoice.findFirstOrThrow({ where: { email } })).toMatchObject({ billingName: NEW_NAME, billingAddress: NEW_ADDRESS });
    expect((await pool.query('SELECT display_name FROM newsletter_subscription WHERE email = $1', [email])).rows).toEqual([{ display_name: NEW_NAME }]);

    const events = await db.auditEvent.findMany({ where: { requestId, action: 'STORE_FULFILLED' }, orderBy: { id: 'asc' } });
    expect(events.map((e) => (e.details as { store: string; changes: unknown }).changes)).toEqual([
      [{ field: 'fullName', records: 1, lengthsBefore: [9], lengthAfter: 3 }],
      [
        { field: 'billingName', records: 1, lengthsBefore: [9], lengthAfter: 3 },
        { field: 'billingAddress', records: 1, lengthsBefore: [14], lengthAfter: 14 },
      ],
      [{ field: 'fullName', records: 1, lengthsBefore: [9], lengthAfter: 3 }],
    ]);
    const stored = [await db.auditEvent.findMany({ where: { requestId } }), await db.storeTask.findMany({ where: { requestId } }), logged];
    const everything = JSON.stringify(stored, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    for (const value of [NEW_NAME, NEW_ADDRESS, 'Zhang Min', '深圳市', email]) expect(everything).not.toContain(value);
  });
});
