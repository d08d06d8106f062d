// Splits a whole test run into lanes of about equal length (`jest --shard=i/n`, run side by
// side by scripts/test-lanes.sh). Jest's own split counts files, not seconds, and one lane
// then drew most of the browser suites; here each suite weighs what it took in a recorded
// run (suite-seconds.json, refreshed with scripts/record-suite-seconds.sh), a suite not yet
// recorded weighs the typical suite of its folder, and the heaviest go first into the
// lightest lane.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const recorded = require('./suite-seconds.json');

// Typical seconds of a suite not yet recorded, by the folder it sits in.
const TYPICAL = [
  [/browser\.test\.ts$/, 40],
  [/^test\/workflows\//, 30],
  [/^test\/e2e\//, 15],
  [/^test\/integration\//, 6],
  [/./, 2],
];

function weightOf(relativePath) {
  if (recorded[relativePath] !== undefined) return recorded[relativePath];
  return TYPICAL.find(([pattern]) => pattern.test(relativePath))[1];
}

class LaneSequencer extends Sequencer {
  shard(tests, { shardIndex, shardCount }) {
    const weighed = tests
      .map((test) => ({ test, rel: path.posix.relative(test.context.config.rootDir, test.path).split(path.sep).join('/') }))
      .map((t) => ({ ...t, seconds: weightOf(t.rel) }))
      // Ties broken by path, so every lane computes the same split.
      .sort((a, b) => b.seconds - a.seconds || (a.rel < b.rel ? -1 : 1));
    const lanes = Array.from({ length: shardCount }, () => ({ seconds: 0, tests: [] }));
    for (const t of weighed) {
      const lightest = lanes.reduce((min, lane) => (lane.seconds < min.seconds ? lane : min));
      lightest.seconds += t.seconds;
      lightest.tests.push(t.test);
    }
    return lanes[shardIndex - 1].tests;
  }
}

module.exports = LaneSequencer;
module.exports.weightOf = weightOf;
