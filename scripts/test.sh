#!/usr/bin/env bash
# The test command: prepares what the tests need (Temporal binaries, a freshly migrated
# PostgreSQL database unless DATABASE_URL is given, a marketing database and Redis unless
# MARKETING_DATABASE_URL and REDIS_URL are given), checks types and lint, runs jest.
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
npx prisma migrate deploy >/dev/null
npx tsc --noEmit
npx eslint .
npx jest --runInBand "$@"
