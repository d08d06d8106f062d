// The HTTP server on real Temporal, PostgreSQL and SMTP, with the worker started only when the
// test says so: what staff see between the intake's 202 and the workflow's first activity,
// a moment that is short on an idle machine and seconds long on a busy one.
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { buildActivityDeps } from '../../app/activity-deps';
import { statusTokenKey } from '../../crypto/status-token';
import type { Db } from '../../db/prisma';
import type { MailCatcher } from '../../devtools/mail-catcher';
import { buildApp, startWebServer } from '../../server/app';
import { loadDataMap } from '../../stores/data-map/validate';
import { encryptedDataConverter } from '../../temporal/data-converter';
import { createDsrWorker } from '../../worker';
import { TEMPORAL_TEST_SERVER, TEST_ACCESS_PACKAGE_DIR } from './paths';
import { testSecrets } from './test-keys';
import { openTestServices } from './test-services';

export interface IntakeStack {
  baseUrl: string;
  db: Db;
  mail: MailCatcher;
  /** Starts the worker, which then runs the workflows started so far. */
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

const UNLIMITED = { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 };

/** Starts Temporal, the services and the HTTP server, without a worker. */
export async function startIntakeStack(): Promise<IntakeStack> {
  const { keyring, identityPepper } = testSecrets();
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TEMPORAL_TEST_SERVER } } });
  const services = await openTestServices(env.connection, keyring);
  const { mail, db, cipher, mailer } = services;
  const taskQueue = `dsr-intake-${randomUUID()}`;
  const deps = buildActivityDeps({ db, mailer, cipher, staffMailTo: 'compliance@example.test', accessPackageDir: TEST_ACCESS_PACKAGE_DIR, statusLinkKey: statusTokenKey(identityPepper) });
  const client = new Client({ connection: env.connection, namespace: 'default', dataConverter: encryptedDataConverter(keyring) });
  const app = await buildApp(
    {
      temporal: client,
      taskQueue,
      db,
      cipher,
      identityPepper,
      clock: () => new Date(),
      rateLimits: { submission: UNLIMITED, verification: UNLIMITED, staffSignIn: UNLIMITED },
      dataMap: { map: loadDataMap(), connected: deps.stores.all() },
    },
    { logger: false },
  );
  const baseUrl = await startWebServer(app, '127.0.0.1', 0);
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  return {
    baseUrl,
    db,
    mail,
    async startWorker() {
      worker = await createDsrWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue, deps, keyring });
      running = worker.run();
    },
    async close() {
      await app.close();
      worker?.shutdown();
      await running;
      await services.close();
      await env.teardown();
    },
  };
}
