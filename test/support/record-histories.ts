// With RECORD_HISTORIES=1, the workflow tests save the histories of the workflows they
// ran, for the replay test: `RECORD_HISTORIES=1 npm test -- test/workflows`. Histories
// recorded before a change are never recorded over: RECORD_HISTORIES_PREFIX=<change>- writes
// new ones beside them (e.g. read-model-fees-and-decisions-1.json).
import type { WorkflowHandle } from '@temporalio/client';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const HISTORY_DIR = path.resolve(__dirname, '../fixtures/histories');

/** Saves the histories of closed workflows when recording is switched on. */
export async function recordHistories(handles: WorkflowHandle[]): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  mkdirSync(HISTORY_DIR, { recursive: true });
  const suite = path.basename(expect.getState().testPath ?? 'workflow', '.test.ts');
  let index = 0;
  for (const handle of handles) {
    const { status } = await handle.describe();
    if (status.name === 'RUNNING') continue;
    index += 1;
    writeFileSync(path.join(HISTORY_DIR, `${process.env.RECORD_HISTORIES_PREFIX ?? ''}${suite}-${index}.json`), JSON.stringify(await handle.fetchHistory()));
  }
}
