// What the tests of the Redis, file and marketing stores share: subjects in the main
// database (holds refer to them) and protectedNow as the fulfilment activity builds it.
import { Pool } from 'pg';
import { createFieldCipher } from '../../crypto/field-cipher';
import type { Db } from '../../db/prisma';
import type { DataCategory } from '../../domain/fulfilment';
import { activeHoldFor } from '../../legal/holds';
import type { DataStore, SubjectKeys } from '../../stores/data-store';
import { createMarketingDbStore, ensureMarketingSchema } from '../../stores/marketing-db-store';
import { testSecrets } from '../support/test-keys';
import { createSubject, newEmail } from './fixtures';

const cipher = createFieldCipher(testSecrets().keyring);

/** A new subject with a unique address, registered so that holds can name it. */
export async function newSubject(db: Db): Promise<SubjectKeys> {
  const email = newEmail();
  return { subjectId: await createSubject(db, cipher, email), email };
}

/** protectedNow over the database's holds, read at call time. */
export const holdsOf = (db: Db, store: DataStore, subject: SubjectKeys) => (category: DataCategory) => activeHoldFor(db, subject.subjectId, store.name, category, new Date());

export const nothingProtected = async () => null;

/** The environment variable a test needs, or a failure that says how to provide it. */
export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\`, which provides it.`);
  return value;
}

/** The marketing store over its own database (MARKETING_DATABASE_URL), schema ensured before
 *  the file's tests and the pool closed after them. */
export function marketingStoreForTests() {
  const pool = new Pool({ connectionString: required('MARKETING_DATABASE_URL'), max: 4 });
  beforeAll(() => ensureMarketingSchema(pool));
  afterAll(() => pool.end());
  return { pool, marketing: createMarketingDbStore(pool) };
}
