// The account registration store (table CustomerAccount), one row per registered e-mail.
// Categories: 'contact' (name, phone), 'corporate' (company name) and 'account' (the
// registration itself: e-mail, plan, date). Counts are category records: a row counts
// once in each category it holds data for.
import type { Db } from '../db/prisma';
import type { Prisma } from '../generated/prisma/client';
import type { DataCategory } from '../domain/fulfilment';
import type { DataStore, SubjectKeys } from './data-store';
import { eraseByCategory } from './erase-by-category';
import { CorrectionRefused } from './store-errors';

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

const MAX_TEXT = 200;
const PHONE = /^\+?[0-9][0-9 ()-]{4,24}$/;

/** Checks one corrected value; messages name the field, never the value. */
const VALIDATORS: Record<string, (value: string) => string | null> = {
  fullName: (v) => (v.trim().length === 0 || v.length > MAX_TEXT || v.trim() === ERASED ? 'must be 1 to 200 characters' : null),
  phone: (v) => (PHONE.test(v.trim()) ? null : 'must be a telephone number of digits, spaces, brackets and dashes'),
  companyName: (v) => (v.trim().length === 0 || v.length > MAX_TEXT ? 'must be 1 to 200 characters' : null),
};

/** A field name fit to repeat in an error: the request could carry anything as a key. */
function fieldLabel(field: string): string {
  return /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(field) ? `"${field}"` : 'an unnamed field';
}

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

    async locate(subject) {
      const counts = await Promise.all(CATEGORIES.map((c) => db.customerAccount.count({ where: whereIn(subject, c) })));
      return Object.fromEntries(CATEGORIES.map((c, i) => [c, counts[i] ?? 0]));
    },

    async export(subject) {
      const rows = await db.customerAccount.findMany({ where: rowsOf(subject), orderBy: { createdAt: 'asc' } });
      return {
        contact: rows.filter((r) => r.fullName !== ERASED || r.phone !== null).map((r) => ({ fullName: r.fullName === ERASED ? null : r.fullName, phone: r.phone })),
        corporate: rows.filter((r) => r.companyName !== null).map((r) => ({ companyName: r.companyName })),
        account: rows.filter((r) => r.plan !== ERASED).map((r) => ({ email: r.email, plan: r.plan, createdAt: r.createdAt.toISOString() })),
      };
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

    async rectify(subject, corrections) {
      const data: Record<string, string> = {};
      for (const [field, value] of Object.entries(corrections)) {
        const validate = Object.hasOwn(VALIDATORS, field) ? VALIDATORS[field] : undefined;
        if (!validate) {
          throw new CorrectionRefused(`Store ${name} cannot correct ${fieldLabel(field)}: correctable fields are ${Object.keys(VALIDATORS).join(', ')}.`);
        }
        const problem = validate(value);
        if (problem) throw new CorrectionRefused(`Store ${name} refused the correction of "${field}": the new value ${problem}.`);
        data[field] = value.trim();
      }
      if (Object.keys(data).length === 0) return 0;
      return (await db.customerAccount.updateMany({ where: rowsOf(subject), data })).count;
    },
  };
}
