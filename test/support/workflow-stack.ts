// The request workflow on Temporal's time-skipping test server, with the real activities
// over the test PostgreSQL database and a loopback SMTP catcher: days pass in seconds.
import type { MailCatcher } from '../../devtools/mail-catcher';
import { openTestServices } from './test-services';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, type Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import type { ActivityDeps } from '../../activities';
import { hashIdentity } from '../../crypto/identity-hash';
import type { Db } from '../../db/prisma';
import type { RequestType } from '../../domain/request-kinds';
import { buildActivityDeps } from '../../app/activity-deps';
import type { LoadedProfile } from '../../config/controller-profile';
import type { DataStore } from '../../stores/data-store';
import { encryptedDataConverter } from '../../temporal/data-converter';
import { createDsrWorker } from '../../worker';
import type { dsrRequestWorkflow } from '../../workflows/dsr-request';
import { type DsrWorkflowInput, workflowIdFor } from '../../workflows/messages';
import { TEMPORAL_TEST_SERVER, TEST_ACCESS_PACKAGE_DIR } from './paths';
import { testSecrets } from './test-keys';
import { REPLAY_KEYRING } from '../fixtures/replay-keyring';
import { recordHistories } from './record-histories';
import { statusTokenKey } from '../../crypto/status-token';
import { startTestClock } from './test-clock';

export const STAFF_MAILBOX = 'compliance@example.test';

export interface WorkflowStack {
  env: TestWorkflowEnvironment;
  client: Client;
  db: Db;
  mail: MailCatcher;
  /** The worker's task queue, for workflows a test starts itself. */
  taskQueue: string;
  /** The activities' clock: real time, or DSR_TEST_NOW onwards (test/support/test-clock.ts). */
  now(): Date;
  /** Starts a request for a fresh subject (with a customer account) and returns its handle. */
  start(opts?: Partial<Pick<DsrWorkflowInput, 'type' | 'regime' | 'attestation' | 'corrections'>> & { email?: string }): Promise<StartedRequest>;
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
export async function startWorkflowStack(extraStores: DataStore[] = [], options: { profile?: LoadedProfile } = {}): Promise<WorkflowStack> {
  const { identityPepper } = testSecrets();
  const keyring = REPLAY_KEYRING;
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: TEMPORAL_TEST_SERVER } },
  });
  const clock = await startTestClock(env);
  const services = await openTestServices(env.connection, keyring);
  const { mail, db, cipher, mailer } = services;
  const taskQueue = `dsr-wf-${randomUUID()}`;
  const deps: ActivityDeps = {
    ...buildActivityDeps({ clock, db, mailer, cipher, staffMailTo: STAFF_MAILBOX, extraStores, accessPackageDir: TEST_ACCESS_PACKAGE_DIR, statusLinkKey: statusTokenKey(identityPepper) }),
    profile: options.profile,
  };
  bundle ??= await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: new DefaultLogger('WARN') });
  const started: StartedRequest[] = [];
  const worker: Worker = await createDsrWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue, deps, keyring, workflowBundle: bundle });
  const running = worker.run();
  const client = new Client({ connection: env.connection, namespace: 'default', dataConverter: encryptedDataConverter(keyring) });

  return {
    env,
    client,
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
        channel: opts.attestation ? 'PHONE' : 'PORTAL',
        language: 'en',
        receivedAt: clock().toISOString(),
        subject: { emailHash: hashIdentity(identityPepper, email), emailEncrypted: cipher.encrypt(email) },
        attestation: opts.attestation,
        corrections: opts.corrections,
      };
      const handle = await client.workflow.start<typeof dsrRequestWorkflow>('dsrRequestWorkflow', { taskQueue, workflowId: workflowIdFor(requestId), args: [input] });
      started.push({ requestId, email, handle });
      return { requestId, email, handle };
    },
    async close() {
      await recordHistories(started.map((s) => s.handle));
      worker.shutdown();
      await running;
      await services.close();
      await env.teardown();
    },
  };
}
