// The controller's profile sets how long an access package lives: the link's expiry and the
// file's purge date follow retention.accessPackagesDays, not a constant in code.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ActivityDeps } from '../../activities';
import { preparePackage } from '../../activities/access-package';
import { createFieldCipher } from '../../crypto/field-cipher';
import { VERIFICATION } from '../../domain/procedure';
import type { Mailer } from '../../mail/mailer';
import { createStoreRegistry } from '../../stores/registry';
import { testDb } from '../support/database';
import { profileWith } from '../support/profiles';
import { testSecrets } from '../support/test-keys';
import { createRequest, createSubject, newEmail } from './fixtures';

const db = testDb();
const cipher = createFieldCipher(testSecrets().keyring);
const DAY = 86_400_000;
let work = '';
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dsr-package-retention-'));
});
afterAll(async () => {
  await db.$disconnect();
  await rm(work, { recursive: true, force: true });
});

test("when the profile keeps access packages 7 days, then the package's link and file last 7 days", async () => {
  const now = new Date('2027-03-01T08:00:00Z');
  const deps = {
    db,
    cipher,
    mailer: {} as Mailer,
    clock: () => now,
    verification: VERIFICATION,
    stores: createStoreRegistry([]),
    staffMailTo: 'compliance@example.test',
    accessPackageDir: work,
    profile: profileWith((p) => {
      p.retention.accessPackagesDays = 7;
    }),
  } satisfies ActivityDeps;
  const email = newEmail();
  const requestId = await createRequest(db, await createSubject(db, cipher, email), 'ACCESS');
  const { row } = await preparePackage(deps, requestId, [], email, 'a'.repeat(64));
  expect((row.expiresAt.getTime() - now.getTime()) / DAY).toBe(7);
  expect((row.purgeAfter.getTime() - now.getTime()) / DAY).toBe(7);
});
