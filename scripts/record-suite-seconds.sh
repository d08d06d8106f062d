#!/usr/bin/env bash
# Refreshes test/lanes/suite-seconds.json, the weights the test lanes are dealt by, from the
# output of a whole run (jest's "PASS test/x.test.ts (12.3 s)" lines; a suite jest printed no
# time for took under 5 s and weighs 2).
# Usage: scripts/record-suite-seconds.sh test-output/lane-1.log test-output/lane-2.log ...
set -euo pipefail
cd "$(dirname "$0")/.."
node -e '
  const fs = require("node:fs");
  const seconds = {};
  for (const file of process.argv.slice(1)) {
    for (const line of fs.readFileSync(file, "utf8").split("\n")) {
      const m = /^(?:PASS|FAIL) (test\/\S+\.test\.ts)(?: \(([\d.]+) s\))?/.exec(line);
      // The first sighting counts: the awkward-date reruns come after and would double a suite.
      if (m && seconds[m[1]] === undefined) seconds[m[1]] = m[2] ? Math.round(Number(m[2])) : 2;
    }
  }
  const sorted = Object.fromEntries(Object.entries(seconds).sort(([a], [b]) => (a < b ? -1 : 1)));
  fs.writeFileSync("test/lanes/suite-seconds.json", JSON.stringify(sorted, null, 2) + "\n");
  console.log(`${Object.keys(sorted).length} suites recorded`);
' "$@"
