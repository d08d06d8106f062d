// The HTTP server on real Temporal, PostgreSQL and SMTP, with the worker started only when the
// test says so: what staff see between the intake's 202 and the workflow's first activity,
// a moment that is short on an idle machine and seconds long on a busy one.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/prisma';
import type { MailCatcher } from '../../devtools/mail-catcher';
import { createDsrWorker } from '../../worker';
import { TEMPORAL_TEST_SERVER } from './paths';
import { testSecrets } from './test-keys';
import { openTestEngine } from './test-engine';

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
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TEMPORAL_TEST_SERVER } } });
  const { engine, mail, close } = await openTestEngine(env, testSecrets(), `dsr-intake-${randomUUID()}`, {
    http: { host: '127.0.0.1', port: 0, rateLimits: { submission: UNLIMITED, verification: UNLIMITED, staffSignIn: UNLIMITED }, rateLimitScope: `intake-${randomUUID()}` },
  });
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  return {
    baseUrl: engine.baseUrl as string,
    db: engine.services.db,
    mail,
    async startWorker() {
      // The engine's own worker, started late: the same dependencies it would have run with.
      const { namespace, taskQueue } = engine.config.temporal;
      worker = await createDsrWorker({ connection: env.nativeConnection, namespace, taskQueue, deps: engine.activityDeps, keyring: engine.services.keyring });
      running = worker.run();
    },
    async close() {
      worker?.shutdown();
      await running;
      await close();
      await env.teardown();
    },
  };
}
