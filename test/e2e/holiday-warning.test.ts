// A due date in a year with no China arrangement: counted on weekends alone, warned on the
// request row (audited), on the console's request page and in /health; importing the
// arrangement (npm run holidays -- import-cn) takes the warning away, and the next recount
// clears it from the request with an audit event.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deadlineActivities } from '../../activities/deadlines';
import type { ActivityDeps } from '../../activities/deps';
import { consoleCall, consoleLogIn } from '../support/console-session';
import { demoProfile } from '../support/profiles';
import { startStack, type Stack } from '../support/stack';

const holidayDir = mkdtempSync(path.join(tmpdir(), 'dsr-holiday-warning-'));
process.env.HOLIDAY_DATA_DIR = holidayDir;

let stack: Stack;
let requestId: string;
beforeAll(async () => {
  stack = await startStack({ holidayDataDir: holidayDir, profile: demoProfile });
});
afterAll(async () => {
  // Closed, so the other suites' /health sees no warning of ours.
  if (requestId) await stack.db.dsrRequest.update({ where: { id: requestId }, data: { closedAt: new Date(), status: 'WITHDRAWN', holidayWarning: null } });
  await stack?.close();
});

const health = async () => (await fetch(`${stack.baseUrl}/health`)).json() as Promise<{ status: string; warnings?: { holidays?: string } }>;

test('when a PIPL deadline falls in 2028 without an arrangement, then the request, the console and /health warn until it is imported', async () => {
  const deadlines = deadlineActivities({ db: stack.db, profile: demoProfile, holidayDataDir: holidayDir } as ActivityDeps);
  const subject = await stack.db.dataSubject.create({ data: { emailHash: `test-${randomUUID()}`, emailEncrypted: 'not-used' } });
  requestId = randomUUID();
  const receivedAt = new Date('2027-12-20T02:00:00Z');
  await stack.db.dsrRequest.create({
    data: { id: requestId, subjectId: subject.id, type: 'ACCESS', regime: 'CN_PIPL', channel: 'EMAIL', status: 'RECEIVED', workflowId: `dsr-${requestId}`, receivedAt, verifiedAt: receivedAt, profileDigest: demoProfile.digest },
  });
  const plan = await deadlines.planIntake({ requestId });
  expect(plan.plan.dueDate).toBe('2028-01-19');
  const row = await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } });
  expect(row.holidayWarning).toBe('missing: CN 2028');
  const audited = await stack.db.auditEvent.findFirstOrThrow({ where: { requestId, action: 'HOLIDAY_DATA_MISSING' } });
  expect(audited.reason).toBe('due date counted on weekends alone for CN 2028');

  const compliance = await consoleLogIn(stack, 'compliance');
  const page = async () => (await consoleCall(stack.baseUrl, 'GET', `/console/requests/${requestId}`, compliance)).text;
  expect(await page()).toContain('no holiday data for CN 2028');
  const before = await health();
  expect(before.status).toBe('ok');
  expect(before.warnings).toEqual({ holidays: 'missing: CN 2028' });

  // The deployer imports the State Council's 2028 arrangement with the command.
  const input = path.join(holidayDir, 'arrangement-2028.csv');
  writeFileSync(input, 'date,kind,name\n2028-01-01,holiday,元旦\n2028-01-19,holiday,test break\n2028-01-20,holiday,test break\n2028-01-23,workday,调休\n');
  const out = execFileSync('npx', ['tsx', 'scripts/holidays.ts', 'import-cn', input], { env: { ...process.env, HOLIDAY_DATA_DIR: holidayDir }, encoding: 'utf8' });
  expect(out).toContain('CN 2028: 3 days off, 1 adjusted working days');

  expect(await page()).not.toContain('no holiday data for CN 2028');
  expect((await health()).warnings).toBeUndefined();

  // The next recount (here: the clock start) uses the arrangement and clears the warning, audited.
  const recounted = await deadlines.startClock({ requestId, verifiedAt: receivedAt.toISOString() });
  expect(recounted.dueDate).toBe('2028-01-21');
  expect((await stack.db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })).holidayWarning).toBeNull();
  expect(await stack.db.auditEvent.count({ where: { requestId, action: 'HOLIDAY_DATA_COMPLETE' } })).toBe(1);
});
