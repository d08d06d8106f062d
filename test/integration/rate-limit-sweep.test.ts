// The shared rate-limit table is swept by the app (one timer, stopped on close): counters whose
// window ended over an hour ago go, current ones stay.
import { randomUUID } from 'node:crypto';
import { startLimitSweep } from '../../server/rate-limit';
import { testDb } from '../support/database';

const db = testDb();
afterAll(() => db.$disconnect());

test('when the sweep runs, then counters expired over an hour ago are deleted and current ones kept', async () => {
  const stale = `sweep-test:${randomUUID()}`;
  const current = `sweep-test:${randomUUID()}`;
  await db.rateLimiterFlexible.create({ data: { key: stale, points: 3, expire: new Date(Date.now() - 2 * 3_600_000) } });
  await db.rateLimiterFlexible.create({ data: { key: current, points: 1, expire: new Date(Date.now() + 60_000) } });
  const stop = startLimitSweep(db, 50);
  try {
    const deadline = Date.now() + 10_000;
    while ((await db.rateLimiterFlexible.count({ where: { key: stale } })) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  } finally {
    stop();
  }
  expect(await db.rateLimiterFlexible.count({ where: { key: stale } })).toBe(0);
  expect(await db.rateLimiterFlexible.count({ where: { key: current } })).toBe(1);
});
