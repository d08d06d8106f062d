// Section 4: the compliance review queue with N more requests in the table: one page of the
// "open" view by deadline through the real use case (page query, count, the page's failing
// stores), against the plain indexed SELECT of the same page on the same table.
import { randomUUID } from 'node:crypto';
import type { ServerDeps } from '../server/deps';
import { reviewQueue } from '../server/use-cases/review-queue';
import { percentile, progress, round, since } from './stats';
import type { BenchStack } from './stack';

const PAGE_SIZE = 50;

export interface ReviewQueueResult {
  addedRequests: number;
  totalRequests: number;
  pageLoads: number;
  queueP50Ms: number;
  queueP95Ms: number;
  plainP50Ms: number;
  plainP95Ms: number;
}

/** Adds `count` requests of one generated subject in one INSERT … SELECT: a third open, a spread of due dates, some stuck. */
async function fillRequests(stack: BenchStack, count: number): Promise<void> {
  const subjectId = randomUUID();
  await stack.db.$executeRawUnsafe(
    `INSERT INTO "DataSubject" (id, "emailHash", "emailEncrypted") VALUES ($1::uuid, $2, 'bench')`,
    subjectId,
    `bench-queue-${subjectId}`,
  );
  await stack.db.$executeRawUnsafe(
    `INSERT INTO "DsrRequest" (id, "subjectId", type, regime, channel, status, "workflowId", "receivedAt", "dueAt", "closedAt", stuck, "updatedAt")
     SELECT gen_random_uuid(), $1::uuid,
            (ARRAY['ACCESS','CORRECTION','DELETION'])[1 + g % 3], (ARRAY['CN_PIPL','EU_GDPR','US_CA_CCPA'])[1 + g % 3], 'PORTAL',
            CASE WHEN g % 3 = 0 THEN (ARRAY['AWAITING_VERIFICATION','AWAITING_DECISION','IN_FULFILMENT','STUCK'])[1 + (g / 3) % 4] ELSE 'COMPLETED' END,
            'bench-queue-' || $1 || '-' || g,
            now() - ((g % 90) || ' days')::interval, now() + (((g * 7919) % 120 - 60) || ' days')::interval,
            CASE WHEN g % 3 = 0 THEN NULL ELSE now() - ((g % 30) || ' days')::interval END,
            g % 3 = 0 AND (g / 3) % 4 = 3, now()
     FROM generate_series(1, $2::int) g`,
    subjectId,
    count,
  );
  await stack.db.$executeRawUnsafe('VACUUM ANALYZE "DsrRequest"');
}

export async function benchReviewQueue(stack: BenchStack, added: number, pageLoads: number): Promise<ReviewQueueResult> {
  console.log(`\n[4] Review queue: ${added} more requests, ${pageLoads} loads of the first page of "open" by deadline`);
  await fillRequests(stack, added);
  const [counted] = await stack.db.$queryRawUnsafe<Array<{ total: number }>>('SELECT count(*)::int AS total FROM "DsrRequest"');
  const total = counted?.total ?? 0;
  console.log(`  ${total} requests in the table`);
  const deps = { db: stack.db, clock: () => new Date() } as unknown as ServerDeps;
  const plainSql = `SELECT id, type, regime, channel, status, "receivedAt", "dueAt", stuck, "attestedBy"
    FROM "DsrRequest" WHERE "closedAt" IS NULL ORDER BY "dueAt" LIMIT ${PAGE_SIZE}`;
  const queue: number[] = [];
  const plain: number[] = [];
  const time = async (into: number[], run: () => Promise<unknown>) => {
    const t = performance.now();
    await run();
    into.push(since(t));
  };
  const page = () => reviewQueue(deps, { view: 'open', sort: 'deadline', page: 1, pageSize: PAGE_SIZE });
  const select = () => stack.db.$queryRawUnsafe(plainSql);
  // Warm both (plans cached, pages in memory), then alternate which goes first.
  for (let i = 0; i < 5; i++) await page().then(select);
  const tick = progress('page + plain SELECT', pageLoads);
  for (let i = 0; i < pageLoads; i++) {
    if (i % 2 === 0) await time(queue, page).then(() => time(plain, select));
    else await time(plain, select).then(() => time(queue, page));
    tick();
  }
  const r = (xs: number[], p: number) => round(percentile(xs, p), 2);
  const result = { addedRequests: added, totalRequests: total, pageLoads, queueP50Ms: r(queue, 50), queueP95Ms: r(queue, 95), plainP50Ms: r(plain, 50), plainP95Ms: r(plain, 95) };
  console.log(`  queue page p50 ${result.queueP50Ms} ms, p95 ${result.queueP95Ms} ms; plain SELECT p50 ${result.plainP50Ms} ms, p95 ${result.plainP95Ms} ms`);
  return result;
}
