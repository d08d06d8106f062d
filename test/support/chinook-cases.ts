// The declared SQL store's behaviour on Chinook, the same cases for each dialect
// (test/integration/chinook-postgres.test.ts and chinook-mysql.test.ts run them).
import type { DataCategory } from '../../domain/fulfilment';
import type { CategoryProtection, ExportedRecord, SubjectKeys } from '../../stores/data-store';
import { openChinook, type ChinookNames } from './chinook';

const nothingProtected = async (): Promise<CategoryProtection | null> => null;
const TAX_HOLD: CategoryProtection = { category: 'invoice', reason: 'LEGAL_HOLD', reference: 'hold-tax-2026', basis: 'Tax Collection Administration Law art. 24 (audit of 2025 returns)' };
const invoiceHeld = async (category: DataCategory): Promise<CategoryProtection | null> => (category === 'invoice' ? { ...TAX_HOLD, category } : null);

async function exported(store: { exportStream(s: SubjectKeys): AsyncIterable<ExportedRecord> }, subject: SubjectKeys) {
  const byTable: Record<string, Array<Record<string, unknown>>> = {};
  for await (const { category, record } of store.exportStream(subject)) {
    const { _table, ...row } = record;
    (byTable[`${category}:${String(_table)}`] ??= []).push(row);
  }
  return byTable;
}

const subject = (email: string, more: Partial<SubjectKeys> = {}): SubjectKeys => ({ subjectId: 'chinook-subject', email, ...more });

export function chinookCases(n: ChinookNames, urlVariable: 'CHINOOK_POSTGRES_URL' | 'CHINOOK_MYSQL_URL') {
  const chinook = openChinook(n, urlVariable);
  const { store, db } = chinook;
  afterAll(() => chinook.close());

  const emailOf = async (id: number) => String((await db.selectFrom(n.customer).select(n.email).where(n.customerId, '=', id).executeTakeFirstOrThrow())[n.email]);

  test('when a customer asks for access by e-mail, then the export holds exactly their customer, invoice and invoice-line rows', async () => {
    const own = await chinook.rowsOf(1);
    expect(own.invoices).toHaveLength(7);
    expect(own.lines).toHaveLength(38);
    const got = await exported(store, subject('luisg@embraer.com.br'));
    expect(got).toEqual({ [`contact:${n.customer}`]: own.customer, [`invoice:${n.invoice}`]: own.invoices, [`invoice:${n.line}`]: own.lines });
    expect(await store.locate(subject('luisg@embraer.com.br'))).toEqual({ contact: 1, address: 1, invoice: 45 });
  });

  test('when the e-mail differs in case and spaces, or only the phone is given, then the same customer is found', async () => {
    const own = await exported(store, subject('luisg@embraer.com.br'));
    expect(await exported(store, subject('  LuisG@EMBRAER.com.BR '))).toEqual(own);
    // Stored as "+55 (12) 3923-5555"; both sides are brought to E.164.
    expect(await exported(store, subject('', { phone: '0055 12 39235555' }))).toEqual(own);
    expect(await store.locate(subject('', { phone: '+55 (12) 3923-5556' }))).toEqual({ contact: 0, address: 0, invoice: 0 });
    // A customer id reaches the same rows (the id a customer found by e-mail leads to its invoices).
    expect(await exported(store, subject('', { accountId: '1' }))).toEqual(own);
  });

  test('when an employee (support rep) e-mail is asked for, then nothing is found: employees are not declared subjects', async () => {
    expect(await store.locate(subject('andrew@chinookcorp.com'))).toEqual({ contact: 0, address: 0, invoice: 0 });
    expect(await exported(store, subject('jane@chinookcorp.com'))).toEqual({});
  });

  test('when a customer is erased, then lines stay, invoices lose the billing address, the customer row is anonymised, and every other row is byte-identical', async () => {
    const id = 2;
    const email = await emailOf(id);
    const before = await chinook.rowsOf(id);
    const others = await chinook.othersChecksum(id);
    const located = (await store.locate(subject(email))) as Record<'contact' | 'address' | 'invoice', number>;
    const result = await store.erase(subject(email), nothingProtected);
    expect(result).toEqual({ erased: located.contact + located.address + located.invoice, retained: [], anonymised: 1 + before.invoices.length + before.lines.length });
    // The second locate, as the fulfilment activity verifies.
    expect(await store.locate(subject(email))).toEqual({ contact: 0, address: 0, invoice: 0 });
    const after = await chinook.rowsOf(id);
    const customer = after.customer[0] as Record<string, unknown>;
    expect(customer[n.firstName]).toBe('erased');
    expect(String(customer[n.email])).toMatch(/^anon-[0-9a-f]{8,}$/);
    expect(String(customer[n.email]).length).toBeLessThanOrEqual(60);
    expect([customer[n.phone], customer[n.fax], customer[n.address]]).toEqual([null, null, null]);
    expect(after.invoices.map((i) => [i[n.invoiceId], i[n.total], i[n.billingCountry], i[n.billingAddress]])).toEqual(before.invoices.map((i) => [i[n.invoiceId], i[n.total], i[n.billingCountry], null]));
    expect(after.lines).toEqual(before.lines);
    expect(await chinook.othersChecksum(id)).toBe(others);
    // Harmless twice.
    expect(await store.erase(subject(email), nothingProtected)).toEqual({ erased: 0, retained: [], anonymised: 0 });
  });

  test('when invoices are under a legal hold, then they are kept untouched and reported retained with the hold basis; the rest of the customer goes', async () => {
    const id = 3;
    const email = await emailOf(id);
    const before = await chinook.rowsOf(id);
    const others = await chinook.othersChecksum(id);
    const located = (await store.locate(subject(email))) as Record<'contact' | 'address' | 'invoice', number>;
    const result = await store.erase(subject(email), invoiceHeld);
    expect(result.retained).toEqual([{ category: 'invoice', records: located.invoice, reason: 'LEGAL_HOLD', reference: TAX_HOLD.reference, basis: TAX_HOLD.basis }]);
    expect(result.erased).toBe(located.contact + located.address);
    const after = await chinook.rowsOf(id);
    expect(after.invoices).toEqual(before.invoices);
    expect(after.lines).toEqual(before.lines);
    // The customer row stays attributable (its identities kept) while the hold lasts; the rest is masked.
    const customer = after.customer[0] as Record<string, unknown>;
    expect(customer[n.email]).toBe(email);
    expect([customer[n.firstName], customer[n.address]]).toEqual(['erased', null]);
    expect(await store.locate(subject(email))).toEqual({ contact: 0, address: 0, invoice: located.invoice });
    expect(await chinook.othersChecksum(id)).toBe(others);
  });

  test('when a correction of the phone and company arrives, then the phone held on the customer row changes and the audit hears lengths only', async () => {
    const id = 4;
    const email = await emailOf(id);
    const changes: unknown[] = [];
    // Customer 4 gave no company: a correction replaces a value held and adds none.
    expect(await store.rectify(subject(email), { phone: '+47 22 44 22 23', companyName: 'Bjørn Hansen AS' }, (c) => changes.push(c))).toBe(1);
    const customer = (await chinook.rowsOf(id)).customer[0] as Record<string, unknown>;
    expect(customer[n.phone]).toBe('+47 22 44 22 23');
    expect(customer[n.customer === 'customer' ? 'company' : 'Company']).toBeNull();
    expect(changes).toHaveLength(1);
    expect(changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'phone', records: 1, lengthAfter: 15 })]));
    expect(JSON.stringify(changes)).not.toContain('Hansen');
  });
}
