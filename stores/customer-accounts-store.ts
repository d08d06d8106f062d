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
  const rowsOf = (s: SubjectKeys) => ({ email: s.email });
  const whereIn = (s: SubjectKeys, c: Category): Prisma.CustomerAccountWhereInput => ({ ...rowsOf(s), ...HOLDS_DATA[c] });
  const known = (c: DataCategory): Category => {
    if (!isCategory(c)) throw new Error(`Store ${name} has no category "${c}".`);
    return c;
  };

  return {
    name,
    categories: CATEGORIES,
    correctable: CORRECTABLE,

    async locate(subject) {
      const counts = await Promise.all(CATEGORIES.map((c) => db.customerAccount.count({ where: whereIn(subject, c) })));
      return Object.fromEntries(CATEGORIES.map((c, i) => [c, counts[i] ?? 0]));
    },

    // The e-mail address is unique here, so the subject has at most one row: no batching needed.
    async *exportStream(subject): AsyncGenerator<ExportedRecord> {
      const r = await db.customerAccount.findUnique({ where: rowsOf(subject) });
      if (!r) return;
      if (r.fullName !== ERASED || r.phone !== null) yield { category: 'contact', record: { fullName: r.fullName === ERASED ? null : r.fullName, phone: r.phone } };
      if (r.companyName !== null) yield { category: 'corporate', record: { companyName: r.companyName } };
      if (r.plan !== ERASED) yield { category: 'account', record: { email: r.email, plan: r.plan, createdAt: r.createdAt.toISOString() } };
    },

    async erase(subject, protectedNow) {
      const deleteRows = async () => (await db.customerAccount.deleteMany({ where: rowsOf(subject) })).count;
      return eraseByCategory(
        {
          categories: CATEGORIES,
          count: (c) => db.customerAccount.count({ where: whereIn(subject, known(c)) }),
          clear: async (c) => (await db.customerAccount.updateMany({ where: whereIn(subject, known(c)), data: CLEARED[known(c)] })).count,
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
      const before = await db.customerAccount.findUnique({ where: rowsOf(subject), select: { fullName: true, phone: true, companyName: true } });
      if (!before) {
        for (const field of asked) unchanged?.({ field, reason: 'NONE_HELD' });
        return 0;
      }
      const changes = asked.map((f) => fieldChange(f, [before[f]], data[f]!)).filter((c): c is FieldChange => c !== null);
      // The registration row is there, so a field not changed already read as asked.
      for (const field of asked.filter((f) => !changes.some((c) => c.field === f))) unchanged?.({ field, reason: 'ALREADY_AS_ASKED' });
      if (changes.length === 0) return 0;
      const changed = (await db.customerAccount.updateMany({ where: rowsOf(subject), data })).count;
      for (const change of changes) report?.(change);
      return changed;
    },
  };
}
