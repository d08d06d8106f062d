// What the tests of the Redis, file and marketing stores share: subjects in the main
// database (holds refer to them) and protectedNow as the fulfilment activity builds it.
import { createFieldCipher } from '../../crypto/field-cipher';
import type { Db } from '../../db/prisma';
import type { DataCategory } from '../../domain/fulfilment';
import { activeHoldFor } from '../../legal/holds';
import type { DataStore, SubjectKeys } from '../../stores/data-store';
import { Pool } from 'pg';
import { declaredDemoStores, demoStore } from '../support/demo-estate';
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

/** The marketing store as the map declares it, over its own database (MARKETING_DATABASE_URL):
 *  schema ensured before the file's tests and the connection closed after them. */
export function marketingStoreForTests() {
  // The test's own pool writes and reads the rows; the store reaches them as the engine does.
  const pool = new Pool({ connectionString: required('MARKETING_DATABASE_URL'), max: 2 });
  afterAll(() => pool.end());
  return { pool, marketing: demoStore(declaredDemoStores({ marketing: true }), 'marketing-db') };
}
