// The demo estate as `npm start` runs it: the shipped map with every one of its stores connected
// (main database, Redis, files, marketing database). No example store of a kind the demo cannot
// connect is in it (they live in docs/examples), so a deletion completes without anyone
// skipping a store, and every mapped store is searched and settled by the engine.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { createClient } from 'redis';
import type { CertificateBody } from '../../domain/deletion-certificate';
import { loadDataMap } from '../../stores/data-map/validate';
import type { RedisClient } from '../../stores/redis-sessions-store';
import { startMappedWorkflowStack, type MappedWorkflowStack } from '../support/mapped-workflow-stack';
import { approveErasure } from './helpers';

let stack: MappedWorkflowStack;
let files = '';
const redis: RedisClient = createClient({ url: process.env.REDIS_URL });
const marketing = new Pool({ connectionString: process.env.MARKETING_DATABASE_URL, max: 1 });
beforeAll(async () => {
  await redis.connect();
  files = await mkdtemp(path.join(tmpdir(), 'dsr-demo-map-files-'));
  stack = await startMappedWorkflowStack({ fileStoreDir: files, redis: async () => redis }, { marketing: true });
});
afterAll(async () => {
  await stack?.close();
  await redis.quit();
  await marketing.end();
  await rm(files, { recursive: true, force: true });
});

test('when a deletion runs over the demo map with its stores connected, then it completes with every mapped store settled by the engine and nothing skipped', async () => {
  const email = `demo-map-${randomUUID()}@example.org`;
  await stack.db.customerAccount.create({ data: { email, fullName: 'Zhou Min', phone: '+86 138 0000 0007', plan: 'basic' } });
  await stack.db.serviceLog.create({ data: { email, ipAddress: '10.9.0.1', at: new Date() } });
  await marketing.query(`INSERT INTO newsletter_subscription (email, list, consented_at, source) VALUES ($1, 'cloud-news', now(), 'signup-form')`, [email]);
  const { requestId, handle } = await stack.start('DELETION', email);
  await approveErasure(handle);
  expect((await handle.result()).status).toBe('COMPLETED');

  const body = (await stack.db.deletionCertificate.findUniqueOrThrow({ where: { requestId } })).body as unknown as CertificateBody;
  expect(body.stores.map((s) => s.store).sort()).toEqual(loadDataMap().stores.map((s) => s.name).sort());
  expect(body.stores.filter((s) => s.settledBy !== 'ENGINE')).toEqual([]);
  expect(await stack.db.auditEvent.count({ where: { requestId, action: 'STORE_SKIPPED' } })).toBe(0);
  expect(await stack.db.customerAccount.count({ where: { email } })).toBe(0);
  expect((await marketing.query('SELECT count(*)::int AS n FROM newsletter_subscription WHERE lower(email) = $1', [email])).rows[0].n).toBe(0);
});
