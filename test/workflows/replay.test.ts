// Replays the recorded histories of earlier runs against today's workflow code: a change
// that would break workflows already running fails here (then version it with patched()).
// Histories live in a folder per workflow version (test/support/record-histories.ts); every
// version is replayed, and every patched() branch of the code is reached by some history.
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { encryptedDataConverter } from '../../temporal/data-converter';
import { REPLAY_KEYRING } from '../fixtures/replay-keyring';
import { HISTORY_DIR } from '../support/record-histories';

const WORKFLOWS_DIR = path.resolve(__dirname, '../../workflows');

const versions = readdirSync(HISTORY_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const historiesOf = (version: string) => readdirSync(path.join(HISTORY_DIR, version)).filter((f) => f.endsWith('.json'));
const histories = versions.flatMap((version) =>
  historiesOf(version).map((file) => ({
    workflowId: `${version}/${file}`,
    history: temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(path.join(HISTORY_DIR, version, file), 'utf8'))),
  })),
);

/** The patch ids the workflow code asks about: every patched('id') and every *_PATCH constant. */
function patchIdsInCode(dir: string): Set<string> {
  const ids = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const source = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const m of source.matchAll(/patched\('([^']+)'\)/g)) ids.add(m[1]!);
    for (const m of source.matchAll(/_PATCH = '([^']+)'/g)) ids.add(m[1]!);
  }
  return ids;
}

/** The patch ids a history recorded a marker for (the branch it took under that patch). */
function patchIdsReached(history: temporal.api.history.v1.IHistory): string[] {
  return (history.events ?? []).flatMap((event) => {
    const payload = event.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
    if (event.markerRecordedEventAttributes?.markerName !== 'core_patch' || !payload) return [];
    return [(JSON.parse(Buffer.from(payload).toString('utf8')) as { id: string }).id];
  });
}

test('when the histories are listed, then each workflow version has a folder of its own that holds some', () => {
  expect(versions.length).toBeGreaterThanOrEqual(2);
  expect(versions.filter((version) => historiesOf(version).length === 0)).toEqual([]);
  expect(readdirSync(HISTORY_DIR).filter((f) => f.endsWith('.json'))).toEqual([]);
});

test('when the histories of every version are replayed on the current code, then none is non-deterministic', async () => {
  expect(histories.length).toBeGreaterThanOrEqual(10);
  const failures: string[] = [];
  for await (const result of Worker.runReplayHistories(
    { workflowsPath: require.resolve('../../workflows'), dataConverter: encryptedDataConverter(REPLAY_KEYRING) },
    histories,
  )) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  expect(failures).toEqual([]);
});

test('when the patches in the workflow code are listed, then a recorded history reaches each of them', () => {
  const inCode = patchIdsInCode(WORKFLOWS_DIR);
  expect(inCode).toContain('fee-wait-pause');
  const reached = new Set(histories.flatMap(({ history }) => patchIdsReached(history)));
  expect([...inCode].filter((id) => !reached.has(id)).sort()).toEqual([]);
});
