// The one rule by which an identity key is matched, in every store and at intake: an e-mail
// address is compared trimmed and case-insensitively, so `Li.Wei@Example.com` finds the
// rows stored as `li.wei@example.com` and the other way round. In SQL the stored side is
// `lower(email)` (indexed so), compared with the normalised address.
import type { Db } from '../db/prisma';

/** The address as every comparison and every hash sees it. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Main-database tables that file rows under an `email` column. */
export type EmailTable = 'CustomerAccount' | 'ServiceLog' | 'Invoice' | 'PaymentMethod';

/** The spellings of the subject's address that a table holds, found through its `lower(email)`
 *  index. Prisma's case-insensitive mode compares with ILIKE, where `_` and `%` in an address
 *  would match other people's rows; so queries name these exact spellings instead. */
export async function storedSpellings(db: Db, table: EmailTable, email: string): Promise<string[]> {
  // The table name comes from the closed union above, never from input.
  const rows = await db.$queryRawUnsafe<Array<{ email: string }>>(`SELECT DISTINCT email FROM "${table}" WHERE lower(email) = $1`, normaliseEmail(email));
  return rows.map((r) => r.email).sort();
}
