// The estate's rows in the main database: account registrations (customer-accounts), service
// logs (service-logs), invoices and payment methods (billing). Ids are derived from the
// person, so a second run skips what the first wrote.
import type { Db } from '../../db/prisma';
import { generator, pick, seededUuid, type Person } from './people';

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 5, 9, 0, 0);
const HARDWARE = ['PA-9 Pro', 'Mate 60', 'iPhone 15', 'Pixel 8', 'ThinkPad X1'];
const OS = ['HarmonyOS 4.2', 'Android 14', 'iOS 17.5', 'Windows 11'];
const CARD_BRANDS = ['UnionPay', 'Visa', 'Mastercard'];
const BANKS = ['ICBC', 'China Merchants Bank', 'HSBC'];
/** Rows per createMany: a large estate is written in a few statements, not one per row. */
const CHUNK = 1_000;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

/** Writes the people's rows in the main database's stores; returns rows per store. */
export async function seedMainDb(db: Db, people: Person[]): Promise<Record<'customer-accounts' | 'service-logs' | 'billing', number>> {
  const accounts = people.map((p) => ({ email: p.email, fullName: p.fullName, phone: p.phone, companyName: p.companyName, plan: p.plan, createdAt: new Date(BASE - (p.index % 300) * DAY) }));
  const logs = people.flatMap((p) => {
    const next = generator(10_000 + p.index);
    return Array.from({ length: 2 + (p.index % 3) }, (_, n) => ({
      id: seededUuid('service-log', p.email, n),
      email: p.email,
      ipAddress: `10.${p.index % 250}.${n}.${1 + Math.floor(next() * 250)}`,
      location: p.city,
      deviceId: `dev-${seededUuid('device', p.email).slice(0, 8)}`,
      hardwareModel: pick(next, HARDWARE),
      osVersion: pick(next, OS),
      at: new Date(BASE + n * DAY + (p.index % 24) * 3_600_000),
    }));
  });
  const invoices = people.flatMap((p) => {
    const next = generator(20_000 + p.index);
    const currency = p.language === 'zh' ? 'CNY' : 'USD';
    const billingName = p.companyName ?? p.fullName;
    const issued = Array.from({ length: 1 + (p.index % 3) }, (_, n) => ({
      id: seededUuid('invoice', p.email, n),
      number: `INV-2026-${String(p.index).padStart(5, '0')}-${n + 1}`,
      email: p.email,
      billingName,
      billingAddress: p.address,
      amount: (50 + Math.floor(next() * 5_000) + Math.floor(next() * 100) / 100).toFixed(2),
      currency,
      issuedAt: new Date(BASE + n * 30 * DAY),
      createdAt: new Date(BASE + n * 30 * DAY - DAY),
    }));
    // Every third subject has next month's invoice still in draft, which a correction may change.
    const draft = p.index % 3 === 0 ? [{ ...(issued[0] as (typeof issued)[number]), id: seededUuid('invoice', p.email, 'draft'), number: `DRAFT-2026-${String(p.index).padStart(5, '0')}`, issuedAt: null, createdAt: new Date(BASE + 300 * DAY) }] : [];
    return [...issued, ...draft];
  });
  const methods = people.flatMap((p) => {
    const next = generator(30_000 + p.index);
    const card = { id: seededUuid('payment', p.email, 'card'), email: p.email, type: 'card', brand: pick(next, CARD_BRANDS), last4: String(1000 + Math.floor(next() * 9000)), holderName: p.fullName, expiry: `${String(1 + Math.floor(next() * 12)).padStart(2, '0')}/${28 + Math.floor(next() * 4)}` };
    const account = { id: seededUuid('payment', p.email, 'bank'), email: p.email, type: 'bank-account', brand: pick(next, BANKS), last4: String(1000 + Math.floor(next() * 9000)), holderName: p.companyName ?? p.fullName, expiry: null };
    return p.index % 2 === 0 ? [card, account] : [card];
  });

  await inChunks(accounts, (data) => db.customerAccount.createMany({ data, skipDuplicates: true }));
  await inChunks(logs, (data) => db.serviceLog.createMany({ data, skipDuplicates: true }));
  await inChunks(invoices, (data) => db.invoice.createMany({ data, skipDuplicates: true }));
  await inChunks(methods, (data) => db.paymentMethod.createMany({ data, skipDuplicates: true }));
  return { 'customer-accounts': accounts.length, 'service-logs': logs.length, billing: invoices.length + methods.length };
}
