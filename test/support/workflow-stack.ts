// The request workflow on Temporal's time-skipping test server, with the real activities
// over the test PostgreSQL database and a loopback SMTP catcher: days pass in seconds.
import type { EngineOptions } from '../../app/engine';
import { bundleRequestWorkflows } from '../../temporal/workflow-bundle';
import type { MailCatcher } from '../../devtools/mail-catcher';
import { openTestEngine, STAFF_MAILBOX } from './test-engine';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { Client, type WorkflowHandle, WithStartWorkflowOperation } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { hashIdentity } from '../../crypto/identity-hash';
import { furtherIdentities } from '../../server/intake-identities';
import type { Db } from '../../db/prisma';
import type { RequestType } from '../../domain/request-kinds';
import type { LoadedProfile } from '../../config/controller-profile';
import type { DataStore } from '../../stores/data-store';
import type { dsrRequestWorkflow } from '../../workflows/dsr-request';
import { type DsrStatus, type DsrWorkflowInput, OPEN_ATTESTED, workflowIdFor } from '../../workflows/messages';
import { signStaffAssertion, staffAssertionKey } from '../../crypto/staff-assertion';
import { TEMPORAL_TEST_SERVER } from './paths';
import { testSecrets } from './test-keys';
import { REPLAY_KEY_ID, REPLAY_KEY_SPEC } from '../fixtures/replay-keyring';
import { recordHistories } from './record-histories';
import { startTestClock } from './test-clock';
import { staffSigningInterceptor } from './staff-signing';

export { STAFF_MAILBOX };

export interface WorkflowStack {
  env: TestWorkflowEnvironment;
  client: Client;
  /** A client with the payload keys that does not sign staff actions. */
  unsignedClient: Client;
  db: Db;
  mail: MailCatcher;
  /** The worker's task queue, for workflows a test starts itself. */
  taskQueue: string;
  /** The activities' clock: real time, or DSR_TEST_NOW onwards (test/support/test-clock.ts). */
  now(): Date;
  /** Starts a request for a fresh subject (with a customer account) and returns its handle. */
  /** `unsigned`: started by a caller without the API's signer (an attestation then carries no assertion);
   *  `attestedRole`: the attestation signed as the API signs it for that role (e.g. 'authorized-agent');
   *  `phone`, `accountId`: further identities, checked, hashed and encrypted as intake does;
   *  `withUpdate`: the update goes with the start (update-with-start), so the run's first workflow task
   *  takes it before any step: the only way to act on a request still RECEIVED now that the automatic
   *  steps run as local activities in that task; its answer is `firstAnswer`. */
  start(
    opts?: Partial<Pick<DsrWorkflowInput, 'type' | 'regime' | 'attestation' | 'corrections' | 'manage' | 'minor' | 'channel' | 'portabilityRecipient'>> & {
      email?: string;
      unsigned?: boolean;
      attestedRole?: string;
      phone?: string;
      accountId?: string;
      withUpdate?: { update: UpdateDefinition<DsrStatus, [any]>; arg: unknown };
    },
  ): Promise<StartedRequest & { firstAnswer?: DsrStatus }>;
  /** The identity pepper the API and worker share here (staff assertions are keyed from it). */
  pepper: string;
  close(): Promise<void>;
}

export interface StartedRequest {
  requestId: string;
  email: string;
  handle: WorkflowHandle<typeof dsrRequestWorkflow>;
}

let bundle: WorkflowBundleWithSourceMap | undefined;

/** Starts the stack; `extraStores` are added to the real ones (e.g. a failing processor). */
/** `options.profile`: the controller profile the activities use (the example profile when unset). */
export async function startWorkflowStack(
  extraStores: DataStore[] = [],
  options: { profile?: LoadedProfile; activityOverrides?: EngineOptions['activityOverrides'] } = {},
): Promise<WorkflowStack> {
  const { identityPepper } = testSecrets();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: TEMPORAL_TEST_SERVER } },
  });
  const clock = await startTestClock(env);
  bundle ??= await bundleRequestWorkflows();
  // The replay key, so that the histories recorded here can be decrypted by the replay test.
  const keys = { keySpec: REPLAY_KEY_SPEC, keyId: REPLAY_KEY_ID, identityPepper };
  const { engine, mail, close } = await openTestEngine(env, keys, `dsr-wf-${randomUUID()}`, { worker: { workflowBundle: bundle }, clock, extraStores, profile: options.profile, activityOverrides: options.activityOverrides });
  const { db, cipher } = engine.services;
  // The stack's client signs staff actions as the API does; `unsignedClient` is a caller who
  // reaches the namespace with the payload keys but without the API (forgery tests).
  const unsignedClient = engine.client;
  const client = new Client({
    connection: unsignedClient.connection,
    namespace: unsignedClient.options.namespace,
    dataConverter: unsignedClient.options.dataConverter,
    interceptors: { workflow: [staffSigningInterceptor(identityPepper, clock)] },
  });
  const { taskQueue } = engine.config.temporal;
  const started: StartedRequest[] = [];

  return {
    env,
    client,
    unsignedClient,
    pepper: identityPepper,
    db,
    mail,
    taskQueue,
    now: clock,
    async start(opts = {}) {
      const email = opts.email ?? `wf-${randomUUID()}@example.org`;
      if (!opts.email) await db.customerAccount.create({ data: { email, fullName: 'Wang Fang', phone: '+86 139 0000 0001', plan: 'basic' } });
      const requestId = randomUUID();
      const input: DsrWorkflowInput = {
        requestId,
        type: (opts.type ?? 'ACCESS') as RequestType,
        regime: opts.regime ?? 'CN_PIPL',
        channel: opts.channel ?? (opts.attestation ? 'PHONE' : 'PORTAL'),
        language: 'en',
        receivedAt: clock().toISOString(),
        subject: { emailHash: hashIdentity(identityPepper, email), emailEncrypted: cipher.encrypt(email, 'DataSubject.emailEncrypted'), ...furtherIdentities(identityPepper, cipher, opts) },
        attestation:
          opts.attestation && opts.attestedRole
            ? { ...opts.attestation, assertion: signStaffAssertion(staffAssertionKey(identityPepper), { requestId, action: OPEN_ATTESTED, staffId: opts.attestation.staffId, role: opts.attestedRole }, clock()) }
            : opts.attestation,
        corrections: opts.corrections,
        ...(opts.manage && { manage: opts.manage }),
        ...(opts.minor && { minor: opts.minor }),
        ...(opts.portabilityRecipient && { portabilityRecipient: opts.portabilityRecipient }),
      };
      const caller = opts.unsigned ? unsignedClient : client;
      const startOptions = { taskQueue, workflowId: workflowIdFor(requestId), args: [input] as [DsrWorkflowInput] };
      if (opts.withUpdate) {
        const operation = new WithStartWorkflowOperation<typeof dsrRequestWorkflow>('dsrRequestWorkflow', { ...startOptions, workflowIdConflictPolicy: 'FAIL' });
        const firstAnswer = await caller.workflow.executeUpdateWithStart(opts.withUpdate.update as UpdateDefinition<DsrStatus, [unknown]>, { args: [opts.withUpdate.arg], startWorkflowOperation: operation });
        const handle = await operation.workflowHandle();
        started.push({ requestId, email, handle });
        return { requestId, email, handle, firstAnswer };
      }
      const handle = await caller.workflow.start<typeof dsrRequestWorkflow>('dsrRequestWorkflow', startOptions);
      started.push({ requestId, email, handle });
      return { requestId, email, handle };
    },
    async close() {
      await recordHistories(started.map((s) => s.handle));
      await close();
      await env.teardown();
    },
  };
}
