// The service log store (table ServiceLog): records collected automatically while the
// subject used the services. Categories: 'network' (IP address, location) and 'device'
// (device id, hardware model, OS version). Counts are log rows holding data in a category.
import type { Db } from '../db/prisma';
import type { DataCategory } from '../domain/fulfilment';
import type { Prisma } from '../generated/prisma/client';
import type { DataStore, SubjectKeys } from './data-store';
import { eraseByCategory } from './erase-by-category';

const CATEGORIES = ['network', 'device'] as const;
type Category = (typeof CATEGORIES)[number];

const COLUMNS = {
  network: ['ipAddress', 'location'],
  device: ['deviceId', 'hardwareModel', 'osVersion'],
} as const satisfies Record<Category, readonly (keyof Prisma.ServiceLogWhereInput)[]>;

/** Rows that still hold any column of the category. */
const holdsData = (c: Category): Prisma.ServiceLogWhereInput => ({ OR: COLUMNS[c].map((col) => ({ [col]: { not: null } })) });

/** Every column of the category set to null. */
const cleared = (c: Category): Prisma.ServiceLogUpdateManyMutationInput => Object.fromEntries(COLUMNS[c].map((col) => [col, null]));

function isCategory(category: DataCategory): category is Category {
  return (CATEGORIES as readonly string[]).includes(category);
}

/** The service-logs store over PostgreSQL. */
export function createServiceLogsStore(db: Db): DataStore {
  const name = 'service-logs';
  const rowsOf = (s: SubjectKeys) => ({ email: s.email });
  const known = (c: DataCategory): Category => {
    if (!isCategory(c)) throw new Error(`Store ${name} has no category "${c}".`);
    return c;
  };
  const whereIn = (s: SubjectKeys, c: DataCategory): Prisma.ServiceLogWhereInput => ({ ...rowsOf(s), ...holdsData(known(c)) });

  return {
    name,
    categories: CATEGORIES,

    async locate(subject) {
      const counts = await Promise.all(CATEGORIES.map((c) => db.serviceLog.count({ where: whereIn(subject, c) })));
      return Object.fromEntries(CATEGORIES.map((c, i) => [c, counts[i] ?? 0]));
    },

    async export(subject) {
      const rows = await db.serviceLog.findMany({ where: rowsOf(subject), orderBy: { at: 'asc' } });
      const section = (c: Category) =>
        rows
          .filter((r) => COLUMNS[c].some((col) => r[col] !== null))
          .map((r) => ({ at: r.at.toISOString(), ...Object.fromEntries(COLUMNS[c].map((col) => [col, r[col]])) }));
      return { network: section('network'), device: section('device') };
    },

    async erase(subject, protectedNow) {
      const deleteRows = async () => (await db.serviceLog.deleteMany({ where: rowsOf(subject) })).count;
      return eraseByCategory(
        {
          categories: CATEGORIES,
          count: (c) => db.serviceLog.count({ where: whereIn(subject, c) }),
          clear: async (c) => (await db.serviceLog.updateMany({ where: whereIn(subject, c), data: cleared(known(c)) })).count,
          removeRows: deleteRows,
          // Every category here is erased by deletion, so the one-statement fast path is the same call.
          removeAll: deleteRows,
        },
        protectedNow,
      );
    },

    // Logs record what the systems observed; no field here is one the subject supplied, so a
    // correction (of a name, a phone) concerns other stores and changes nothing in this one.
    async rectify() {
      return 0;
    },
  };
}
