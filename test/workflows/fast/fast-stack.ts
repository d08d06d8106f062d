// The fast tier of the workflow tests: the real request workflow on the real time-skipping
// server, with every activity a jest.fn whose answer each test sets. No database, mail or
// store is involved, so a test shows one branch of the procedure (which activities it called,
// which status it ended in, how an update is refused) in a second or two. The slow tier
// (test/workflows/*.test.ts) runs the same paths with the real activities.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { createActivities } from '../../../activities';
import type { Assessment } from '../../../activities/assessment';
import type { IntakeResult } from '../../../activities/deadlines';
import type { StoreOutcome } from '../../../domain/fulfilment';
import type { RequestType } from '../../../domain/request-kinds';
import { encryptedDataConverter } from '../../../temporal/data-converter';
import { bundleRequestWorkflows } from '../../../temporal/workflow-bundle';
import { registerSearchAttributes } from '../../../temporal/search-attributes';
import { type DeadlinePlan, type DsrStatus, type DsrWorkflowInput, OPEN_ATTESTED, statusQuery } from '../../../workflows/messages';
import { REPLAY_KEYRING } from '../../fixtures/replay-keyring';
import { TEMPORAL_TEST_SERVER } from '../../support/paths';
import { recordHistories } from '../../support/record-histories';

type Activities = ReturnType<typeof createActivities>;
/** Every activity as a jest.fn of its own signature. */
export type FakeActivities = { [K in keyof Activities]: jest.Mock<ReturnType<Activities[K]>, Parameters<Activities[K]>> };

const DAY = 86_400_000;

/** A plan due in `days` with no alert before it and one extension that may be given at any
 *  time: the time-skipping server's clock runs ahead of this process's, so no limit in
 *  real time would mean anything to the workflow. */
export function planDueIn(days: number, from = Date.now()): DeadlinePlan {
  const due = new Date(from + days * DAY);
  return { dueAt: due.toISOString(), dueDate: due.toISOString().slice(0, 10), basis: 'test plan', alerts: [], extensionsLeft: 1, extendBy: null };
}

/** An assessment that lets the request go on: no duplicate, no fee, nothing excessive. */
export const PLAIN_ASSESSMENT: Assessment = { duplicateOf: null, supersedes: [], earlierInWindow: 0, fee: null, excessive: false, excessiveFee: null, exemptionGrounds: [] };

function outcomeOf(store: string): StoreOutcome {
  return { store, located: { contact: 1 }, processed: 1, retained: [], settledBy: 'ENGINE' };
}

/** The activities of a request that goes straight through: one store, nothing to decide. */
export function fakeActivities(): FakeActivities {
  const intake: IntakeResult = { plan: planDueIn(30), acknowledge: false, verificationWindowMs: 7 * DAY, feeResponseWindowMs: 14 * DAY };
  const fakes: Activities = {
    registerRequest: async () => undefined,
    recordTransition: async () => undefined,
    sendVerificationCode: async () => undefined,
    checkVerificationCode: async () => ({ outcome: 'VERIFIED', attemptsLeft: 4 }),
    announceErasure: async () => ({ windowMs: DAY }),
    planIntake: async () => intake,
    openRequest: async () => intake,
    startClock: async () => planDueIn(30),
    startClockAndAssess: async () => ({ plan: planDueIn(30), assessment: PLAIN_ASSESSMENT }),
    pauseClock: async () => planDueIn(40),
    extendDeadline: async () => planDueIn(60),
    assessRequest: async () => PLAIN_ASSESSMENT,
    confirmSupersession: async () => true,
    recordDecision: async () => undefined,
    recordOutcome: async () => undefined,
    planFulfilment: async () => ['customer-accounts'],
    beginFulfilment: async () => ({ stores: [], manual: [] }),
    fulfilStore: async ({ store }) => outcomeOf(store),
    openManualTasks: async () => [],
    completeManualTask: async ({ store }) => outcomeOf(store),
    markStoreFailed: async () => undefined,
    markStoreRetrying: async () => undefined,
    settleStoreByHand: async ({ store }) => outcomeOf(store),
    notifySubject: async () => undefined,
    sendSubjectNotice: async () => undefined,
    alertStaff: async () => undefined,
    sendFinalReply: async () => undefined,
    sendPackageToRecipient: async () => ({ state: 'ACKNOWLEDGED', acknowledgedAt: null }),
    sendUnverifiableNotice: async () => undefined,
    purgeExpiredAccessPackages: async () => ({ purged: 0 }),
    purgeStrangerSubjects: async () => ({ purged: 0 }),
    purgeVerificationChallenges: async () => ({ purged: 0 }),
    purgeExpiredSessions: async () => ({ purged: 0 }),
    purgeClosedRequests: async () => ({ requests: 0, subjects: 0 }),
    postDrpStatusCallback: async () => undefined,
    verifyStaffAssertion: async () => ({ ok: true, role: 'compliance' }),
    // Closures in the fast tier have no cooling-off: the account system is not consulted.
    beginAccountClosure: async () => ({ applies: false, refused: [], coolingOffMs: 0 }),
    notifyClosureCancelled: async () => undefined,
  };
  const mocks = Object.fromEntries(Object.entries(fakes).map(([name, impl]) => [name, jest.fn(impl as never)])) as unknown as FakeActivities;
  // The folded steps (workflows/acts.ts FOLDED_PATCH) do what the separate steps did, so their
  // fakes call those steps' fakes: a test sets an answer (an assessment, a refused assertion)
  // in one place, whichever path the workflow takes.
  mocks.openRequest.mockImplementation(async (input, check) => {
    const opened = await mocks.planIntake({ requestId: input.requestId });
    if (!check?.attestation || !input.attestation) return opened;
    const { staffId, assertion, evidenceNote } = input.attestation;
    const proof = await mocks.verifyStaffAssertion({ requestId: input.requestId, action: OPEN_ATTESTED, staffId, assertion });
    if (!proof.ok) return { ...opened, attestation: { proven: false } };
    await mocks.recordDecision({ requestId: input.requestId, actor: `staff:${staffId}`, action: 'IDENTITY_ATTESTED', reason: evidenceNote, eventKey: `${input.requestId}:attested` });
    return { ...opened, attestation: { proven: true, role: proof.role } };
  });
  mocks.startClockAndAssess.mockImplementation(async (a) => ({ plan: await mocks.startClock(a), assessment: await mocks.assessRequest({ requestId: a.requestId }) }));
  mocks.beginFulfilment.mockImplementation(async ({ requestId, move }) => {
    await mocks.recordTransition(move);
    const stores = await mocks.planFulfilment({ requestId });
    return { stores, manual: await mocks.openManualTasks({ requestId, stores }) };
  });
  return mocks;
}

export interface FastStack {
  env: TestWorkflowEnvironment;
  /** Starts a request on a worker whose activities are `acts` (fresh fakes unless given). */
  start(opts?: { type?: RequestType; attestation?: DsrWorkflowInput['attestation']; drpStatusCallback?: boolean; acts?: FakeActivities }): Promise<{ handle: WorkflowHandle; acts: FakeActivities }>;
  close(): Promise<void>;
}

let bundle: WorkflowBundleWithSourceMap | undefined;

/** One time-skipping server for a test file; each request runs on a worker of its own fakes. */
export async function startFastStack(): Promise<FastStack> {
  // Payloads encrypted with the replay key, as in production: the histories recorded here
  // (RECORD_HISTORIES) replay in the replay test like those of the slow tier.
  const dataConverter = encryptedDataConverter(REPLAY_KEYRING);
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TEMPORAL_TEST_SERVER } }, client: { dataConverter } });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  bundle ??= await bundleRequestWorkflows();
  const workers: Array<{ worker: Worker; running: Promise<void> }> = [];
  const handles: WorkflowHandle[] = [];
  return {
    env,
    async start(opts = {}) {
      const acts = opts.acts ?? fakeActivities();
      const taskQueue = `fast-${randomUUID()}`;
      const worker = await Worker.create({ connection: env.nativeConnection, namespace: env.namespace, taskQueue, workflowBundle: bundle!, activities: acts, dataConverter });
      workers.push({ worker, running: worker.run() });
      const requestId = randomUUID();
      const input: DsrWorkflowInput = {
        requestId,
        type: opts.type ?? 'ACCESS',
        regime: 'CN_PIPL',
        channel: opts.attestation ? 'PHONE' : 'PORTAL',
        language: 'en',
        receivedAt: new Date().toISOString(),
        subject: { emailHash: 'hash', emailEncrypted: 'ciphertext' },
        attestation: opts.attestation,
        ...(opts.drpStatusCallback && { drpStatusCallback: true }),
      };
      const handle = await env.client.workflow.start('dsrRequestWorkflow', { taskQueue, workflowId: `dsr-${requestId}`, args: [input] });
      handles.push(handle);
      return { handle, acts };
    },
    async close() {
      await recordHistories(handles);
      for (const { worker } of workers) worker.shutdown();
      await Promise.all(workers.map((w) => w.running));
      await env.teardown();
    },
  };
}

/** Polls the status query (queries do not skip time) until the request is in `status`. */
export async function untilStatus(handle: WorkflowHandle, status: DsrStatus['status']): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if ((await handle.query(statusQuery)).status === status) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never reached ${status}; last ${(await handle.query(statusQuery)).status}`);
}
