// The daily retention purge on the time-skipping server with the real activities and the
// example profile's periods (policy/retention.ts): records just inside their period stay,
// records just past it are gone, a verified subject stays, and RetentionPurge shows the counts.
// Every date is computed from the test clock (stack.now()) and the policy, never from today.
import { randomUUID } from 'node:crypto';
import { createFieldCipher } from '../../crypto/field-cipher';
import { retentionPeriods } from '../../policy';
import { activeProfile } from '../../config/controller-profile';
import { eventually } from '../support/http';
import { testSecrets } from '../support/test-keys';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import type { retentionPurgeWorkflow } from '../../workflows/retention-purge';
import type { RetentionKind } from '../../retention/purge';
import { createSubject, newEmail } from '../integration/fixtures';

let stack: WorkflowStack;
beforeAll(async () => {
  stack = await startWorkflowStack();
});
afterAll(async () => {
  await stack?.close();
});

const DAY = 86_400_000;
const HOUR = 3_600_000;
const periods = retentionPeriods(activeProfile().profile.retention);
const cipher = () => createFieldCipher(testSecrets().keyring);

/** A subject made `ageMs` ago with one request, verified or not, closed `closedAgoMs` ago (open when null). */
async function subjectWithRequest(ageMs: number, closedAgoMs: number | null, verified: boolean) {
  const now = stack.now().getTime();
  const subjectId = await createSubject(stack.db, cipher(), newEmail());
  await stack.db.dataSubject.update({ where: { id: subjectId }, data: { createdAt: new Date(now - ageMs) } });
  const id = randomUUID();
  await stack.db.dsrRequest.create({
    data: {
      id, subjectId, type: 'ACCESS', regime: 'CN_PIPL', channel: 'PORTAL', workflowId: `dsr-${id}`, receivedAt: new Date(now - ageMs),
      status: closedAgoMs === null ? 'AWAITING_VERIFICATION' : verified ? 'COMPLETED' : 'UNVERIFIABLE',
      verifiedAt: verified ? new Date(now - ageMs + HOUR) : null,
      closedAt: closedAgoMs === null ? null : new Date(now - closedAgoMs),
    },
  });
  await stack.db.auditEvent.create({ data: { requestId: id, actor: 'system', action: 'RECEIVED', details: { channel: 'PORTAL' } } });
  await stack.db.verificationChallenge.create({ data: { requestId: id, codeHash: 'h', expiresAt: new Date(now - ageMs + HOUR), maxAttempts: 5 } });
  return { subjectId, requestId: id };
}

async function staffSession(expiresInMs: number) {
  const staff = await stack.db.staffAccount.create({ data: { username: `retention-${randomUUID()}`, displayName: 'Retention test', role: 'agent' } });
  return stack.db.staffSession.create({ data: { id: randomUUID(), staffId: staff.id, csrfTokenHash: 'c', expiresAt: new Date(stack.now().getTime() + expiresInMs) } });
}

const subjectExists = async (id: string) => (await stack.db.dataSubject.count({ where: { id } })) === 1;
const requestExists = async (id: string) => (await stack.db.dsrRequest.count({ where: { id } })) === 1;

test('when the retention purge runs, then records past their period are gone with their audit, those within it stay, and the purge is recorded with counts only', async () => {
  const strangerPast = await subjectWithRequest((periods.strangersDays + 2) * DAY, (periods.strangersDays + 1) * DAY, false);
  const strangerWithin = await subjectWithRequest((periods.strangersDays + 2) * DAY, (periods.strangersDays - 1) * DAY, false);
  const strangerStillOpen = await subjectWithRequest((periods.strangersDays + 2) * DAY, null, false);
  const verified = await subjectWithRequest((periods.strangersDays + 2) * DAY, (periods.strangersDays + 1) * DAY, true);
  const closedPast = await subjectWithRequest((periods.closedRequestsDays + 10) * DAY, (periods.closedRequestsDays + 1) * DAY, true);
  const closedWithin = await subjectWithRequest((periods.closedRequestsDays + 10) * DAY, (periods.closedRequestsDays - 1) * DAY, true);
  const challengePast = await stack.db.verificationChallenge.create({ data: { requestId: strangerStillOpen.requestId, codeHash: 'h', expiresAt: new Date(stack.now().getTime() - (periods.challengesDays + 1) * DAY), maxAttempts: 5 } });
  const challengeWithin = await stack.db.verificationChallenge.create({ data: { requestId: strangerStillOpen.requestId, codeHash: 'h', expiresAt: new Date(stack.now().getTime() - (periods.challengesDays - 1) * DAY), maxAttempts: 5 } });
  const sessionExpired = await staffSession(-60_000);
  const sessionLive = await staffSession(HOUR);
  const before = (await stack.db.retentionPurge.aggregate({ _max: { id: true } }))._max.id ?? 0n;

  const handle = await stack.client.workflow.start<typeof retentionPurgeWorkflow>('retentionPurgeWorkflow', { taskQueue: stack.taskQueue, workflowId: `retention-${randomUUID()}` });
  try {
    const kinds: RetentionKind[] = ['STRANGERS', 'CHALLENGES', 'SESSIONS', 'CLOSED_REQUESTS', 'SUBJECTS_WITHOUT_REQUESTS'];
    const runs = await eventually(async () => {
      const rows = await stack.db.retentionPurge.findMany({ where: { id: { gt: before } } });
      return kinds.every((k) => rows.some((r) => r.kind === k)) && rows;
    }, 30_000);

    // A stranger past the period is gone with its request, challenges and audit trail.
    expect(await subjectExists(strangerPast.subjectId)).toBe(false);
    expect(await stack.db.auditEvent.count({ where: { requestId: strangerPast.requestId } })).toBe(0);
    expect(await stack.db.verificationChallenge.count({ where: { requestId: strangerPast.requestId } })).toBe(0);
    // Within the period, with a request still open, or verified: the subject and its request stay.
    for (const kept of [strangerWithin, strangerStillOpen, verified, closedWithin]) {
      expect(await subjectExists(kept.subjectId)).toBe(true);
      expect(await requestExists(kept.requestId)).toBe(true);
      expect(await stack.db.auditEvent.count({ where: { requestId: kept.requestId } })).toBe(1);
    }
    // A closed request past its period goes with its audit trail, and its subject left with nothing.
    expect(await requestExists(closedPast.requestId)).toBe(false);
    expect(await stack.db.auditEvent.count({ where: { requestId: closedPast.requestId } })).toBe(0);
    expect(await subjectExists(closedPast.subjectId)).toBe(false);
    // Challenges past their period go, recent ones stay; expired sessions go, live ones stay.
    expect(await stack.db.verificationChallenge.count({ where: { id: challengePast.id } })).toBe(0);
    expect(await stack.db.verificationChallenge.count({ where: { id: challengeWithin.id } })).toBe(1);
    expect(await stack.db.staffSession.count({ where: { id: sessionExpired.id } })).toBe(0);
    expect(await stack.db.staffSession.count({ where: { id: sessionLive.id } })).toBe(1);

    // The record of the purge: counts and cutoffs only (other files' rows in the shared database may add to the counts).
    const count = (k: RetentionKind) => runs.filter((r) => r.kind === k).reduce((n, r) => n + r.purged, 0);
    expect(count('STRANGERS')).toBeGreaterThanOrEqual(1);
    expect(count('CLOSED_REQUESTS')).toBeGreaterThanOrEqual(1);
    expect(count('SUBJECTS_WITHOUT_REQUESTS')).toBeGreaterThanOrEqual(1);
    // Challenges: the one past its period and the first challenges of the five requests that remained when they were purged.
    expect(count('CHALLENGES')).toBeGreaterThanOrEqual(6);
    expect(count('SESSIONS')).toBeGreaterThanOrEqual(1);
    const strangers = runs.find((r) => r.kind === 'STRANGERS')!;
    expect(strangers.cutoff.getTime()).toBeLessThanOrEqual(stack.now().getTime() - periods.strangersDays * DAY);
    expect(Object.keys(strangers).sort()).toEqual(['at', 'cutoff', 'id', 'kind', 'purged']);

    // The audit trail stays append-only outside the sanctioned purge.
    await expect(stack.db.auditEvent.deleteMany({ where: { requestId: verified.requestId } })).rejects.toThrow(/append-only/);
    await expect(stack.db.$queryRaw`SELECT retention_purge_request_audit(${closedWithin.requestId}::uuid, ${new Date(stack.now().getTime() - periods.closedRequestsDays * DAY)})`).rejects.toThrow(/refused/);
  } finally {
    await handle.terminate();
  }
});

/** A DRP agent's request: taken on under the engine request's id, or refused at intake `agoMs` ago. */
const drpRequest = (id: string, started: boolean, agoMs = 0) =>
  stack.db.drpRequest.create({
    data: { id, agentId: 'retention-agent', exercise: 'access', started, receivedAt: new Date(stack.now().getTime() - agoMs), ...(started ? {} : { deniedReason: 'unverifiable' }) },
  });
/** A processor call (with one attempt) under a request's workflow id or a one-off key, made `agoMs` ago. */
const processorCall = (requestKey: string, agoMs = 0) =>
  stack.db.processorCall.create({
    data: { store: 'retention-processor', requestKey, operation: 'erase', status: 'DONE', createdAt: new Date(stack.now().getTime() - agoMs), attempts: { create: {} } },
  });

test('when the retention purge runs, then DRP requests and processor calls go with their closed request, refusals and one-off calls go on the same period, and the consent register is left alone', async () => {
  const closedPast = await subjectWithRequest((periods.closedRequestsDays + 10) * DAY, (periods.closedRequestsDays + 1) * DAY, true);
  const closedWithin = await subjectWithRequest((periods.closedRequestsDays + 10) * DAY, (periods.closedRequestsDays - 1) * DAY, true);
  for (const r of [closedPast, closedWithin]) {
    await drpRequest(r.requestId, true);
    await processorCall(`dsr-${r.requestId}`);
  }
  const refusalPast = await drpRequest(randomUUID(), false, (periods.closedRequestsDays + 1) * DAY);
  const refusalWithin = await drpRequest(randomUUID(), false, (periods.closedRequestsDays - 1) * DAY);
  const directPast = await processorCall(`direct-${randomUUID()}`, (periods.closedRequestsDays + 1) * DAY);
  const directWithin = await processorCall(`direct-${randomUUID()}`, (periods.closedRequestsDays - 1) * DAY);
  // An old, withdrawn consent in the estate's register (a store, not the engine's record).
  const consentEmail = newEmail();
  const consent = await stack.db.processingConsent.create({ data: { email: consentEmail, purpose: 'marketing', status: 'withdrawn', grantedAt: new Date(stack.now().getTime() - (periods.closedRequestsDays + 10) * DAY) } });
  const before = (await stack.db.retentionPurge.aggregate({ _max: { id: true } }))._max.id ?? 0n;

  const handle = await stack.client.workflow.start<typeof retentionPurgeWorkflow>('retentionPurgeWorkflow', { taskQueue: stack.taskQueue, workflowId: `retention-${randomUUID()}` });
  try {
    const runs = await eventually(async () => {
      const rows = await stack.db.retentionPurge.findMany({ where: { id: { gt: before } } });
      return rows.some((r) => r.kind === 'DIRECT_PROCESSOR_CALLS') && rows;
    }, 30_000);

    // With the closed request past its period: its DRP request, its processor call and the call's attempts.
    expect(await requestExists(closedPast.requestId)).toBe(false);
    expect(await stack.db.drpRequest.count({ where: { id: closedPast.requestId } })).toBe(0);
    expect(await stack.db.processorCall.count({ where: { requestKey: `dsr-${closedPast.requestId}` } })).toBe(0);
    // Within its period, all of them stay.
    expect(await stack.db.drpRequest.count({ where: { id: closedWithin.requestId } })).toBe(1);
    const keptCall = await stack.db.processorCall.findFirstOrThrow({ where: { requestKey: `dsr-${closedWithin.requestId}` }, include: { attempts: true } });
    expect(keptCall.attempts).toHaveLength(1);
    // Refusals at intake and one-off calls: gone past the period, kept within it.
    expect(await stack.db.drpRequest.count({ where: { id: refusalPast.id } })).toBe(0);
    expect(await stack.db.drpRequest.count({ where: { id: refusalWithin.id } })).toBe(1);
    expect(await stack.db.processorCall.count({ where: { id: directPast.id } })).toBe(0);
    expect(await stack.db.processorCallAttempt.count({ where: { callId: directPast.id } })).toBe(0);
    expect(await stack.db.processorCall.count({ where: { id: directWithin.id } })).toBe(1);
    // The consent register is the estate's: untouched however old.
    expect(await stack.db.processingConsent.findUnique({ where: { id: consent.id } })).toMatchObject({ email: consentEmail, status: 'withdrawn' });

    // Recorded with counts and cutoffs only, at the closed requests' cutoff.
    for (const kind of ['DRP_REFUSALS', 'DIRECT_PROCESSOR_CALLS'] as const) {
      const run = runs.find((r) => r.kind === kind)!;
      expect(run.purged).toBeGreaterThanOrEqual(1);
      expect(run.cutoff.getTime()).toBeLessThanOrEqual(stack.now().getTime() - periods.closedRequestsDays * DAY);
    }
  } finally {
    await handle.terminate();
  }
});
