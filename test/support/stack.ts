// The whole product on real services for end-to-end tests: Temporal dev server, the test
// PostgreSQL database, a loopback SMTP catcher, the worker and the HTTP server on port 0.
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { ActivityDeps } from '../../activities';
import { createFieldCipher } from '../../crypto/field-cipher';
import type { Keyring } from '../../crypto/keyring';
import type { Db } from '../../db/prisma';
import { startMailCatcher, type MailCatcher } from '../../devtools/mail-catcher';
import { createSmtpMailer } from '../../mail/mailer';
import { buildActivityDeps } from '../../app/activity-deps';
import { buildApp, startWebServer } from '../../server/app';
import { encryptedDataConverter } from '../../temporal/data-converter';
import { registerSearchAttributes } from '../../temporal/search-attributes';
import { createDsrWorker } from '../../worker';
import { testDb } from './database';
import { TEMPORAL_CLI } from './paths';
import { testSecrets } from './test-keys';

export interface Stack {
  baseUrl: string;
  mail: MailCatcher;
  db: Db;
  client: Client;
  keyring: Keyring;
  /** The server's pepper, so tests can mint status tokens the server would issue (e.g. already expired). */
  identityPepper: string;
  env: TestWorkflowEnvironment;
  close(): Promise<void>;
}

/** Starts every real part; `close` stops them in reverse order. */
export async function startStack(overrides: Partial<ActivityDeps> = {}): Promise<Stack> {
  const { keyring, identityPepper } = testSecrets();
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: TEMPORAL_CLI } },
  });
  await registerSearchAttributes(env.connection, 'default');
  const mail = await startMailCatcher();
  const db = testDb();
  const cipher = createFieldCipher(keyring);
  const mailer = createSmtpMailer({ host: '127.0.0.1', port: mail.port, secure: false, from: 'Privacy Office <privacy@example.com>' });
  const taskQueue = `dsr-test-${randomUUID()}`;
  const deps: ActivityDeps = { ...buildActivityDeps({ db, mailer, cipher, staffMailTo: 'compliance@example.test' }), ...overrides };
  const worker: Worker = await createDsrWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue, deps, keyring });
  const running = worker.run();
  const client = new Client({ connection: env.connection, namespace: 'default', dataConverter: encryptedDataConverter(keyring) });
  const app = await buildApp({
    temporal: client,
    taskQueue,
    db,
    cipher,
    identityPepper,
    clock: () => new Date(),
  });
  const baseUrl = await startWebServer(app, '127.0.0.1', 0);
  return {
    baseUrl,
    mail,
    db,
    client,
    keyring,
    identityPepper,
    env,
    async close() {
      await app.close();
      worker.shutdown();
      await running;
      mailer.close();
      await mail.close();
      await db.$disconnect();
      await env.teardown();
    },
  };
}
