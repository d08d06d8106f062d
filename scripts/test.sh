#!/usr/bin/env bash
# The test command: prepares what the tests need (Temporal binaries, a freshly migrated
# PostgreSQL database unless DATABASE_URL is given), checks types and lint, runs jest.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
if [ -z "${DATABASE_URL:-}" ]; then
  DATABASE_URL=$(bash scripts/local-postgres.sh "${DSR_TEST_DB:-dsr_test}")
  export DATABASE_URL
fi
npx prisma migrate deploy >/dev/null
npx tsc --noEmit
npx eslint .
npx jest --runInBand "$@"
