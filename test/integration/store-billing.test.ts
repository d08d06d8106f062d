// The billing store, as the shipped map declares it over the Invoice and PaymentMethod tables, against the real database: one subject's invoices and payment methods
// among other subjects'. Issued invoices are anonymised (kept for accounting law), drafts
// and payment methods deleted; corrections change drafts and holder names, never an issued invoice.
import { randomUUID } from 'node:crypto';
import { EXPORT_BATCH_SIZE, type ExportedRecord, type FieldChange } from '../../stores/data-store';
import { CorrectionRefused } from '../../stores/store-errors';
import { testDb } from '../support/database';
import { declaredDemoStores, demoStore } from '../support/demo-estate';
import { holdOn, POLICE_HOLD } from './fixtures';
import { holdsOf, newSubject, nothingProtected } from './store-fixtures';

const db = testDb();
const billing = demoStore(declaredDemoStores(), 'billing');
afterAll(() => db.$disconnect());

/** `issued` invoices, one draft and a card for an address; invoice numbers are unique per call. */
async function seedBilling(email: string, issued = 2) {
  const tag = randomUUID().slice(0, 8);
  await db.invoice.createMany({
    data: [
      ...Array.from({ length: issued }, (_, n) => ({
        number: `INV-${tag}-${n + 1}`,
        email,
        billingName: 'Zhang Min',
        billingAddress: '深圳市南山区科技园路 1 号',
        amount: '1280.50',
        currency: 'CNY',
        issuedAt: new Date(Date.UTC(2026, n, 15)),
        createdAt: new Date(Date.UTC(2026, n, 14)),
      })),
      { number: `DRAFT-${tag}`, email, billingName: 'Zhang Min', billingAddress: '深圳市南山区科技园路 1 号', amount: '99.00', currency: 'CNY', issuedAt: null, createdAt: new Date(Date.UTC(2026, 11, 1)) },
    ],
  });
  await db.paymentMethod.create({ data: { email, type: 'card', brand: 'UnionPay', last4: '4321', holderName: 'ZHANG MIN', expiry: '09/29' } });
  return tag;
}

/** Every billing row of an address, to compare before and after. */
async function snapshot(email: string) {
  return [await db.invoice.findMany({ where: { email }, orderBy: { number: 'asc' } }), await db.paymentMethod.findMany({ where: { email }, orderBy: { id: 'asc' } })];
}

async function collect(records: AsyncIterable<ExportedRecord>): Promise<ExportedRecord[]> {
  const all: ExportedRecord[] = [];
  for await (const r of records) all.push(r);
  return all;
}

describe('billing store', () => {
  test('when one subject is located, exported, corrected and erased, then issued invoices stay without them and the others are untouched', async () => {
    const [subject, other1, other2] = [await newSubject(db), await newSubject(db), await newSubject(db)];
    const tag = await seedBilling(subject.email);
    await seedBilling(other1.email, 1);
    await seedBilling(other2.email, 3);
    const othersBefore = [await snapshot(other1.email), await snapshot(other2.email)];

    expect(await billing.locate(subject)).toEqual({ invoice: 3, payment: 1 });
    expect(await collect(billing.exportStream(subject))).toEqual([
      { category: 'invoice', record: { number: `INV-${tag}-1`, amount: '1280.50', currency: 'CNY', issuedAt: '2026-01-15T00:00:00.000Z', billingName: 'Zhang Min', billingAddress: '深圳市南山区科技园路 1 号' } },
      { category: 'invoice', record: { number: `INV-${tag}-2`, amount: '1280.50', currency: 'CNY', issuedAt: '2026-02-15T00:00:00.000Z', billingName: 'Zhang Min', billingAddress: '深圳市南山区科技园路 1 号' } },
      { category: 'invoice', record: { number: `DRAFT-${tag}`, amount: '99.00', currency: 'CNY', issuedAt: null, billingName: 'Zhang Min', billingAddress: '深圳市南山区科技园路 1 号' } },
      { category: 'payment', record: { type: 'card', brand: 'UnionPay', last4: '4321', holderName: 'ZHANG MIN', expiry: '09/29' } },
    ]);

    // A correction reaches the draft and the card; issued invoices are accounting records and stay as issued.
    const changes: FieldChange[] = [];
    expect(await billing.rectify(subject, { billingName: '张明', billingAddress: '上海市浦东新区世纪大道 100 号', fullName: 'held by other stores' }, (c) => changes.push(c))).toBe(2);
    expect(changes).toEqual([
      { field: 'billingName', records: 2, lengthsBefore: [9], lengthAfter: 2 },
      { field: 'billingAddress', records: 1, lengthsBefore: [14], lengthAfter: 17 },
    ]);
    const invoices = await db.invoice.findMany({ where: { email: subject.email }, orderBy: { number: 'asc' } });
    expect(invoices.map((i) => [i.number, i.billingName, i.billingAddress])).toEqual([
      [`DRAFT-${tag}`, '张明', '上海市浦东新区世纪大道 100 号'],
      [`INV-${tag}-1`, 'Zhang Min', '深圳市南山区科技园路 1 号'],
      [`INV-${tag}-2`, 'Zhang Min', '深圳市南山区科技园路 1 号'],
    ]);
    expect((await db.paymentMethod.findFirstOrThrow({ where: { email: subject.email } })).holderName).toBe('张明');
    // The same correction again changes nothing and reports nothing.
    expect(await billing.rectify(subject, { billingName: '张明' }, (c) => changes.push(c))).toBe(0);
    expect(changes).toHaveLength(2);

    expect(await billing.erase(subject, nothingProtected)).toEqual({ erased: 4, retained: [], anonymised: 2 });
    expect(await billing.locate(subject)).toEqual({ invoice: 0, payment: 0 });
    // Anonymised, not deleted: the issued invoices keep number, amount and dates, and no one's name.
    const kept = await db.invoice.findMany({ where: { number: { startsWith: `INV-${tag}` } }, orderBy: { number: 'asc' } });
    expect(kept.map((i) => [i.number, i.email, i.billingName, i.billingAddress, i.amount.toFixed(2), i.issuedAt?.toISOString()])).toEqual([
      [`INV-${tag}-1`, null, null, null, '1280.50', '2026-01-15T00:00:00.000Z'],
      [`INV-${tag}-2`, null, null, null, '1280.50', '2026-02-15T00:00:00.000Z'],
    ]);
    expect(await db.invoice.count({ where: { number: `DRAFT-${tag}` } })).toBe(0);
    expect([await snapshot(other1.email), await snapshot(other2.email)]).toEqual(othersBefore);

    expect(await billing.erase(subject, nothingProtected)).toEqual({ erased: 0, retained: [], anonymised: 0 });
    expect([await snapshot(other1.email), await snapshot(other2.email)]).toEqual(othersBefore);
  });

  test('when invoices are under a legal hold, then they survive whole and the payment methods go', async () => {
    const subject = await newSubject(db);
    await seedBilling(subject.email);
    const before = await db.invoice.findMany({ where: { email: subject.email }, orderBy: { number: 'asc' } });
    const hold = await holdOn(db, subject.subjectId, { store: 'billing', category: 'invoice' });

    const result = await billing.erase(subject, holdsOf(db, billing, subject));
    expect(result).toEqual({ erased: 1, anonymised: 0, retained: [{ category: 'invoice', records: 3, reason: 'LEGAL_HOLD', reference: hold.id, basis: POLICE_HOLD.basis }] });
    expect(await db.invoice.findMany({ where: { email: subject.email }, orderBy: { number: 'asc' } })).toEqual(before);
    expect(await billing.locate(subject)).toEqual({ invoice: 3, payment: 0 });
    expect(await billing.erase(subject, holdsOf(db, billing, subject))).toEqual({ erased: 0, anonymised: 0, retained: result.retained });
  });

  test('when a correction has a bad value or an unknown field, then nothing changes and the message names the field, not the value', async () => {
    const subject = await newSubject(db);
    await seedBilling(subject.email, 1);
    const before = await snapshot(subject.email);

    const tooLong = billing.rectify(subject, { billingName: '张明', billingAddress: `secret-address-${'x'.repeat(200)}` });
    await expect(tooLong).rejects.toBeInstanceOf(CorrectionRefused);
    await expect(tooLong).rejects.toThrow('Store billing refused the correction of "billingAddress": the new value must be 1 to 200 characters.');
    await expect(tooLong).rejects.not.toThrow('secret-address');
    const unknown = billing.rectify(subject, { cardNumber: '6222 0000 1111 2222' });
    await expect(unknown).rejects.toThrow('Store billing cannot correct "cardNumber": correctable fields are');
    await expect(unknown).rejects.not.toThrow('6222');
    expect(await snapshot(subject.email)).toEqual(before);
  });

  test('when a draft has no billing address, then a correction of the address adds none', async () => {
    const subject = await newSubject(db);
    const number = `DRAFT-${randomUUID().slice(0, 8)}`;
    await db.invoice.create({ data: { number, email: subject.email, billingName: 'Zhang Min', amount: '10.00', currency: 'CNY' } });
    const changes: FieldChange[] = [];
    expect(await billing.rectify(subject, { billingAddress: '上海市浦东新区世纪大道 100 号' }, (c) => changes.push(c))).toBe(0);
    expect(changes).toEqual([]);
    expect(await db.invoice.findUniqueOrThrow({ where: { number } })).toMatchObject({ billingName: 'Zhang Min', billingAddress: null });
  });

  test('when a subject has more invoices than one batch holds, then the export reads every one of them exactly once', async () => {
    const subject = await newSubject(db);
    const count = EXPORT_BATCH_SIZE + 5;
    const tag = randomUUID().slice(0, 8);
    await db.invoice.createMany({
      data: Array.from({ length: count }, (_, n) => ({ number: `BULK-${tag}-${String(n).padStart(5, '0')}`, email: subject.email, amount: '10.00', currency: 'CNY', issuedAt: new Date(Date.UTC(2026, 0, 1)), createdAt: new Date(Date.UTC(2026, 0, 1) + (n % 7) * 1000) })),
    });
    const numbers = (await collect(billing.exportStream(subject))).map((r) => r.record.number);
    expect(numbers).toHaveLength(count);
    expect(new Set(numbers).size).toBe(count);
    expect(await billing.erase(subject, nothingProtected)).toEqual({ erased: count, retained: [], anonymised: count });
  });
});
