// The billing rule declared in a map entry instead of a class: the main database's Prisma
// tables "Invoice" and "PaymentMethod" reached by the generic SQL connector. Issued invoices
// (keepWhen issuedAt is set) are anonymised on erasure and never corrected; drafts are deleted
// and corrected; a field left alone is reported with the reason the correction letter quotes.
import { randomUUID } from 'node:crypto';
import type { FieldUnchanged } from '../../domain/fulfilment';
import type { FieldChange } from '../../stores/data-store';
import { validateDataMap } from '../../stores/data-map/validate';
import { openSqlDb } from '../../stores/sql/connect';
import { createDeclaredSqlStore } from '../../stores/sql/declared-sql-store';
import { testDb } from '../support/database';
import { holdOn, POLICE_HOLD } from './fixtures';
import { holdsOf, newSubject, nothingProtected, required } from './store-fixtures';

const MAP = JSON.stringify({
  stores: {
    billing: {
      kind: 'sql',
      dialect: 'postgres',
      connection: 'DATABASE_URL',
      categories: { invoice: { erase: 'anonymise', corrections: true }, payment: { erase: 'delete', corrections: true } },
      collections: {
        Invoice: {
          primaryKey: 'id',
          category: 'invoice',
          keepWhen: { column: 'issuedAt', isNotNull: true },
          columns: { email: 'invoice', billingName: { correctedBy: 'billingName' }, billingAddress: { correctedBy: 'billingAddress' } },
          identities: { email: 'email' },
        },
        PaymentMethod: { primaryKey: 'id', category: 'payment', columns: { email: 'payment', holderName: { correctedBy: 'billingName', mask: 'keep' } }, identities: { email: 'email' } },
      },
    },
  },
});

const db = testDb();
const entry = validateDataMap(MAP, 'test map', {}).stores[0]!;
const sqlDb = openSqlDb('postgres', required('DATABASE_URL'));
const billing = createDeclaredSqlStore({ name: 'billing', declaration: entry.sql!, categories: entry.categories, db: sqlDb });
afterAll(async () => {
  await sqlDb.destroy();
  await db.$disconnect();
});

/** Two issued invoices, one draft and a card, under an address spelled as given. */
async function seed(email: string) {
  const tag = randomUUID().slice(0, 8);
  const invoice = { email, billingName: 'Zhang Min', billingAddress: '深圳市南山区科技园路 1 号', amount: '1280.50', currency: 'CNY' };
  await db.invoice.createMany({
    data: [
      { ...invoice, number: `INV-${tag}-1`, issuedAt: new Date(Date.UTC(2026, 0, 15)) },
      { ...invoice, number: `INV-${tag}-2`, issuedAt: new Date(Date.UTC(2026, 1, 15)) },
      { ...invoice, number: `DRAFT-${tag}`, amount: '99.00' },
    ],
  });
  await db.paymentMethod.create({ data: { email, type: 'card', brand: 'UnionPay', last4: '4321', holderName: 'ZHANG MIN', expiry: '09/29' } });
  return tag;
}

describe('billing declared in the data map', () => {
  test('when a subject is corrected and erased, then drafts change and go, issued invoices stay as issued and then without them', async () => {
    const subject = await newSubject(db);
    const other = await newSubject(db);
    const tag = await seed(subject.email.toUpperCase());
    await seed(other.email);
    expect(billing.correctable).toEqual(['billingName', 'billingAddress']);
    expect(await billing.locate(subject)).toEqual({ invoice: 3, payment: 1 });

    const changes: FieldChange[] = [];
    const left: FieldUnchanged[] = [];
    expect(await billing.rectify(subject, { billingName: '张明', billingAddress: '上海市浦东新区世纪大道 100 号', fullName: 'held elsewhere' }, (c) => changes.push(c), (u) => left.push(u))).toBe(2);
    expect(changes).toEqual([
      { field: 'billingName', records: 2, lengthsBefore: [9], lengthAfter: 2 },
      { field: 'billingAddress', records: 1, lengthsBefore: [14], lengthAfter: 17 },
    ]);
    expect(left).toEqual([]);
    const invoices = await db.invoice.findMany({ where: { number: { contains: tag } }, orderBy: { number: 'asc' } });
    expect(invoices.map((i) => [i.number, i.billingName])).toEqual([
      [`DRAFT-${tag}`, '张明'],
      [`INV-${tag}-1`, 'Zhang Min'],
      [`INV-${tag}-2`, 'Zhang Min'],
    ]);
    // Again: already as asked.
    expect(await billing.rectify(subject, { billingName: '张明' }, (c) => changes.push(c), (u) => left.push(u))).toBe(0);
    expect(left).toEqual([{ field: 'billingName', reason: 'ALREADY_AS_ASKED' }]);

    expect(await billing.erase(subject, nothingProtected)).toEqual({ erased: 4, retained: [], anonymised: 2 });
    const kept = await db.invoice.findMany({ where: { number: { contains: tag } }, orderBy: { number: 'asc' } });
    expect(kept.map((i) => [i.number, i.email, i.billingName, i.billingAddress, i.amount.toFixed(2)])).toEqual([
      [`INV-${tag}-1`, null, null, null, '1280.50'],
      [`INV-${tag}-2`, null, null, null, '1280.50'],
    ]);
    expect(await billing.locate(subject)).toEqual({ invoice: 0, payment: 0 });
    expect(await billing.locate(other)).toEqual({ invoice: 3, payment: 1 });
    expect(await billing.erase(subject, nothingProtected)).toEqual({ erased: 0, retained: [], anonymised: 0 });
  });

  test('when only issued invoices hold the address, then a correction is refused by law: ISSUED_INVOICES_ONLY; with nothing held, NONE_HELD', async () => {
    const subject = await newSubject(db);
    await db.invoice.create({ data: { number: `INV-${randomUUID().slice(0, 8)}`, email: subject.email, billingAddress: 'old', amount: '1.00', currency: 'CNY', issuedAt: new Date() } });
    const left: FieldUnchanged[] = [];
    expect(await billing.rectify(subject, { billingAddress: 'new address', billingName: '张明' }, undefined, (u) => left.push(u))).toBe(0);
    expect(left).toEqual([
      { field: 'billingName', reason: 'NONE_HELD' },
      { field: 'billingAddress', reason: 'ISSUED_INVOICES_ONLY' },
    ]);
  });

  test('when invoices are under a legal hold, then they survive whole and the card goes', async () => {
    const subject = await newSubject(db);
    const tag = await seed(subject.email);
    const hold = await holdOn(db, subject.subjectId, { store: 'billing', category: 'invoice' });
    const result = await billing.erase(subject, holdsOf(db, billing, subject));
    expect(result).toEqual({ erased: 1, anonymised: 0, retained: [{ category: 'invoice', records: 3, reason: 'LEGAL_HOLD', reference: hold.id, basis: POLICE_HOLD.basis }] });
    expect(await db.invoice.count({ where: { number: { contains: tag }, email: subject.email, billingName: { not: null } } })).toBe(3);
  });
});
