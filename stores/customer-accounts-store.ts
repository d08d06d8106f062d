// The account registration store (table CustomerAccount), one row per registered e-mail.
// Categories: 'contact' (name, phone), 'corporate' (company name) and 'account' (the
// registration itself: e-mail, plan, date). Counts are category records: a row counts
// once in each category it holds data for.
import type { Db } from '../db/prisma';
import type { Prisma } from '../generated/prisma/client';
import type { DataCategory } from '../domain/fulfilment';
import { correctionsFor, fieldChange } from './correctable-fields';
import type { DataStore, ExportedRecord, FieldChange, SubjectKeys } from './data-store';
import { eraseByCategory } from './erase-by-category';
import { storedSpellings } from './identity-key';

/** Stands in for a required column's value once the category is erased but the row must stay. */
export const ERASED = 'erased';

const CATEGORIES = ['contact', 'corporate', 'account'] as const;
type Category = (typeof CATEGORIES)[number];

/** Rows that still hold data in each category. */
const HOLDS_DATA: Record<Category, Prisma.CustomerAccountWhereInput> = {
  contact: { OR: [{ fullName: { not: ERASED } }, { phone: { not: null } }] },
  corporate: { companyName: { not: null } },
  account: { plan: { not: ERASED } },
};

/** What erasing a category writes when the row itself has to stay. */
const CLEARED: Record<Category, Prisma.CustomerAccountUpdateManyMutationInput> = {
  contact: { fullName: ERASED, phone: null },
  corporate: { companyName: null },
  account: { plan: ERASED },
};

/** The fields of the registration a subject may correct (rules in correctable-fields.ts). */
const CORRECTABLE = ['fullName', 'phone', 'companyName'] as const;

function isCategory(category: DataCategory): category is Category {
  return (CATEGORIES as readonly string[]).includes(category);
}

/** The customer-accounts store over PostgreSQL. */
export function createCustomerAccountsStore(db: Db): DataStore {
  const name = 'customer-accounts';
  // The address is unique as spelled, so differently cased registrations are separate rows: all are the subject's.
  const rowsOf = async (s: SubjectKeys): Promise<Prisma.CustomerAccountWhereInput> => ({ email: { in: await storedSpellings(db, 'CustomerAccount', s.email) } });
  const whereIn = async (s: SubjectKeys, c: Category): Promise<Prisma.CustomerAccountWhereInput> => ({ ...(await rowsOf(s)), ...HOLDS_DATA[c] });
  const known = (c: DataCategory): Category => {
    if (!isCategory(c)) throw new Error(`Store ${name} has no category "${c}".`);
    return c;
  };

  return {
    name,
    categories: CATEGORIES,
    correctable: CORRECTABLE,

    async locate(subject) {
      const counts = await Promise.all(CATEGORIES.map(async (c) => db.customerAccount.count({ where: await whereIn(subject, c) })));
      return Object.fromEntries(CATEGORIES.map((c, i) => [c, counts[i] ?? 0]));
    },

    // The address is unique as spelled, so the subject has a row per spelling at most: no batching needed.
    async *exportStream(subject): AsyncGenerator<ExportedRecord> {
      for (const r of await db.customerAccount.findMany({ where: await rowsOf(subject), orderBy: { createdAt: 'asc' } })) {
        if (r.fullName !== ERASED || r.phone !== null) yield { category: 'contact', record: { fullName: r.fullName === ERASED ? null : r.fullName, phone: r.phone } };
        if (r.companyName !== null) yield { category: 'corporate', record: { companyName: r.companyName } };
        if (r.plan !== ERASED) yield { category: 'account', record: { email: r.email, plan: r.plan, createdAt: r.createdAt.toISOString() } };
      }
    },

    async erase(subject, protectedNow) {
      const rows = await rowsOf(subject);
      const deleteRows = async () => (await db.customerAccount.deleteMany({ where: rows })).count;
      return eraseByCategory(
        {
          categories: CATEGORIES,
          count: (c) => db.customerAccount.count({ where: { ...rows, ...HOLDS_DATA[known(c)] } }),
          clear: async (c) => (await db.customerAccount.updateMany({ where: { ...rows, ...HOLDS_DATA[known(c)] }, data: CLEARED[known(c)] })).count,
          removeRows: deleteRows,
          // Every category here is erased by deletion, so the one-statement fast path is the same call.
          removeAll: deleteRows,
        },
        protectedNow,
      );
    },

    async rectify(subject, corrections, report, unchanged) {
      const data = correctionsFor(name, corrections, CORRECTABLE);
      const asked = CORRECTABLE.filter((f) => data[f] !== undefined);
      const rows = await rowsOf(subject);
      const before = await db.customerAccount.findMany({ where: rows, select: { fullName: true, phone: true, companyName: true } });
      if (before.length === 0) {
        for (const field of asked) unchanged?.({ field, reason: 'NONE_HELD' });
        return 0;
      }
      const changes = asked.map((f) => fieldChange(f, before.map((b) => b[f]), data[f]!)).filter((c): c is FieldChange => c !== null);
      // The registration row is there, so a field not changed already read as asked.
      for (const field of asked.filter((f) => !changes.some((c) => c.field === f))) unchanged?.({ field, reason: 'ALREADY_AS_ASKED' });
      if (changes.length === 0) return 0;
      const changed = (await db.customerAccount.updateMany({ where: rows, data })).count;
      for (const change of changes) report?.(change);
      return changed;
    },
  };
}
