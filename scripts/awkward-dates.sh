#!/usr/bin/env bash
# Prints the next occurrence (after today) of each day on which deadline arithmetic is most
# likely to go wrong, one ISO date a line: the end of January (a month-end before the short
# February), Christmas Eve (holidays and the year end ahead), and the middle of China's
# National Day Golden Week (a week of holidays followed by adjusted working weekends).
# The workflow tests run at each with DSR_TEST_NOW; the time-skipping server only moves
# forward, hence "next", never a fixed year.
set -euo pipefail
node -e '
  const today = new Date();
  for (const monthDay of ["01-31", "12-24", "10-03"]) {
    let year = today.getUTCFullYear();
    const at = (y) => new Date(`${y}-${monthDay}T12:00:00Z`);
    if (at(year) <= today) year += 1;
    console.log(`${year}-${monthDay}`);
  }
'
