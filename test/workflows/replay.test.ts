// Replays the recorded histories of earlier runs against today's workflow code: a change
// that would break workflows already running fails here (then version it with patched()).
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { encryptedDataConverter } from '../../temporal/data-converter';
import { REPLAY_KEYRING } from '../fixtures/replay-keyring';
import { HISTORY_DIR } from '../support/record-histories';

const files = readdirSync(HISTORY_DIR).filter((f) => f.endsWith('.json'));

test('when the recorded histories are replayed on the current code, then none is non-deterministic', async () => {
  expect(files.length).toBeGreaterThanOrEqual(10);
  const histories = files.map((file) => ({
    workflowId: file,
    history: temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(path.join(HISTORY_DIR, file), 'utf8'))),
  }));
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories(
    { workflowsPath: require.resolve('../../workflows'), dataConverter: encryptedDataConverter(REPLAY_KEYRING) },
    histories,
  )) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  expect(failures).toEqual([]);
});
