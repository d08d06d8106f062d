// The customer-accounts and service-logs stores, as the shipped map declares them over the
// main database's tables, against the real database: one subject's data among others'.
// The declared connector reports `anonymised` (here always 0) with every erasure.
import { createFieldCipher } from '../../crypto/field-cipher';
import type { DataCategory } from '../../domain/fulfilment';
import { activeHoldFor, releaseHold } from '../../legal/holds';
import type { CategoryProtection, DataStore, SubjectKeys } from '../../stores/data-store';
import { createStoreRegistry } from '../../stores/registry';
import { declaredDemoStores, demoStore } from '../support/demo-estate';
import { CorrectionRefused } from '../../stores/store-errors';
import { testDb } from '../support/database';
import { testSecrets } from '../support/test-keys';
import { createSubject, holdOn, newEmail, POLICE_HOLD, seedAccount, seedLogs } from './fixtures';
import { exportedByCategory } from '../support/exported';

const db = testDb();
const cipher = createFieldCipher(testSecrets().keyring);
afterAll(() => db.$disconnect());

const demo = declaredDemoStores();
const accounts = demoStore(demo, 'customer-accounts');
const logs = demoStore(demo, 'service-logs');
/** What the map's mask writes in a required column whose category is erased while the row stays. */
const ERASED = 'erased';
const nothingProtected = async () => null;

async function newSubject(): Promise<SubjectKeys> {
  const email = newEmail();
  return { subjectId: await createSubject(db, cipher, email), email };
}

/** protectedNow as the fulfilment activity builds it: the database's holds, read at call time. */
const holdsOf = (store: DataStore, subject: SubjectKeys) => (category: DataCategory) => activeHoldFor(db, subject.subjectId, store.name, category, new Date());

describe('customer-accounts store', () => {
  test('when one subject is located, exported, corrected and erased, then the other subjects are untouched', async () => {
    const [subject, other1, other2] = [await newSubject(), await newSubject(), await newSubject()];
    for (const s of [subject, other1, other2]) await seedAccount(db, s.email);
    const othersBefore = await db.customerAccount.findMany({ where: { email: { in: [other1.email, other2.email] } }, orderBy: { email: 'asc' } });

    expect(await accounts.locate(subject)).toEqual({ contact: 1, corporate: 1, account: 1 });
    const exported = await exportedByCategory(accounts, subject);
    expect(exported.contact).toEqual([{ fullName: 'Zhang Min', phone: '+86 138 0000 1111' }]);
    expect(exported.corporate).toEqual([{ companyName: 'Shenzhen Example Co.' }]);
    expect(exported.account).toEqual([expect.objectContaining({ email: subject.email, plan: 'enterprise' })]);

    expect(await accounts.rectify(subject, { phone: '+86 139 2222 3333', fullName: 'Zhang Ming' })).toBe(1);
    expect(await db.customerAccount.findUnique({ where: { email: subject.email } })).toMatchObject({ phone: '+86 139 2222 3333', fullName: 'Zhang Ming' });

    expect(await accounts.erase(subject, nothingProtected)).toEqual({ erased: 3, retained: [], anonymised: 0 });
    expect(await db.customerAccount.count({ where: { email: subject.email } })).toBe(0);
    expect(await accounts.locate(subject)).toEqual({ contact: 0, corporate: 0, account: 0 });
    expect(await db.customerAccount.findMany({ where: { email: { in: [other1.email, other2.email] } }, orderBy: { email: 'asc' } })).toEqual(othersBefore);
  });

  test('when the erasure runs twice, then the second run finds nothing and fails nothing', async () => {
    const subject = await newSubject();
    await seedAccount(db, subject.email);
    await accounts.erase(subject, nothingProtected);
    expect(await accounts.erase(subject, nothingProtected)).toEqual({ erased: 0, retained: [], anonymised: 0 });
  });

  test('when a correction names an unknown field, then it is refused by name without repeating the value', async () => {
    const subject = await newSubject();
    await seedAccount(db, subject.email);
    const attempt = accounts.rectify(subject, { shoeSize: 'secret-value-42' });
    await expect(attempt).rejects.toBeInstanceOf(CorrectionRefused);
    await expect(attempt).rejects.toThrow('cannot correct "shoeSize": correctable fields are fullName, phone, companyName');
    await expect(attempt).rejects.not.toThrow('secret-value-42');
    await expect(accounts.rectify(subject, { phone: 'call me maybe' })).rejects.toThrow('refused the correction of "phone"');
    // Nothing was applied: validation runs before any write.
    await expect(accounts.rectify(subject, { fullName: 'New Name', email: 'x@example.org' })).rejects.toThrow('"email"');
    expect((await db.customerAccount.findUnique({ where: { email: subject.email } }))?.fullName).toBe('Zhang Min');
  });

  test('when a category is under a legal hold, then it survives, the rest is anonymised and the hold is reported with its basis', async () => {
    const subject = await newSubject();
    await seedAccount(db, subject.email);
    const hold = await holdOn(db, subject.subjectId, { store: 'customer-accounts', category: 'corporate' });

    const result = await accounts.erase(subject, holdsOf(accounts, subject));
    expect(result).toEqual({ erased: 2, anonymised: 0, retained: [{ category: 'corporate', records: 1, reason: 'LEGAL_HOLD', reference: hold.id, basis: POLICE_HOLD.basis }] });
    expect(await db.customerAccount.findUnique({ where: { email: subject.email } })).toMatchObject({ fullName: ERASED, phone: null, plan: ERASED, companyName: 'Shenzhen Example Co.' });
    expect(await accounts.locate(subject)).toEqual({ contact: 0, corporate: 1, account: 0 });
    expect(await accounts.erase(subject, holdsOf(accounts, subject))).toEqual({ erased: 0, retained: result.retained, anonymised: 0 });

    // Once the hold is released, a new erasure takes the rest, row and all.
    await releaseHold(db, { holdId: hold.id, releasedBy: 'staff:compliance-7' }, new Date());
    expect(await accounts.erase(subject, holdsOf(accounts, subject))).toEqual({ erased: 1, retained: [], anonymised: 0 });
    expect(await db.customerAccount.count({ where: { email: subject.email } })).toBe(0);
  });

  test('when a hold names no store and no category, then it protects everything', async () => {
    const subject = await newSubject();
    const before = await seedAccount(db, subject.email);
    const hold = await holdOn(db, subject.subjectId);
    const result = await accounts.erase(subject, holdsOf(accounts, subject));
    expect(result.erased).toBe(0);
    expect(result.retained.map((r) => [r.category, r.reference])).toEqual([
      ['contact', hold.id],
      ['corporate', hold.id],
      ['account', hold.id],
    ]);
    expect(await db.customerAccount.findUnique({ where: { email: subject.email } })).toEqual(before);
  });

  test('when a hold is placed while the erasure runs, then the categories not yet erased are kept', async () => {
    const subject = await newSubject();
    await seedAccount(db, subject.email);
    const consult = holdsOf(accounts, subject);
    const asked: string[] = [];
    let holdId = '';
    const result = await accounts.erase(subject, async (category) => {
      asked.push(category);
      const answer = await consult(category);
      // The order arrives just after the first category was cleared for erasure.
      if (asked.length === 1) holdId = (await holdOn(db, subject.subjectId, { store: 'customer-accounts', category: 'account' })).id;
      return answer;
    });
    expect(asked).toEqual(['contact', 'corporate', 'account']);
    expect(result.retained).toEqual([{ category: 'account', records: 1, reason: 'LEGAL_HOLD', reference: holdId, basis: POLICE_HOLD.basis }]);
    expect(await db.customerAccount.findUnique({ where: { email: subject.email } })).toMatchObject({ fullName: ERASED, phone: null, companyName: null, plan: 'enterprise' });
  });

  test('when holds are for another store, released, ended or not yet started, then they protect nothing', async () => {
    const subject = await newSubject();
    await seedAccount(db, subject.email);
    const now = new Date();
    await holdOn(db, subject.subjectId, { store: 'service-logs' });
    await holdOn(db, subject.subjectId, { endsAt: new Date(now.getTime() - 1000), startsAt: new Date(now.getTime() - 60_000) });
    await holdOn(db, subject.subjectId, { startsAt: new Date(now.getTime() + 60_000) });
    const released = await holdOn(db, subject.subjectId);
    await releaseHold(db, { holdId: released.id, releasedBy: 'staff:compliance-7' }, now);
    expect(await accounts.erase(subject, holdsOf(accounts, subject))).toEqual({ erased: 3, retained: [], anonymised: 0 });
  });
});

describe('service-logs store', () => {
  test('when one subject is located, exported and erased, then the other subjects are untouched', async () => {
    const [subject, other] = [await newSubject(), await newSubject()];
    await seedLogs(db, subject.email, 2);
    const otherBefore = await seedLogs(db, other.email, 3);

    expect(await logs.locate(subject)).toEqual({ network: 2, device: 2 });
    const exported = await exportedByCategory(logs, subject);
    expect(exported.network).toEqual([
      { at: '2026-01-01T00:00:00.000Z', ipAddress: '10.0.0.1', location: 'Shenzhen' },
      { at: '2026-01-02T00:00:00.000Z', ipAddress: '10.0.0.2', location: 'Shenzhen' },
    ]);
    expect(exported.device?.[0]).toMatchObject({ hardwareModel: 'PA-9', osVersion: '14.2' });
    // Machine-recorded logs hold nothing a subject's correction changes.
    expect(await logs.rectify(subject, { fullName: 'Zhang Ming' })).toBe(0);

    expect(await logs.erase(subject, nothingProtected)).toEqual({ erased: 4, retained: [], anonymised: 0 });
    expect(await db.serviceLog.count({ where: { email: subject.email } })).toBe(0);
    expect(await db.serviceLog.findMany({ where: { email: other.email }, orderBy: { at: 'asc' } })).toEqual(otherBefore);
    expect(await logs.erase(subject, nothingProtected)).toEqual({ erased: 0, retained: [], anonymised: 0 });
  });

  test('when the network category is held, then IP and location stay and device data goes', async () => {
    const subject = await newSubject();
    await seedLogs(db, subject.email, 2);
    const hold = await holdOn(db, subject.subjectId, { store: 'service-logs', category: 'network', basis: 'Cybersecurity Law art. 21 (log retention)' });

    const result = await logs.erase(subject, holdsOf(logs, subject));
    expect(result).toEqual({ erased: 2, anonymised: 0, retained: [{ category: 'network', records: 2, reason: 'LEGAL_HOLD', reference: hold.id, basis: 'Cybersecurity Law art. 21 (log retention)' }] });
    const rows = await db.serviceLog.findMany({ where: { email: subject.email } });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ ipAddress: expect.any(String), location: 'Shenzhen', deviceId: null, hardwareModel: null, osVersion: null });
    expect(await logs.erase(subject, holdsOf(logs, subject))).toEqual({ erased: 0, retained: result.retained, anonymised: 0 });
  });

  test('when a hold names no store and no category, then every log row survives', async () => {
    const subject = await newSubject();
    const before = await seedLogs(db, subject.email, 2);
    await holdOn(db, subject.subjectId);
    const result = await logs.erase(subject, holdsOf(logs, subject));
    expect(result.erased).toBe(0);
    expect(result.retained.map((r) => r.category)).toEqual(['network', 'device']);
    expect(await db.serviceLog.findMany({ where: { email: subject.email }, orderBy: { at: 'asc' } })).toEqual(before);
  });

  test('when a hold is placed while the erasure runs, then the category not yet erased is kept', async () => {
    const subject = await newSubject();
    await seedLogs(db, subject.email, 1);
    const consult = holdsOf(logs, subject);
    const result = await logs.erase(subject, async (category): Promise<CategoryProtection | null> => {
      const answer = await consult(category);
      if (category === 'network') await holdOn(db, subject.subjectId, { category: 'device' });
      return answer;
    });
    expect(result.retained.map((r) => r.category)).toEqual(['device']);
    expect(await db.serviceLog.findFirst({ where: { email: subject.email } })).toMatchObject({ ipAddress: null, location: null, hardwareModel: 'PA-9' });
  });
});

describe('store registry', () => {
  test('when a store is asked for by name, then it is found, and an unknown name is refused clearly', () => {
    const registry = createStoreRegistry(demo);
    expect(registry.all().map((s) => s.name)).toEqual(['customer-accounts', 'service-logs', 'billing']);
    expect(registry.get('service-logs').categories).toEqual(['network', 'device']);
    expect(() => registry.get('crm')).toThrow('No data store is named "crm"; known stores: customer-accounts, service-logs, billing.');
    expect(() => createStoreRegistry([accounts, accounts])).toThrow('Two data stores are named "customer-accounts".');
  });
});
