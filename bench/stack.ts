// The product's real parts for the benchmark, in this process: the Temporal dev server,
// the bench database, a loopback SMTP catcher, the request worker, the HTTP server (rate
// limits lifted), and beside them a worker for the baseline workflow on its own task queue.
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { buildEngine } from '../app/engine';
import type { FieldCipher } from '../crypto/field-cipher';
import type { Db } from '../db/prisma';
import { loopbackConfig } from '../devtools/loopback-config';
import { startMailCatcher, type MailCatcher } from '../devtools/mail-catcher';
import * as baselineActivities from './baseline-activities';

const TEMPORAL_CLI = path.resolve(__dirname, '../.tools/temporal/bin/temporal');
// Every bench client calls from 127.0.0.1: no limit may answer 429 in the server's place.
const UNLIMITED = { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 };

export interface BenchStack {
  databaseUrl: string;
  /** host:port of the Temporal dev server, for worker processes. */
  temporalAddress: string;
  /** The keyring as DSR_ENCRYPTION_KEYS spells it, with its current key id, for worker processes. */
  keys: { spec: string; currentKeyId: string };
  /** The HTTP API, e.g. http://127.0.0.1:40123. */
  baseUrl: string;
  db: Db;
  mail: MailCatcher;
  cipher: FieldCipher;
  identityPepper: string;
  /** Client with the product's encrypting data converter, for the request workflows. */
  client: Client;
  /** Client with the default converter, for the baseline workflow. */
  bareClient: Client;
  taskQueue: string;
  baselineTaskQueue: string;
  /** Stops the request worker in this process, so that a worker process of its own serves
   *  `taskQueue` from then on (the portal section: the server's latency without a worker beside it). */
  stopInProcessWorker(): Promise<void>;
  close(): Promise<void>;
}

/** Starts every part; `close` stops them in reverse order. */
export async function startBenchStack(databaseUrl: string): Promise<BenchStack> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const keys = { spec: `bench-key:${randomBytes(32).toString('base64')}`, currentKeyId: 'bench-key' };
  const identityPepper = randomBytes(16).toString('hex');
  const env = await TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path: TEMPORAL_CLI } } });
  const mail = await startMailCatcher(0);
  const taskQueue = `dsr-bench-${randomUUID()}`;
  const baselineTaskQueue = `baseline-bench-${randomUUID()}`;
  const config = loopbackConfig({ databaseUrl, temporalAddress: env.address, taskQueue, smtpPort: mail.port, keySpec: keys.spec, keyId: keys.currentKeyId, identityPepper });
  const engine = await buildEngine(config, {
    stores: 'main-database',
    temporal: { connection: env.connection, nativeConnection: env.nativeConnection },
    registerSearchAttributes: true,
    worker: true,
    http: { host: '127.0.0.1', port: 0, rateLimits: { submission: UNLIMITED, verification: UNLIMITED, staffSignIn: UNLIMITED } },
  });
  const baselineWorker = await Worker.create({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue: baselineTaskQueue,
    workflowsPath: require.resolve('./baseline-workflow'),
    activities: baselineActivities,
  });
  const baselineRunning = baselineWorker.run();
  const bareClient = new Client({ connection: env.connection, namespace: 'default' });
  const { db, cipher } = engine.services;
  const client = engine.client;
  const baseUrl = engine.baseUrl as string;
  return {
    databaseUrl,
    temporalAddress: env.address,
    keys,
    baseUrl,
    db,
    mail,
    cipher,
    identityPepper,
    client,
    bareClient,
    taskQueue,
    baselineTaskQueue,
    async stopInProcessWorker() {
      if (engine.worker?.getState() === 'RUNNING') engine.worker.shutdown();
      await engine.workerDone?.catch(() => undefined);
    },
    async close() {
      baselineWorker.shutdown();
      await baselineRunning;
      await engine.stop();
      await mail.close();
      await env.teardown();
    },
  };
}
