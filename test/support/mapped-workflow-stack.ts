// The request workflow on the time-skipping test server with the registry built from a data
// map, as the product builds it: stores given connections are searched, the others are NOT
// connected (e.g. redis-sessions without REDIS_URL; crm-processor and paper-archive of the
// example map, mapWithExampleStores) and every request must account for them. The main
// database's declared stores are always connected, the marketing database's when asked. Kept beside workflow-stack.ts rather than in it,
// which builds its registry without a map.
import { bundleRequestWorkflows } from '../../temporal/workflow-bundle';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { Client, type WorkflowHandle } from '@temporalio/client';
import { staffAssertionKey } from '../../crypto/staff-assertion';
import { staffSigningInterceptor } from './staff-signing';
import { randomUUID } from 'node:crypto';
import type { ActivityDeps } from '../../activities';
import { buildActivityDeps, type StoreConnections } from '../../app/activity-deps';
import { hashIdentity } from '../../crypto/identity-hash';
import type { FieldCipher } from '../../crypto/field-cipher';
import type { Db } from '../../db/prisma';
import type { MailCatcher } from '../../devtools/mail-catcher';
import type { RequestType } from '../../domain/request-kinds';
import { loadDataMap, type DataMap } from '../../stores/data-map/validate';
import { closeDeclaredSql, declaredSqlConnections } from '../../stores/sql/connections';
import { ensureMarketingSchemaAt } from '../../devtools/estate/marketing-schema';
import { createDsrWorker } from '../../worker';
import type { dsrRequestWorkflow } from '../../workflows/dsr-request';
import { type DsrWorkflowInput, workflowIdFor } from '../../workflows/messages';
import { REPLAY_KEY_ID, REPLAY_KEY_SPEC } from '../fixtures/replay-keyring';
import { TEMPORAL_TEST_SERVER, TEST_ACCESS_PACKAGE_DIR } from './paths';
import { openTestEngine, STAFF_MAILBOX } from './test-engine';
import { testSecrets } from './test-keys';

export interface MappedWorkflowStack {
  db: Db;
  mail: MailCatcher;
  cipher: FieldCipher;
  deps: ActivityDeps;
  /** Starts a request of the given type for the address, attested by an agent. */
  start(type: RequestType, email: string): Promise<{ requestId: string; handle: WorkflowHandle<typeof dsrRequestWorkflow> }>;
  close(): Promise<void>;
}

/** Starts the stack over a data map (the shipped one by default) with only the given optional
 *  connections, plus the marketing database's when `marketing` is set. */
export async function startMappedWorkflowStack(connections: StoreConnections, opts: { map?: DataMap; marketing?: boolean } = {}): Promise<MappedWorkflowStack> {
  const map = opts.map ?? loadDataMap();
  const marketingUrl = process.env.MARKETING_DATABASE_URL;
  if (opts.marketing && !marketingUrl) throw new Error('MARKETING_DATABASE_URL is not set: run the tests with `npm test`.');
  if (opts.marketing && marketingUrl) await ensureMarketingSchemaAt(marketingUrl);
  const marketing = opts.marketing && marketingUrl ? declaredSqlConnections({ stores: map.stores.filter((s) => s.sql?.connection === 'MARKETING_DATABASE_URL') }, { MARKETING_DATABASE_URL: marketingUrl }) : [];
  const { identityPepper } = testSecrets();
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TEMPORAL_TEST_SERVER } } });
  const taskQueue = `dsr-mapped-${randomUUID()}`;
  // The engine without its worker: this stack's worker runs over the map's registry instead.
  const keys = { keySpec: REPLAY_KEY_SPEC, keyId: REPLAY_KEY_ID, identityPepper };
  const { engine, mail, close } = await openTestEngine(env, keys, taskQueue);
  const { db, cipher, mailer, keyring } = engine.services;
  // Signs staff actions as the API does (test/support/staff-signing.ts).
  const client = new Client({
    connection: engine.client.connection,
    namespace: engine.client.options.namespace,
    dataConverter: engine.client.options.dataConverter,
    interceptors: { workflow: [staffSigningInterceptor(identityPepper, () => new Date())] },
  });
  const deps = buildActivityDeps({ db, mailer, cipher, staffMailTo: STAFF_MAILBOX, staffAssertionKey: staffAssertionKey(identityPepper), accessPackageDir: TEST_ACCESS_PACKAGE_DIR, connections: { ...connections, sqlStores: [...engine.services.declaredSql, ...marketing] }, dataMap: map });
  const workflowBundle = await bundleRequestWorkflows();
  const worker: Worker = await createDsrWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue, deps, keyring, workflowBundle });
  const running = worker.run();
  return {
    db,
    mail,
    cipher,
    deps,
    async start(type, email) {
      const requestId = randomUUID();
      const input: DsrWorkflowInput = {
        requestId,
        type,
        regime: 'CN_PIPL',
        channel: 'PHONE',
        language: 'en',
        receivedAt: new Date().toISOString(),
        subject: { emailHash: hashIdentity(identityPepper, email), emailEncrypted: cipher.encrypt(email, 'DataSubject.emailEncrypted') },
        attestation: { staffId: 'agent-1', evidenceNote: 'ID card checked in person' },
      };
      const handle = await client.workflow.start<typeof dsrRequestWorkflow>('dsrRequestWorkflow', { taskQueue, workflowId: workflowIdFor(requestId), args: [input] });
      return { requestId, handle };
    },
    async close() {
      worker.shutdown();
      await running;
      await close();
      await closeDeclaredSql(marketing);
      await env.teardown();
    },
  };
}
