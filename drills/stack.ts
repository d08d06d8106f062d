// The real parts a drill runs and breaks: a file-backed Temporal dev server, the SMTP
// catcher, the request worker as a child process, and the drill's database. Each part
// can be stopped and started again on the same port, which is what the drills do.
import { Client, Connection } from '@temporalio/client';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createFieldCipher, type FieldCipher } from '../crypto/field-cipher';
import { parseKeyring } from '../crypto/keyring';
import { createDb, type Db } from '../db/prisma';
import { encryptedDataConverter } from '../temporal/data-converter';
import { bundleRequestWorkflows } from '../temporal/workflow-bundle';
import { registerSearchAttributes } from '../temporal/search-attributes';
import { startDrillMailServer, type DrillMailServer } from './mail-server';
import { startDrillTemporalServer, type DrillTemporalServer } from './temporal-server';
import { workerChild, type WorkerChild } from './worker-child';
import { DEFAULT_DATA_MAP_FILE } from '../stores/data-map/validate';

/** The shipped data map cut down to the stores a drill connects. */
function drillDataMap(): string {
  const map = JSON.parse(readFileSync(DEFAULT_DATA_MAP_FILE, 'utf8')) as { stores: Record<string, unknown> };
  const kept = ['customer-accounts', 'service-logs', 'billing', 'files'];
  return JSON.stringify({ ...map, stores: Object.fromEntries(Object.entries(map.stores).filter(([name]) => kept.includes(name))) }, null, 2);
}

export const MAIL_DOMAIN = 'example.com';

export interface DrillStack {
  dir: string;
  db: Db;
  cipher: FieldCipher;
  identityPepper: string;
  client: Client;
  taskQueue: string;
  mail: DrillMailServer;
  worker: WorkerChild;
  temporal: { stop(): Promise<void>; start(): Promise<void> };
  close(): Promise<void>;
}

/** A free TCP port on loopback, found by binding port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let bundlePath: Promise<string> | null = null;

/** Bundles the workflows once per process, so each worker (re)start skips webpack. */
function workflowBundle(): Promise<string> {
  bundlePath ??= bundleRequestWorkflows().then(({ code }) => {
    // In the ignored test-output/, as jest does not always let an exit hook run.
    const dir = path.resolve(__dirname, '../test-output/drills');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `workflow-bundle-${process.pid}.js`);
    process.once('exit', () => rmSync(file, { force: true }));
    writeFileSync(file, code);
    return file;
  });
  return bundlePath;
}

/** Starts every part against `databaseUrl` (already migrated); `close` stops them all. */
export async function startDrillStack(databaseUrl: string): Promise<DrillStack> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dsr-drill-'));
  const [temporalPort, uiPort] = [await freePort(), await freePort()];
  const startServer = () => startDrillTemporalServer(dir, temporalPort, uiPort);
  // Bundling and the server's start-up are the slow parts; they overlap.
  const bundle = workflowBundle();
  let server: DrillTemporalServer | null = await startServer();
  // What is up so far, stopped again if a later part fails to start.
  const started: Array<() => Promise<unknown>> = [() => server!.stop()];
  try {
    return await assemble();
  } catch (err) {
    for (const stop of started.reverse()) await stop().catch(() => undefined);
    throw err;
  }

  async function assemble(): Promise<DrillStack> {
    const connection = await Connection.connect({ address: server!.address });
    started.push(() => connection.close());
    await registerSearchAttributes(connection, 'default');

    const keyId = 'drill-key';
    const keySpec = `${keyId}:${randomBytes(32).toString('base64')}`;
    const keyring = parseKeyring(keySpec, keyId);
    const identityPepper = randomBytes(16).toString('hex');
    const taskQueue = `dsr-drill-${randomUUID()}`;
    const mail = await startDrillMailServer();
    started.push(() => mail.stop());
    const db = createDb(databaseUrl);
    started.push(() => db.$disconnect());
    const client = new Client({ connection, namespace: 'default', dataConverter: encryptedDataConverter(keyring) });

    const fileStoreDir = path.join(dir, 'files');
    mkdirSync(fileStoreDir);
    // The drill's estate is the main database and the files: its map says so, since a mapped
    // store that is not connected would (rightly) keep every deletion waiting for compliance.
    const dataMapFile = path.join(dir, 'data-map.json');
    writeFileSync(dataMapFile, drillDataMap());
    const worker = workerChild(
      {
        // Nothing else from this process's environment: optional stores (Redis, the marketing
        // database, a processor's webhook, manual stores) stay off, the drill seeds the main database.
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: databaseUrl,
        TEMPORAL_ADDRESS: server!.address,
        TEMPORAL_TASK_QUEUE: taskQueue,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(mail.port),
        MAIL_FROM: `Privacy Office <privacy@${MAIL_DOMAIN}>`,
        DSR_ENCRYPTION_KEYS: keySpec,
        DSR_ENCRYPTION_KEY_ID: keyId,
        DSR_IDENTITY_PEPPER: identityPepper,
        FILE_STORE_DIR: fileStoreDir,
        DATA_MAP_FILE: dataMapFile,
        DRILL_WORKFLOW_BUNDLE: await bundle,
      },
      path.join(dir, 'worker.log'),
    );
    started.push(() => worker.stop());
    await worker.start();

    return {
      dir,
      db,
      cipher: createFieldCipher(keyring),
      identityPepper,
      client,
      taskQueue,
      mail,
      worker,
      temporal: {
        async stop() {
          await server?.stop();
          server = null;
        },
        async start() {
          server ??= await startServer();
        },
      },
      async close() {
        await worker.stop();
        await connection.close();
        await server?.stop();
        await mail.stop();
        await db.$disconnect();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
}
