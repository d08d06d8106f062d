// The engine as the test stacks run it: built by app/engine.ts from a configuration like
// production's, over the test PostgreSQL database, a loopback SMTP catcher, the main
// database's stores and the test's own Temporal environment.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { buildEngine, type Engine, type EngineOptions } from '../../app/engine';
import { loopbackConfig } from '../../devtools/loopback-config';
import { startMailCatcher, type MailCatcher } from '../../devtools/mail-catcher';
import { TEST_ACCESS_PACKAGE_DIR } from './paths';

/** Where staff notices go (STAFF_MAIL_TO of devtools/loopback-config.ts). */
export const STAFF_MAILBOX = 'compliance@example.test';

export interface TestEngine {
  engine: Engine;
  mail: MailCatcher;
  close(): Promise<void>;
}

/** The test keyring as the environment spells it, and the pepper. */
export interface TestKeys {
  keySpec: string;
  keyId: string;
  identityPepper: string;
}

/** Starts the mail catcher and builds the engine on `env`'s Temporal; `close` stops the engine, then the catcher. */
export async function openTestEngine(env: TestWorkflowEnvironment, keys: TestKeys, taskQueue: string, options: EngineOptions = {}): Promise<TestEngine> {
  const mail = await startMailCatcher();
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
  const config = loopbackConfig({ databaseUrl, temporalAddress: env.address, taskQueue, smtpPort: mail.port, ...keys, accessPackageDir: TEST_ACCESS_PACKAGE_DIR });
  const engine = await buildEngine(config, {
    stores: 'main-database',
    temporal: { connection: env.connection, nativeConnection: env.nativeConnection },
    registerSearchAttributes: true,
    ...options,
    // Mails carry relative links, as the tests have always read them; erasures start without the
    // confirmation window unless a test sets one (test/workflows/erasure-window.test.ts).
    activityOverrides: { publicUrl: undefined, deletionConfirmationWindowMs: 0, ...options.activityOverrides },
  });
  return {
    engine,
    mail,
    async close() {
      await engine.stop();
      await mail.close();
    },
  };
}
