// A subject with 100,000 service-log rows, more JSON than the memory bound allows: the
// package is built in bounded memory (a memory bound, not a timing one) and every record
// comes back out of the decrypted zip, in JSON and in CSV.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { newLinkSecret } from '../../access-package/link-secret';
import { preparePackage } from '../../activities/access-package';
import type { ActivityDeps } from '../../activities/deps';
import { createFieldCipher } from '../../crypto/field-cipher';
import { VERIFICATION } from '../../domain/procedure';
import { createStoreRegistry } from '../../stores/registry';
import { testDb } from '../support/database';
import { declaredDemoStores, demoStore } from '../support/demo-estate';
import { decryptPackageFile, eachZipEntry } from '../support/package-reader';
import { testSecrets } from '../support/test-keys';
import { createRequest, createSubject, newEmail } from './fixtures';

const ROWS = 100_000;
const MB = 1024 * 1024;
/** Growth of the JS heap plus Buffers allowed while building: well below the data's size. */
const MEMORY_BOUND = 32 * MB;

const db = testDb();
const demo = declaredDemoStores();
const cipher = createFieldCipher(testSecrets().keyring);
let work = '';
let email = '';

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'dsr-access-package-large-'));
});
afterAll(async () => {
  if (email) await db.serviceLog.deleteMany({ where: { email } });
  await db.$disconnect();
  await rm(work, { recursive: true, force: true });
});

// Live memory, not garbage waiting for the collector: each sample collects first.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Live heap plus the memory of Buffers (file chunks, zlib), which the heap figure leaves out. */
const inUse = () => {
  collect();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** Calls `onLine` with each line of a text stream, without keeping the text. */
async function eachLine(content: Readable, onLine: (line: string) => void): Promise<void> {
  let rest = '';
  for await (const chunk of content) {
    const lines = (rest + (chunk as Buffer).toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    lines.forEach(onLine);
  }
  if (rest) onLine(rest);
}

test('when a subject has 100,000 log rows, then the package is built in bounded memory and holds every record in JSON and CSV', async () => {
  email = newEmail();
  const subjectId = await createSubject(db, cipher, email);
  const requestId = await createRequest(db, subjectId, 'ACCESS');
  // One statement for speed; long locations make the rows' JSON far larger than the bound.
  await db.$executeRaw`
    INSERT INTO "ServiceLog" (id, email, "ipAddress", location, "deviceId", "hardwareModel", "osVersion", at)
    SELECT gen_random_uuid(), ${email}, '10.0.' || (g % 256) || '.' || (g / 256 % 256),
           repeat('Shenzhen, Nanshan District, Science Park South Road, ', 8) || g,
           md5(g::text) || md5((g + 1)::text), 'PA-9 "Pro"', '14.2', timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second'
    FROM generate_series(1, ${ROWS}) AS g`;
  // Statistics as a live table has them, so the planner reads batches through the (email, at, id) index.
  await db.$executeRaw`ANALYZE "ServiceLog"`;
  const jsonBytes = Number(
    (await db.$queryRaw<Array<{ bytes: bigint }>>`SELECT sum(octet_length(row_to_json(l)::text))::bigint AS bytes FROM "ServiceLog" l WHERE email = ${email}`)[0]!.bytes,
  );
  expect(jsonBytes).toBeGreaterThan(2 * MEMORY_BOUND);

  const deps: ActivityDeps = {
    db,
    mailer: undefined as never,
    cipher,
    clock: () => new Date(),
    verification: VERIFICATION,
    stores: createStoreRegistry([demoStore(demo, 'service-logs')]),
    staffMailTo: 'compliance@example.test',
    accessPackageDir: path.join(work, 'packages'),
  };

  const baseline = inUse();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, inUse())), 1_000);
  let row;
  try {
    ({ row } = await preparePackage(deps, requestId, ['service-logs'], email, newLinkSecret().hash));
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, inUse());
  expect(row.rowCount).toBe(2 * ROWS);
  expect(peak - baseline).toBeLessThan(MEMORY_BOUND);

  const zipPath = path.join(work, 'package.zip');
  await decryptPackageFile(cipher, row, zipPath);
  const counts = new Map<string, number>();
  const names = await eachZipEntry(zipPath, async (name, content) => {
    let n = 0;
    if (name.endsWith('.json')) {
      await eachLine(content, (line) => {
        if (!line.startsWith('{')) return;
        const record = JSON.parse(line.replace(/,$/, '')) as { at: string };
        if (typeof record.at === 'string') n++;
      });
    } else if (name.endsWith('.csv')) {
      // CRLF ends each line; the first is the header.
      await eachLine(content, (line) => (n += line.endsWith('\r') ? 1 : 0));
      n -= 1;
    } else {
      content.resume();
    }
    counts.set(name, n);
  });
  expect(names.sort()).toEqual(['index.html', 'service-logs/device.csv', 'service-logs/device.json', 'service-logs/network.csv', 'service-logs/network.json']);
  for (const file of ['service-logs/network.json', 'service-logs/network.csv', 'service-logs/device.json', 'service-logs/device.csv']) {
    expect([file, counts.get(file)]).toEqual([file, ROWS]);
  }
  // A generous ceiling, not a timing assertion: the shared test machine may be slow.
}, 900_000);
