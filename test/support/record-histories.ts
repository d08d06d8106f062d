// With RECORD_HISTORIES=<version>, the workflow tests save the histories of the workflows they
// ran into test/fixtures/histories/<version>/, for the replay test:
//   RECORD_HISTORIES=2026-12-05-fee-wait-pause npx jest --runInBand test/workflows
// One folder per workflow version (name it for the newest patch it reaches): the replay test
// replays every folder, so the histories of older versions must stay as they were recorded.
// Recording therefore never writes over a history; a name already taken fails the run.
import type { WorkflowHandle } from '@temporalio/client';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const HISTORY_DIR = path.resolve(__dirname, '../fixtures/histories');

/** The folder this run records into, or null when recording is off. */
function recordingFolder(): string | null {
  const version = process.env.RECORD_HISTORIES;
  if (!version) return null;
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(version) || version === '1') {
    throw new Error(`RECORD_HISTORIES names the version folder to record into (lower-case letters, digits, dots, dashes), e.g. 2026-12-05-fee-wait-pause; got "${version}"`);
  }
  return path.join(HISTORY_DIR, version);
}

/** Saves the histories of closed workflows when recording is switched on. */
export async function recordHistories(handles: WorkflowHandle[]): Promise<void> {
  const folder = recordingFolder();
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  // Named by the suite's path under test/workflows (fast/withdrawal apart from withdrawal).
  const testPath = expect.getState().testPath ?? 'workflow.test.ts';
  const suite = path.relative(path.resolve(__dirname, '../workflows'), testPath).replace(/\.test\.ts$/, '').split(path.sep).join('-');
  let index = 0;
  for (const handle of handles) {
    const { status } = await handle.describe();
    if (status.name === 'RUNNING') continue;
    index += 1;
    // 'wx': refuses to write over a history already recorded under this name.
    writeFileSync(path.join(folder, `${suite}-${index}.json`), JSON.stringify(await handle.fetchHistory()), { flag: 'wx' });
  }
}
