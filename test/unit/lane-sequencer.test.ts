// The whole run's lanes (scripts/test-lanes.sh): every suite runs in exactly one lane, and the
// lanes are about equally long by the recorded seconds, so the run takes about half as long.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LaneSequencer = require('../lanes/lane-sequencer.js');

const rootDir = path.resolve(__dirname, '../..');

function suitesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return suitesUnder(full);
    return name.endsWith('.test.ts') ? [full] : [];
  });
}

const tests = suitesUnder(path.join(rootDir, 'test')).map((file) => ({ path: file, context: { config: { rootDir } } }));
const laneOf = (lane: number, count: number) => new LaneSequencer({}).shard(tests, { shardIndex: lane, shardCount: count }) as typeof tests;
const weightOf = (t: (typeof tests)[number]): number => LaneSequencer.weightOf(path.relative(rootDir, t.path));
const secondsOf = (lane: typeof tests) => lane.reduce((sum, t) => sum + weightOf(t), 0);

test('when the suites are dealt into two lanes, then each suite runs in exactly one lane', () => {
  const [one, two] = [laneOf(1, 2), laneOf(2, 2)];
  expect([...one, ...two].map((t) => t.path).sort()).toEqual(tests.map((t) => t.path).sort());
  expect(one.filter((t) => two.includes(t))).toEqual([]);
});

test('when the suites are dealt into two lanes, then the lanes differ by no more than the heaviest suite', () => {
  const heaviest = Math.max(...tests.map(weightOf));
  expect(Math.abs(secondsOf(laneOf(1, 2)) - secondsOf(laneOf(2, 2)))).toBeLessThanOrEqual(heaviest);
});

test('when one lane is asked for, then it has every suite', () => {
  expect(laneOf(1, 1)).toHaveLength(tests.length);
});
