// The demo estate's consent register (table "ProcessingConsent" in the main database) as a
// declared SQL store with `purposes`: what the MANAGE tests fulfil against, through the same
// generic connector and map checks a deployment's own database goes through.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Db } from '../../db/prisma';
import { DEFAULT_DATA_MAP_FILE, validateDataMap } from '../../stores/data-map/validate';
import type { DataStore } from '../../stores/data-store';
import { openSqlDb, type SqlDb } from '../../stores/sql/connect';
import { createDeclaredSqlStore } from '../../stores/sql/declared-sql-store';

const byPurpose = (purpose: string, set: Record<string, string>) => ({ collection: 'ProcessingConsent', when: { column: 'purpose', equals: purpose }, column: 'status', set });

export const CONSENT_REGISTER_ENTRY = {
  description: 'Consents and processing flags per subject and purpose.',
  kind: 'sql',
  dialect: 'postgres',
  connection: 'DATABASE_URL',
  categories: { consent: { erase: 'delete', corrections: false, description: 'purpose, status, dates' } },
  collections: {
    ProcessingConsent: { primaryKey: 'id', category: 'consent', columns: { email: 'consent', purpose: 'consent', status: 'consent' }, identities: { email: 'email' } },
  },
  purposes: {
    // Marketing can be withdrawn or objected to; it has no "restricted" state here.
    marketing: byPurpose('marketing', { WITHDRAW_CONSENT: 'withdrawn', OBJECT: 'objected' }),
    'personalised-recommendations': byPurpose('personalised-recommendations', { WITHDRAW_CONSENT: 'withdrawn', RESTRICT: 'restricted', OBJECT: 'objected' }),
    'affiliate-sharing': byPurpose('affiliate-sharing', { WITHDRAW_CONSENT: 'withdrawn', RESTRICT: 'restricted', OBJECT: 'objected' }),
    // The shipped map marks it a sale and a sharing (CCPA): its opt-out needs no verification.
    'advertising-partners': byPurpose('advertising-partners', { WITHDRAW_CONSENT: 'withdrawn', OBJECT: 'objected' }),
  },
};

/** The store over the database at DATABASE_URL; close `sqlDb` when done. */
export function consentRegisterStore(): { store: DataStore; sqlDb: SqlDb } {
  // The purposes are the shipped map's: the ones the engine's letters word and the intake accepts.
  const { purposes } = JSON.parse(readFileSync(DEFAULT_DATA_MAP_FILE, 'utf8')) as { purposes: unknown };
  const entry = validateDataMap(JSON.stringify({ purposes, stores: { 'consent-register': CONSENT_REGISTER_ENTRY } }), 'test map', {}).stores[0]!;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const sqlDb = openSqlDb('postgres', url);
  return { store: createDeclaredSqlStore({ name: 'consent-register', declaration: entry.sql!, categories: entry.categories, db: sqlDb }), sqlDb };
}

/** Grants the given purposes to the address (status `granted` unless given). */
export async function seedConsents(db: Db, email: string, purposes: Record<string, string>): Promise<void> {
  await db.processingConsent.createMany({ data: Object.entries(purposes).map(([purpose, status]) => ({ id: randomUUID(), email, purpose, status })) });
}

/** purpose -> status of the address's rows. */
export async function consentsOf(db: Db, email: string): Promise<Record<string, string>> {
  const rows = await db.processingConsent.findMany({ where: { email } });
  return Object.fromEntries(rows.map((r) => [r.purpose, r.status]));
}
