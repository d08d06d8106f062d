#!/usr/bin/env bash
# The test command: prepares what the tests need (Temporal binaries, Debian's Chromium, and
# per test process a freshly migrated PostgreSQL database, a marketing database, Redis and the
# Chinook sample in PostgreSQL and MariaDB, unless DATABASE_URL, MARKETING_DATABASE_URL,
# REDIS_URL, CHINOOK_POSTGRES_URL and CHINOOK_MYSQL_URL are given), checks types and lint, then
# runs jest. Given test files, it runs those in one process. A whole run goes in lanes side by
# side, each with its own databases (scripts/test-lanes.sh), and repeats the deadline-sensitive
# suites as if on three awkward dates (scripts/awkward-dates.sh). `DSR_TEST_NOW=2027-01-29 npm
# test` runs everything as if on that date (test/support/test-clock.ts), in one process.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/local-chromium.sh
npx tsc --noEmit
npx eslint .

if [ $# -eq 0 ] && [ -z "${DSR_TEST_NOW:-}" ]; then
  exec bash scripts/test-lanes.sh
fi
source scripts/test-env.sh "${DSR_TEST_DB:-dsr_test}" "${DSR_TEST_REDIS_PORT:-6390}"
npx jest --runInBand "$@"
