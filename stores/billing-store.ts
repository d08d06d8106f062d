// The billing store (tables Invoice and PaymentMethod in the main database). Categories:
// 'invoice' (invoices and contracts: number, amount, dates, billing name and address) and
// 'payment' (bank cards and payment accounts on file: brand, last four digits, holder).
// Issued invoices are accounting records the law says to keep, so erasing 'invoice'
// anonymises them (address, name and e-mail cleared; number, amount and dates kept) and
// deletes only drafts; 'payment' is deleted. Counts are rows.
import type { Db } from '../db/prisma';
import type { DataCategory, FieldUnchanged } from '../domain/fulfilment';
import type { Prisma } from '../generated/prisma/client';
import { correctionsFor, fieldChange } from './correctable-fields';
import { EXPORT_BATCH_SIZE, type DataStore, type ExportedRecord, type FieldChange, type SubjectKeys } from './data-store';
import { eraseByCategory } from './erase-by-category';
import { storedSpellings } from './identity-key';

// Payment methods first: the invoices, kept in any case, are the last trace of the subject.
const CATEGORIES = ['payment', 'invoice'] as const;
type Category = (typeof CATEGORIES)[number];

/** The fields a subject may correct here: what invoices not yet issued and cards are made out to.
 *  Issued invoices are never changed: a wrong one is corrected by a credit note, not an edit. */
const CORRECTABLE = ['billingName', 'billingAddress'] as const;

/** A row's position in the export order, for reading on after it. */
type Cursor = { createdAt: Date; id: string };
const afterCursor = (c: Cursor | undefined) => (c ? { OR: [{ createdAt: { gt: c.createdAt } }, { createdAt: c.createdAt, id: { gt: c.id } }] } : {});

function isCategory(category: DataCategory): category is Category {
  return (CATEGORIES as readonly string[]).includes(category);
}

/** Reads rows in keyset batches of EXPORT_BATCH_SIZE, in (createdAt, id) order. */
async function* inBatches<R extends Cursor>(read: (after: Cursor | undefined) => Promise<R[]>): AsyncGenerator<R> {
  let after: Cursor | undefined;
  for (;;) {
    const rows = await read(after);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < EXPORT_BATCH_SIZE) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

/** The billing store over PostgreSQL. */
export function createBillingStore(db: Db): DataStore {
  const name = 'billing';
  const invoicesOf = async (s: SubjectKeys): Promise<Prisma.InvoiceWhereInput> => ({ email: { in: await storedSpellings(db, 'Invoice', s.email) } });
  const methodsOf = async (s: SubjectKeys): Promise<Prisma.PaymentMethodWhereInput> => ({ email: { in: await storedSpellings(db, 'PaymentMethod', s.email) } });
  const batch = { orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }], take: EXPORT_BATCH_SIZE };
  const known = (c: DataCategory): Category => {
    if (!isCategory(c)) throw new Error(`Store ${name} has no category "${c}".`);
    return c;
  };
  const count = async (s: SubjectKeys, c: Category) => (c === 'invoice' ? db.invoice.count({ where: await invoicesOf(s) }) : db.paymentMethod.count({ where: await methodsOf(s) }));

  return {
    name,
    categories: CATEGORIES,
    correctable: CORRECTABLE,

    async locate(subject) {
      const counts = await Promise.all(CATEGORIES.map((c) => count(subject, c)));
      return Object.fromEntries(CATEGORIES.map((c, i) => [c, counts[i] ?? 0]));
    },

    async *exportStream(subject): AsyncGenerator<ExportedRecord> {
      const invoiceRows = await invoicesOf(subject);
      const invoices = inBatches((after) => db.invoice.findMany({ where: { ...invoiceRows, ...afterCursor(after) }, ...batch }));
      for await (const r of invoices) {
        yield {
          category: 'invoice',
          record: { number: r.number, amount: r.amount.toFixed(2), currency: r.currency, issuedAt: r.issuedAt?.toISOString() ?? null, billingName: r.billingName, billingAddress: r.billingAddress },
        };
      }
      const methodRows = await methodsOf(subject);
      const methods = inBatches((after) => db.paymentMethod.findMany({ where: { ...methodRows, ...afterCursor(after) }, ...batch }));
      for await (const r of methods) {
        yield { category: 'payment', record: { type: r.type, brand: r.brand, last4: r.last4, holderName: r.holderName, expiry: r.expiry } };
      }
    },

    async erase(subject, protectedNow) {
      let anonymised = 0;
      const clear = async (c: DataCategory) => {
        if (known(c) === 'payment') return (await db.paymentMethod.deleteMany({ where: await methodsOf(subject) })).count;
        // Drafts are no accounting record yet and go; issued invoices stay, no longer anyone's.
        const invoices = await invoicesOf(subject);
        return db.$transaction(async (tx) => {
          const drafts = await tx.invoice.deleteMany({ where: { ...invoices, issuedAt: null } });
          const issued = await tx.invoice.updateMany({ where: invoices, data: { email: null, billingName: null, billingAddress: null } });
          anonymised += issued.count;
          return drafts.count + issued.count;
        });
      };
      const result = await eraseByCategory(
        {
          categories: CATEGORIES,
          count: (c) => count(subject, known(c)),
          clear,
          // Each category's erasure already removes or unlinks its rows: nothing else is left.
          removeRows: async () => 0,
        },
        protectedNow,
      );
      return { ...result, anonymised };
    },

    // A correction replaces a value held, and adds none where the subject never gave one.
    async rectify(subject, corrections, report, unchanged) {
      const { billingName, billingAddress } = correctionsFor(name, corrections, CORRECTABLE);
      if (billingName === undefined && billingAddress === undefined) return 0;
      const changes: FieldChange[] = [];
      const [invoices, methodRows] = [await invoicesOf(subject), await methodsOf(subject)];
      const left: FieldUnchanged[] = [];
      const changed = await db.$transaction(async (tx) => {
        const drafts = await tx.invoice.findMany({ where: { ...invoices, issuedAt: null }, select: { id: true, billingName: true, billingAddress: true } });
        const methods = billingName === undefined ? [] : await tx.paymentMethod.findMany({ where: methodRows, select: { id: true, holderName: true } });
        const replaces = (held: string | null, wanted: string | undefined) => wanted !== undefined && held !== null && held !== wanted;
        const names = drafts.filter((d) => replaces(d.billingName, billingName));
        const addresses = drafts.filter((d) => replaces(d.billingAddress, billingAddress));
        const holders = methods.filter((m) => replaces(m.holderName, billingName));
        if (names.length > 0) await tx.invoice.updateMany({ where: { id: { in: names.map((d) => d.id) } }, data: { billingName } });
        if (addresses.length > 0) await tx.invoice.updateMany({ where: { id: { in: addresses.map((d) => d.id) } }, data: { billingAddress } });
        if (holders.length > 0) await tx.paymentMethod.updateMany({ where: { id: { in: holders.map((m) => m.id) } }, data: { holderName: billingName } });
        if (billingName !== undefined) changes.push(...[fieldChange('billingName', [...names.map((d) => d.billingName), ...holders.map((m) => m.holderName)], billingName)].filter((c) => c !== null));
        if (billingAddress !== undefined) changes.push(...[fieldChange('billingAddress', addresses.map((d) => d.billingAddress), billingAddress)].filter((c) => c !== null));
        // Why a field asked for changed nothing: a value held already reads as asked, else
        // it is only on issued invoices (corrected by a credit note), else nothing is held.
        const asked = [
          { field: 'billingName' as const, wanted: billingName, held: [...drafts.map((d) => d.billingName), ...methods.map((m) => m.holderName)] },
          { field: 'billingAddress' as const, wanted: billingAddress, held: drafts.map((d) => d.billingAddress) },
        ].filter((a) => a.wanted !== undefined && !changes.some((c) => c.field === a.field));
        for (const a of asked) {
          const issued = await tx.invoice.count({ where: { ...invoices, issuedAt: { not: null }, [a.field]: { not: null } } });
          left.push({ field: a.field, reason: a.held.some((v) => v !== null) ? 'ALREADY_AS_ASKED' : issued > 0 ? 'ISSUED_INVOICES_ONLY' : 'NONE_HELD' });
        }
        return new Set([...names, ...addresses, ...holders].map((r) => r.id)).size;
      });
      // Reported once the transaction committed, so the audit never names a change that was rolled back.
      for (const change of changes) report?.(change);
      for (const field of left) unchanged?.(field);
      return changed;
    },
  };
}
