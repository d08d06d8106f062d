#!/usr/bin/env bash
# The test command: prepares what the tests need (Temporal binaries, a freshly migrated
# PostgreSQL database unless DATABASE_URL is given, a marketing database and Redis unless
# MARKETING_DATABASE_URL and REDIS_URL are given, the Chinook sample in PostgreSQL and MariaDB
# unless CHINOOK_POSTGRES_URL and CHINOOK_MYSQL_URL are given, Debian's Chromium), checks types and lint,
# runs jest; then, for a whole run, the deadline-sensitive suites again as if on three
# awkward dates (scripts/awkward-dates.sh). `DSR_TEST_NOW=2027-01-29 npm test` runs
# everything as if on that date (test/support/test-clock.ts).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
if [ -z "${DATABASE_URL:-}" ]; then
  DATABASE_URL=$(bash scripts/local-postgres.sh "${DSR_TEST_DB:-dsr_test}")
  export DATABASE_URL
fi
if [ -z "${MARKETING_DATABASE_URL:-}" ]; then
  MARKETING_DATABASE_URL=$(bash scripts/local-postgres.sh "${DSR_TEST_DB:-dsr_test}_marketing")
fi
if [ -z "${REDIS_URL:-}" ]; then REDIS_URL=$(bash scripts/local-redis.sh "${DSR_TEST_REDIS_PORT:-6390}"); fi
export MARKETING_DATABASE_URL REDIS_URL
# The declared SQL stores are tested on a schema nobody here designed (docs/examples/chinook.data-map.json).
if [ -z "${CHINOOK_POSTGRES_URL:-}" ]; then CHINOOK_POSTGRES_URL=$(bash scripts/local-chinook-postgres.sh "${DSR_TEST_DB:-dsr_test}_chinook"); fi
if [ -z "${CHINOOK_MYSQL_URL:-}" ]; then CHINOOK_MYSQL_URL=$(bash scripts/local-mariadb.sh "${DSR_TEST_DB:-dsr_test}_chinook"); fi
export CHINOOK_POSTGRES_URL CHINOOK_MYSQL_URL
bash scripts/local-chromium.sh
npx prisma migrate deploy >/dev/null
npx tsc --noEmit
npx eslint .
npx jest --runInBand "$@"

# Only a whole run (no file arguments) repeats the date-sensitive suites; a run already
# pinned to a date by the caller has made its point.
DATE_SENSITIVE=(test/workflows/test-clock.test.ts test/workflows/deadlines.test.ts test/workflows/fees-and-decisions.test.ts test/workflows/identity.test.ts)
if [ $# -eq 0 ] && [ -z "${DSR_TEST_NOW:-}" ]; then
  for day in $(bash scripts/awkward-dates.sh); do
    echo "== deadline-sensitive suites as if on $day =="
    DSR_TEST_NOW="$day" npx jest --runInBand "${DATE_SENSITIVE[@]}"
  done
fi
