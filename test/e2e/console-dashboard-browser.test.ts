// The dashboard at /console in Debian's Chromium: its numbers are the database's. Requests
// are written straight into the tables (open, overdue, due soon, stuck, closed on time and
// late), then every figure on the page is checked against the rows, counted here in code.
import { randomUUID } from 'node:crypto';
import { screenshot } from '../support/browser';
import { useBrowserStack } from '../support/browser-stack';
import { createStaffAndLogIn } from '../support/stack';
import { clockFrom, testNowFromEnv } from '../support/test-clock';
import { textProblems } from '../support/page-checks';

const DAY = 24 * 60 * 60 * 1000;
const env = useBrowserStack({ onePage: true });

/** A request row as the workflow would have left it, days counted from `now`. */
async function row(now: Date, r: { status: string; regime?: string; type?: string; received: number; due?: number; closed?: number; stuck?: boolean }) {
  const id = randomUUID();
  const subject = await env.stack.db.dataSubject.create({ data: { emailHash: `test-${id}`, emailEncrypted: 'not-used' } });
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  await env.stack.db.dsrRequest.create({
    data: {
      id,
      subjectId: subject.id,
      type: r.type ?? 'ACCESS',
      regime: r.regime ?? 'CN_PIPL',
      channel: 'PORTAL',
      status: r.status,
      workflowId: `dashboard-test-${id}`,
      receivedAt: at(r.received),
      dueAt: r.due === undefined ? null : at(r.due),
      closedAt: r.closed === undefined ? null : at(r.closed),
      stuck: r.stuck ?? false,
    },
  });
}

/** percentile_cont: linear interpolation between the closest ranks. */
function percentile(sorted: number[], p: number): number {
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

test('when requests are open, due, overdue, stuck and closed, then every figure of the dashboard is the one the database gives', async () => {
  const now = clockFrom(testNowFromEnv())();
  await row(now, { status: 'IN_FULFILMENT', received: -3, due: 3 });
  await row(now, { status: 'AWAITING_DECISION', regime: 'EU_GDPR', received: -40, due: -2 });
  await row(now, { status: 'AWAITING_APPROVAL', type: 'DELETION', received: -1, due: 20 });
  await row(now, { status: 'STUCK', received: -5, due: 10, stuck: true });
  await row(now, { status: 'COMPLETED', received: -20, due: -5, closed: -10 });
  await row(now, { status: 'COMPLETED', received: -30, due: -16, closed: -12 });
  await row(now, { status: 'REFUSED', regime: 'EU_GDPR', type: 'DELETION', received: -50, due: -20, closed: -21 });

  const officer = await createStaffAndLogIn(env.stack, 'compliance');
  await env.page.context().addCookies([{ name: officer.cookie.split('=')[0]!, value: officer.cookie.split('=')[1]!, url: `${env.stack.baseUrl}/console` }]);
  await env.page.goto(`${env.stack.baseUrl}/console?period=90`);
  await screenshot(env.page, 'console-dashboard-en');

  // Read once the page is drawn; the rows are counted here in code.
  const since = new Date(now.getTime() - 90 * DAY);
  const all = await env.stack.db.dsrRequest.findMany({ select: { status: true, regime: true, type: true, receivedAt: true, dueAt: true, closedAt: true, stuck: true } });
  const open = all.filter((r) => r.closedAt === null);
  const figure = async (id: string) => Number(await env.page.textContent(`#count-${id}`));
  await expect(figure('overdue')).resolves.toBe(open.filter((r) => r.dueAt && r.dueAt < now).length);
  await expect(figure('due-soon')).resolves.toBe(open.filter((r) => r.dueAt && r.dueAt >= now && r.dueAt.getTime() < now.getTime() + 7 * DAY).length);
  await expect(figure('awaiting-decision')).resolves.toBe(open.filter((r) => r.status === 'AWAITING_DECISION').length);
  await expect(figure('awaiting-approval')).resolves.toBe(open.filter((r) => r.status === 'AWAITING_APPROVAL').length);
  await expect(figure('stuck')).resolves.toBe(open.filter((r) => r.stuck).length);
  expect(await figure('overdue')).toBeGreaterThanOrEqual(1);

  for (const status of new Set(open.map((r) => r.status))) {
    for (const regime of new Set(open.map((r) => r.regime))) {
      const cell = env.page.locator(`#open-by-status tr[data-status="${status}"] td[data-regime="${regime}"]`);
      await expect(cell.textContent().then(Number)).resolves.toBe(open.filter((r) => r.status === status && r.regime === regime).length);
    }
  }

  const closed = all.filter((r) => r.closedAt && r.closedAt >= since && r.closedAt <= now);
  for (const key of new Set(closed.map((r) => `${r.regime} ${r.type}`))) {
    const [regime, type] = key.split(' ');
    const days = closed.filter((r) => r.regime === regime && r.type === type).map((r) => (r.closedAt!.getTime() - r.receivedAt.getTime()) / DAY).sort((a, b) => a - b);
    const tr = env.page.locator(`#close-times tr[data-regime="${regime}"][data-type="${type}"]`);
    await expect(tr.locator('[data-closed]').textContent().then(Number)).resolves.toBe(days.length);
    await expect(tr.locator('[data-median]').textContent()).resolves.toBe(percentile(days, 0.5).toFixed(1));
    await expect(tr.locator('[data-p90]').textContent()).resolves.toBe(percentile(days, 0.9).toFixed(1));
  }

  // The chart is SVG drawn on the server, with its numbers in a table beside it.
  await expect(env.page.locator('figure.chart svg rect').count()).resolves.toBeGreaterThan(0);
  const onTime = closed.filter((r) => !r.dueAt || r.closedAt! <= r.dueAt).length;
  const late = closed.length - onTime;
  const weeks = await env.page.locator('#weeks tbody tr').evaluateAll((trs) => trs.map((tr) => [Number(tr.children[1]!.textContent), Number(tr.children[2]!.textContent)]));
  expect(weeks.reduce((s, [a]) => s + a!, 0)).toBe(onTime);
  expect(weeks.reduce((s, [, b]) => s + b!, 0)).toBe(late);
  expect(late).toBeGreaterThanOrEqual(1);
  await expect(textProblems(env.page)).resolves.toEqual([]);
});
