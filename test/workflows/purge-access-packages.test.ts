// The daily purge workflow on the time-skipping server with the real activity: it purges
// at once when started, and again after each day.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFieldCipher } from '../../crypto/field-cipher';
import { eventually } from '../support/http';
import { testSecrets } from '../support/test-keys';
import { startWorkflowStack, type WorkflowStack } from '../support/workflow-stack';
import type { purgeAccessPackagesWorkflow } from '../../workflows/purge-access-packages';
import { createRequest, createSubject, newEmail } from '../integration/fixtures';

let stack: WorkflowStack;
let work = '';
beforeAll(async () => {
  stack = await startWorkflowStack();
  work = await mkdtemp(path.join(tmpdir(), 'dsr-purge-'));
});
afterAll(async () => {
  await stack?.close();
  await rm(work, { recursive: true, force: true });
});

/** A package row with a file on disk, kept until `purgeAfter`. */
async function packageUntil(purgeAfter: Date) {
  const requestId = await createRequest(stack.db, await createSubject(stack.db, createFieldCipher(testSecrets().keyring), newEmail()), 'ACCESS');
  const file = path.join(work, `${requestId}.zip.enc`);
  await writeFile(file, 'ciphertext');
  const row = await stack.db.accessPackage.create({
    data: { requestId, tokenHash: 'x'.repeat(64), path: file, dataKeySealed: 'k.sealed', sizeBytes: 10n, rowCount: 1, contents: [], expiresAt: purgeAfter, purgeAfter },
  });
  return { row, file };
}

const purged = (id: string) => eventually(async () => (await stack.db.accessPackage.findUniqueOrThrow({ where: { id } })).purgedAt, 30_000);

test('when the purge workflow starts, then it purges expired packages at once, and again a day later', async () => {
  const expired = await packageUntil(new Date(stack.now().getTime() - 60_000));
  const later = await packageUntil(new Date(stack.now().getTime() + 12 * 3_600_000));

  const handle = await stack.client.workflow.start<typeof purgeAccessPackagesWorkflow>('purgeAccessPackagesWorkflow', { taskQueue: stack.taskQueue, workflowId: `purge-${randomUUID()}` });
  try {
    await purged(expired.row.id);
    await expect(stat(expired.file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await stack.db.accessPackage.findUniqueOrThrow({ where: { id: later.row.id } })).purgedAt).toBeNull();

    // The activities' clock does not follow the server's skipped day, so the second package's term is brought forward by hand.
    await stack.db.accessPackage.update({ where: { id: later.row.id }, data: { purgeAfter: new Date(stack.now().getTime() - 1000) } });
    await stack.env.sleep('1 day');
    await purged(later.row.id);
    await expect(stat(later.file)).rejects.toMatchObject({ code: 'ENOENT' });
  } finally {
    await handle.terminate();
  }
});
