// The staff report over rows seeded with known dates and outcomes: exact counts, median,
// 90th percentile and lateness, the same in CSV, and only for compliance and admins.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createFieldCipher } from '../../crypto/field-cipher';
import type { Db } from '../../db/prisma';
import { buildApp, startWebServer } from '../../server/app';
import { testDb } from '../support/database';
import { createStaffAndLogIn, type StaffLogin } from '../support/stack';
import { testSecrets } from '../support/test-keys';

const DAY_MS = 24 * 60 * 60 * 1000;
// Regimes of this run only, so other tests' rows (and earlier runs') never count.
const letters = () => Array.from(randomBytes(8), (b) => String.fromCharCode(65 + (b % 26))).join('');
const REGIME = `TR_${letters()}`;
const OTHER = `TR_${letters()}`;

let db: Db;
let app: FastifyInstance;
let baseUrl: string;
let compliance: StaffLogin;

/** One request received at `received`, closed `days` later (or open) with the outcome given. */
async function seed(subjectId: string, regime: string, type: string, received: string, close?: { days: number; outcome: string }, dueDays = 15) {
  const receivedAt = new Date(received);
  const id = randomUUID();
  await db.dsrRequest.create({
    data: {
      id,
      subjectId,
      type,
      regime,
      channel: 'PORTAL',
      status: close ? 'COMPLETED' : 'IN_FULFILMENT',
      workflowId: `dsr-${id}`,
      receivedAt,
      dueAt: new Date(receivedAt.getTime() + dueDays * DAY_MS),
      closedAt: close ? new Date(receivedAt.getTime() + close.days * DAY_MS) : null,
      outcome: close?.outcome ?? null,
    },
  });
}

beforeAll(async () => {
  db = testDb();
  const { keyring, identityPepper } = testSecrets();
  app = await buildApp({ temporal: {} as never, taskQueue: 'unused', db, cipher: createFieldCipher(keyring), identityPepper, clock: () => new Date() });
  baseUrl = await startWebServer(app, '127.0.0.1', 0);
  compliance = await createStaffAndLogIn({ baseUrl, db }, 'compliance');
  const { id: subject } = await db.dataSubject.create({ data: { emailHash: `report-test-${randomUUID()}`, emailEncrypted: 'unused' } });
  // Days to close in the period: ACCESS 2, 4, 10 (after its 5-day due date), 12; DELETION 6, 8.
  await seed(subject, REGIME, 'ACCESS', '2001-03-01T10:00:00Z', { days: 2, outcome: 'FULFILLED' });
  await seed(subject, REGIME, 'ACCESS', '2001-03-02T10:00:00Z', { days: 4, outcome: 'FULFILLED_IN_PART' });
  await seed(subject, REGIME, 'DELETION', '2001-03-03T10:00:00Z', { days: 6, outcome: 'REFUSED_EXEMPT' });
  await seed(subject, REGIME, 'DELETION', '2001-03-04T10:00:00Z', { days: 8, outcome: 'UNVERIFIABLE' });
  await seed(subject, REGIME, 'ACCESS', '2001-03-05T10:00:00Z', { days: 10, outcome: 'FULFILLED' }, 5);
  await seed(subject, REGIME, 'CORRECTION', '2001-03-06T10:00:00Z');
  // The last minutes of the last day still count.
  await seed(subject, REGIME, 'ACCESS', '2001-03-31T23:30:00Z', { days: 12, outcome: 'WITHDRAWN' });
  // Outside the period: never counted.
  await seed(subject, REGIME, 'ACCESS', '2001-04-01T00:00:00Z', { days: 1, outcome: 'FULFILLED' });
  await seed(subject, OTHER, 'ACCESS', '2001-03-10T10:00:00Z', { days: 3, outcome: 'FULFILLED' });
});
afterAll(async () => {
  await app?.close();
  await db?.dsrRequest.deleteMany({ where: { regime: { in: [REGIME, OTHER] } } });
  await db?.$disconnect();
});

async function get(path: string, as?: StaffLogin) {
  const res = await fetch(baseUrl + path, { headers: as ? { cookie: as.cookie } : {} });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

const MARCH = 'from=2001-03-01&to=2001-03-31';
const zero = { received: 0, open: 0, complied: 0, denied: 0, otherClosed: 0, medianDaysToClose: null, p90DaysToClose: null, overdueOpen: 0, closedAfterDue: 0 };

describe('the summary report', () => {
  test('when compliance asks for one regime, then the counts, median, p90 and lateness are exact', async () => {
    const res = await get(`/api/staff/reports/summary?${MARCH}&regime=${REGIME}`, compliance);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text);
    expect(body).toMatchObject({ from: '2001-03-01', to: '2001-03-31', regime: REGIME });
    expect(body.regimes).toHaveLength(1);
    const [r] = body.regimes;
    // Closed: 2, 4, 6, 8, 10, 12 days → median 7; p90 interpolates 10 and 12 → 11.
    expect(r.total).toEqual({ received: 7, open: 1, complied: 3, denied: 2, otherClosed: 1, medianDaysToClose: 7, p90DaysToClose: 11, overdueOpen: 1, closedAfterDue: 1 });
    expect(r.byType).toEqual([
      { type: 'ACCESS', ...zero, received: 4, complied: 3, otherClosed: 1, medianDaysToClose: 7, p90DaysToClose: 11.4, closedAfterDue: 1 },
      { type: 'CORRECTION', ...zero, received: 1, open: 1, overdueOpen: 1 },
      { type: 'DELETION', ...zero, received: 2, denied: 2, medianDaysToClose: 7, p90DaysToClose: 7.8 },
    ]);
    expect(r.byOutcome).toEqual(
      expect.arrayContaining([
        { outcome: 'FULFILLED', count: 2 },
        { outcome: 'FULFILLED_IN_PART', count: 1 },
        { outcome: 'REFUSED_EXEMPT', count: 1 },
        { outcome: 'UNVERIFIABLE', count: 1 },
        { outcome: 'WITHDRAWN', count: 1 },
        { outcome: null, count: 1 },
      ]),
    );
    expect(r.byOutcome).toHaveLength(6);
  });

  test('when no regime is named, then each regime has its own group', async () => {
    const body = JSON.parse((await get(`/api/staff/reports/summary?${MARCH}`, compliance)).text);
    const ours = body.regimes.filter((r: { regime: string }) => [REGIME, OTHER].includes(r.regime));
    expect(ours.map((r: { regime: string; total: { received: number } }) => [r.regime, r.total.received]).sort()).toEqual([[OTHER, 1], [REGIME, 7]].sort());
  });

  test('when asked as CSV, then it has a header row and the same figures', async () => {
    const admin = await createStaffAndLogIn({ baseUrl, db }, 'admin');
    const res = await get(`/api/staff/reports/summary.csv?${MARCH}&regime=${REGIME}`, admin);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/csv/);
    const [header, ...rows] = res.text.trimEnd().split('\r\n');
    expect(header).toBe(
      'from,to,regime,type,received,complied_in_whole_or_part,denied,other_closed,open,median_days_to_close,p90_days_to_close,overdue_open,closed_after_due',
    );
    expect(rows).toEqual([
      `2001-03-01,2001-03-31,${REGIME},ACCESS,4,3,0,1,0,7,11.4,0,1`,
      `2001-03-01,2001-03-31,${REGIME},CORRECTION,1,0,0,0,1,,,1,0`,
      `2001-03-01,2001-03-31,${REGIME},DELETION,2,0,2,0,0,7,7.8,0,0`,
      `2001-03-01,2001-03-31,${REGIME},ALL,7,3,2,1,1,7,11,1,1`,
    ]);
  });

  test('when an agent or no one asks, then it is refused; a period that ends before it starts is 400', async () => {
    const agent = await createStaffAndLogIn({ baseUrl, db }, 'agent');
    for (const path of ['/api/staff/reports/summary', '/api/staff/reports/summary.csv']) {
      expect((await get(`${path}?${MARCH}`, agent)).status).toBe(403);
      expect((await get(`${path}?${MARCH}`)).status).toBe(401);
    }
    expect((await get('/api/staff/reports/summary?from=2001-03-31&to=2001-03-01', compliance)).status).toBe(400);
  });
});
