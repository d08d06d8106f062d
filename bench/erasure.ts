// Section 3: erasing one subject who holds many service-log rows, through the real
// service-logs store, against one plain DELETE of the same rows on an identical fresh table.
import type { Db } from '../db/prisma';
import { createServiceLogsStore } from '../stores/service-logs-store';
import { median, round, since } from './stats';

export interface ErasureResult {
  subjectRows: number;
  otherRows: number;
  rounds: number;
  storeEraseMs: number;
  plainDeleteMs: number;
}

const SUBJECT = 'heavy-subject@example.org';

/** Empties ServiceLog and fills it afresh: the subject's rows plus as many of other people. */
async function freshTable(db: Db, subjectRows: number, otherRows: number): Promise<void> {
  await db.$executeRawUnsafe('TRUNCATE "ServiceLog"');
  // One multi-row INSERT per population, generated server-side.
  const insert = `INSERT INTO "ServiceLog" (id, email, "ipAddress", "deviceId", "hardwareModel", "osVersion", location, at)
    SELECT gen_random_uuid(), %EMAIL%, '10.0.' || (g % 250) || '.' || (g % 200), 'dev-' || (g % 7), 'Model X', 'OS 17.' || (g % 5), 'Shanghai',
           now() - (g || ' seconds')::interval
    FROM generate_series(1, $1::int) g`;
  await db.$executeRawUnsafe(insert.replace('%EMAIL%', `'${SUBJECT}'`), subjectRows);
  await db.$executeRawUnsafe(insert.replace('%EMAIL%', `'other-' || (g % 1000) || '@example.org'`), otherRows);
  await db.$executeRawUnsafe('VACUUM ANALYZE "ServiceLog"');
}

/** Times one erasure of the subject; checks that their rows are gone afterwards. */
async function timed(db: Db, erase: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await erase();
  const ms = since(t);
  const left = await db.serviceLog.count({ where: { email: SUBJECT } });
  if (left !== 0) throw new Error(`Erasure left ${left} rows.`);
  return ms;
}

export async function benchErasure(db: Db, subjectRows: number, otherRows: number, rounds: number): Promise<ErasureResult> {
  console.log(`\n[3] Erasure: one subject with ${subjectRows} ServiceLog rows (+${otherRows} rows of others), ${rounds} rounds each`);
  const store = createServiceLogsStore(db);
  const storeTimes: number[] = [];
  const plainTimes: number[] = [];
  for (let r = 1; r <= rounds; r++) {
    await freshTable(db, subjectRows, otherRows);
    storeTimes.push(await timed(db, () => store.erase({ subjectId: 'bench', email: SUBJECT }, async () => null)));
    await freshTable(db, subjectRows, otherRows);
    plainTimes.push(await timed(db, () => db.$executeRaw`DELETE FROM "ServiceLog" WHERE email = ${SUBJECT}`));
    console.log(`  round ${r}/${rounds}: store erase ${round(storeTimes.at(-1)!)} ms, plain DELETE ${round(plainTimes.at(-1)!)} ms`);
  }
  await db.$executeRawUnsafe('TRUNCATE "ServiceLog"');
  return { subjectRows, otherRows, rounds, storeEraseMs: round(median(storeTimes)), plainDeleteMs: round(median(plainTimes)) };
}
