// The service log store (table ServiceLog): records collected automatically while the
// subject used the services. Categories: 'network' (IP address, location) and 'device'
// (device id, hardware model, OS version). Counts are log rows holding data in a category.
import type { Db } from '../db/prisma';
import type { DataCategory } from '../domain/fulfilment';
import { Prisma } from '../generated/prisma/client';
import { EXPORT_BATCH_SIZE, type DataStore, type ExportedRecord, type SubjectKeys } from './data-store';
import { eraseByCategory } from './erase-by-category';
import { storedSpellings } from './identity-key';

const CATEGORIES = ['network', 'device'] as const;
type Category = (typeof CATEGORIES)[number];

const COLUMNS = {
  network: ['ipAddress', 'location'],
  device: ['deviceId', 'hardwareModel', 'osVersion'],
} as const satisfies Record<Category, readonly (keyof Prisma.ServiceLogWhereInput)[]>;

type LogRow = { id: string; at: Date } & Record<(typeof COLUMNS)[Category][number], string | null>;
/** The columns an export reads, quoted as the table spells them. */
const LOG_COLUMNS = Prisma.raw('id, at, "ipAddress", location, "deviceId", "hardwareModel", "osVersion"');

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
  const spellings = (s: SubjectKeys) => storedSpellings(db, 'ServiceLog', s.email);
  const rowsIn = (emails: string[]): Prisma.ServiceLogWhereInput => ({ email: { in: emails } });
  const known = (c: DataCategory): Category => {
    if (!isCategory(c)) throw new Error(`Store ${name} has no category "${c}".`);
    return c;
  };
  const whereIn = (emails: string[], c: DataCategory): Prisma.ServiceLogWhereInput => ({ ...rowsIn(emails), ...holdsData(known(c)) });

  return {
    name,
    categories: CATEGORIES,
    correctable: [],

    async locate(subject) {
      const emails = await spellings(subject);
      const counts = await Promise.all(CATEGORIES.map((c) => db.serviceLog.count({ where: whereIn(emails, c) })));
      return Object.fromEntries(CATEGORIES.map((c, i) => [c, counts[i] ?? 0]));
    },

    // Keyset pagination on (at, id): each batch starts after the last row of the one before,
    // a row comparison the (email, at, id) index answers directly, so a subject with millions
    // of log rows is read a thousand at a time without rescanning. One pass per spelling of
    // the address, each an equality the index answers.
    async *exportStream(subject): AsyncGenerator<ExportedRecord> {
      for (const email of await spellings(subject)) {
        let after: { at: Date; id: string } | undefined;
        for (;;) {
          const rows: LogRow[] = after
            ? await db.$queryRaw`SELECT ${LOG_COLUMNS} FROM "ServiceLog" WHERE email = ${email} AND (at, id) > (${after.at}, ${after.id}::uuid) ORDER BY at, id LIMIT ${EXPORT_BATCH_SIZE}`
            : await db.$queryRaw`SELECT ${LOG_COLUMNS} FROM "ServiceLog" WHERE email = ${email} ORDER BY at, id LIMIT ${EXPORT_BATCH_SIZE}`;
          for (const r of rows) {
            for (const c of CATEGORIES) {
              if (COLUMNS[c].some((col) => r[col] !== null)) yield { category: c, record: { at: r.at.toISOString(), ...Object.fromEntries(COLUMNS[c].map((col) => [col, r[col]])) } };
            }
          }
          const last = rows.at(-1);
          if (!last || rows.length < EXPORT_BATCH_SIZE) break;
          after = { at: last.at, id: last.id };
        }
      }
    },

    async erase(subject, protectedNow) {
      const emails = await spellings(subject);
      const deleteRows = async () => (await db.serviceLog.deleteMany({ where: rowsIn(emails) })).count;
      return eraseByCategory(
        {
          categories: CATEGORIES,
          count: (c) => db.serviceLog.count({ where: whereIn(emails, c) }),
          clear: async (c) => (await db.serviceLog.updateMany({ where: whereIn(emails, c), data: cleared(known(c)) })).count,
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
