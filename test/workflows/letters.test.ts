// Letters that say what happened: each sentence checked against the audit trail and the
// database, on the real worker, Temporal test server, PostgreSQL and SMTP.
import { randomUUID } from 'node:crypto';
import { CONTROLLER_POLICY, REGIMES } from '../../policy';
import { demoProfile } from '../support/profiles';
import { languageParts } from '../support/mail-stack';
import { answerFeeUpdate, statusQuery } from '../../workflows/messages';
import { eventually } from '../support/http';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import { mailTo, requestRow, seedEarlierRequests, subjectIdOf } from './helpers';

let stack: WorkflowStack;
beforeAll(async () => {
  stack = await startWorkflowStack();
});
afterAll(async () => stack?.close());

const attested = { staffId: 'agent-1', evidenceNote: 'ID card checked in person' };

/** The letter's line for one store, in the given language part: "- <store>: …". */
function storeLine(part: string, store: string, separator: string): string {
  const line = part.split('\n').find((l) => l.startsWith(`- ${store}${separator}`));
  if (!line) throw new Error(`No line for ${store} in:\n${part}`);
  return line;
}

/** The field keys a line names as corrected: "corrected full name (fullName), phone number (phone); …". */
function correctedIn(line: string): string[] {
  const head = line.split(/[;；]/)[0]!;
  if (!/corrected|已更正/.test(head)) return [];
  return [...head.matchAll(/\((\w+)\)/g)].map((m) => m[1]!).sort();
}

describe('the correction reply', () => {
  test('when stores change different fields, then the mail lists per store exactly the fields its STORE_FULFILLED event changed, and why the rest stayed', async () => {
    const email = `wf-${randomUUID()}@example.org`;
    await stack.db.customerAccount.create({ data: { email, fullName: 'Wang Fang', phone: '+86 139 0000 0001', plan: 'basic' } });
    // Billing holds the name only on an issued invoice: corrected by a credit note, not edited.
    await stack.db.invoice.create({ data: { number: `INV-${randomUUID()}`, email, billingName: 'Wang Fang', billingAddress: '上海市浦东新区 1 号', amount: '99.00', currency: 'CNY', issuedAt: new Date() } });
    // Service logs hold the subject but no correctable field.
    await stack.db.serviceLog.create({ data: { email, ipAddress: '203.0.113.7', at: new Date() } });
    const corrections = { fullName: 'Wang Fang', phone: '+86 139 0000 0002', billingName: 'Li Na' };

    const { requestId, handle } = await stack.start({ email, type: 'CORRECTION', attestation: attested, corrections });
    expect((await handle.result()).status).toBe('COMPLETED');

    const events = await stack.db.auditEvent.findMany({ where: { requestId, action: 'STORE_FULFILLED' }, orderBy: { id: 'asc' } });
    type Details = { store: string; changes: Array<{ field: string }>; unchanged: Array<{ field: string; reason: string }> };
    const byStore = new Map(events.map((e) => [(e.details as Details).store, e.details as Details]));
    expect([...byStore.keys()].sort()).toEqual(['billing', 'customer-accounts', 'service-logs']);

    const mail = await mailTo(stack.mail, email, /correction/i);
    const parts = languageParts(mail.text, 'en');
    for (const [store, details] of byStore) {
      for (const [part, sep] of [[parts.en, ':'], [parts.zh, '：']] as const) {
        const line = storeLine(part, store, sep);
        // Exactly the fields the audit event says this store changed, no more, no fewer.
        expect(correctedIn(line)).toEqual(details.changes.map((c) => c.field).sort());
        // Every other field asked for is named with its reason.
        for (const u of details.unchanged) expect(line).toContain(`(${u.field})`);
      }
    }

    // What the trail records, store by store, and how the letter puts it.
    expect(byStore.get('customer-accounts')!.changes.map((c) => c.field)).toEqual(['phone']);
    expect(byStore.get('customer-accounts')!.unchanged).toEqual([
      { field: 'fullName', reason: 'ALREADY_AS_ASKED' },
      { field: 'billingName', reason: 'NOT_IN_STORE' },
    ]);
    expect(byStore.get('billing')!.changes).toEqual([]);
    expect(byStore.get('billing')!.unchanged).toEqual(expect.arrayContaining([{ field: 'billingName', reason: 'ISSUED_INVOICES_ONLY' }]));
    expect(byStore.get('service-logs')!.changes).toEqual([]);

    const accounts = storeLine(parts.en, 'customer-accounts', ':');
    expect(accounts).toContain('corrected phone number (phone)');
    expect(accounts).toContain('full name (fullName) not changed: what we hold already reads as you asked');
    expect(accounts).toContain('billing name (billingName) not changed: this system holds no such field');
    const billing = storeLine(parts.en, 'billing', ':');
    expect(billing).toMatch(/^- billing: nothing changed; /);
    expect(billing).toContain('billing name (billingName) not changed: it is only on issued invoices, which are corrected by a credit note, never edited');
    expect(storeLine(parts.en, 'service-logs', ':')).toBe(
      '- service-logs: nothing changed; full name (fullName) not changed: this system holds no such field; phone number (phone) not changed: this system holds no such field; billing name (billingName) not changed: this system holds no such field',
    );
    expect(storeLine(parts.zh, 'billing', '：')).toContain('红字发票');
    // The invoice was left as issued; the account took the new phone.
    expect((await stack.db.invoice.findFirstOrThrow({ where: { email } })).billingName).toBe('Wang Fang');
    expect((await stack.db.customerAccount.findUniqueOrThrow({ where: { email } })).phone).toBe('+86 139 0000 0002');
    // No value reaches the letter.
    for (const value of ['+86 139 0000 0002', 'Li Na']) expect(mail.text).not.toContain(value);
  });

  test('when the subject holds a field nowhere, then the store holding that kind of field says it holds nothing of that kind', async () => {
    const email = `wf-${randomUUID()}@example.org`;
    await stack.db.customerAccount.create({ data: { email, fullName: 'Wang Fang', phone: '+86 139 0000 0001', plan: 'basic' } });
    // A draft invoice without an address: billing holds the subject, but no address of theirs.
    await stack.db.invoice.create({ data: { number: `DRAFT-${randomUUID()}`, email, billingName: null, billingAddress: null, amount: '10.00', currency: 'CNY' } });
    const { requestId, handle } = await stack.start({ email, type: 'CORRECTION', attestation: attested, corrections: { billingAddress: '杭州市西湖区 88 号' } });
    expect((await handle.result()).status).toBe('COMPLETED');
    const billingEvent = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'STORE_FULFILLED', details: { path: ['store'], equals: 'billing' } } });
    expect((billingEvent.details as { unchanged: unknown }).unchanged).toEqual([{ field: 'billingAddress', reason: 'NONE_HELD' }]);
    const parts = languageParts((await mailTo(stack.mail, email, /correction/i)).text, 'en');
    expect(storeLine(parts.en, 'billing', ':')).toBe('- billing: nothing changed; billing address (billingAddress) not changed: we hold nothing of that kind about you here');
    expect(storeLine(parts.zh, 'billing', '：')).toContain('我们在此系统中未持有您的此类信息');
  });
});

describe('the access reply', () => {
  test('when no store holds anything about the subject, then the reply says so and no package is made', async () => {
    // An address no store has seen: start() seeds no account when the address is given.
    const email = `nobody-${randomUUID()}@example.org`;
    const { requestId, handle } = await stack.start({ email, type: 'ACCESS', attestation: attested });
    expect((await handle.result()).status).toBe('COMPLETED');

    const mail = await mailTo(stack.mail, email, /hold no personal information/i);
    const parts = languageParts(mail.text, 'en');
    expect(parts.en).toContain('We hold no personal information about you in any of them, so there is nothing to download.');
    expect(parts.zh).toContain('我们未持有任何与您有关的个人信息');
    expect(mail.text).not.toMatch(/\/package\?token=/);
    expect(await stack.db.accessPackage.count({ where: { requestId } })).toBe(0);
    expect(await stack.db.auditEvent.count({ where: { requestId, action: 'ACCESS_PACKAGE_CREATED' } })).toBe(0);
    const reply = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'REPLY_SENT' } });
    expect(reply.details).toMatchObject({ kind: 'access-reply', stores: [], nothingHeld: true });
    // Exactly one reply went out.
    expect(stack.mail.messages().filter((m) => m.to.includes(email) && /download|hold no personal/i.test(m.subject))).toHaveLength(1);
  });
});

describe('the fee letters', () => {
  test('when the subject declines the fee, then the request closes and they are told so, and the quote cites the real policy', async () => {
    const first = await stack.start({ attestation: attested });
    await first.handle.result();
    await seedEarlierRequests(stack.db, await subjectIdOf(stack.db, first.requestId), 1);
    const { requestId, handle } = await stack.start({ email: first.email, attestation: attested });
    await eventually(async () => ((await handle.query(statusQuery)).status === 'AWAITING_FEE' ? true : null));

    const quote = await mailTo(stack.mail, first.email, /A fee applies/i);
    expect(quote.text).toContain(demoProfile.profile.privacyPolicy.name.en);
    expect(quote.text).not.toMatch(/seed privacy policy/i);

    await handle.executeUpdate(answerFeeUpdate, { args: [{ accept: false }] });
    expect((await handle.result()).status).toBe('WITHDRAWN');
    const row = await requestRow(stack.db, requestId);
    expect(row).toMatchObject({ status: 'WITHDRAWN', outcome: 'FEE_DECLINED' });
    expect(row.closedAt).not.toBeNull();

    const notice = await mailTo(stack.mail, first.email, /declined the fee/i);
    const parts = languageParts(notice.text, 'en');
    expect(parts.en).toContain(`You declined the fee (CNY 30.00)`);
    expect(parts.en).toContain(`your request (reference ${requestId}) is closed`);
    expect(parts.en).toContain('You have not been charged.');
    expect(parts.zh).toContain('拒绝支付费用（CNY 30.00），因此您的请求');
  });
});

describe('citations', () => {
  test('when any regime’s citation is read, then none is placeholder text', () => {
    const text = JSON.stringify(REGIMES);
    expect(text).not.toMatch(/seed privacy policy|placeholder|lorem|TODO|TBD/i);
    expect(REGIMES.CN_PIPL.fees.citation).toBe(`GB/T 35273-2020 §8.7 c); ${CONTROLLER_POLICY} §IX "Your Control over Personal Information"`);
  });

  test('when every letter these tests caused is read, then none cites a placeholder instead of the controller policy', () => {
    const letters = stack.mail.messages();
    expect(letters.length).toBeGreaterThan(0);
    expect(letters.filter((m) => /seed privacy policy|\{controller privacy policy\}/i.test(m.text)).map((m) => m.subject)).toEqual([]);
  });
});
