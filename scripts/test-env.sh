#!/usr/bin/env bash
# Sourced by the test scripts: exports the URLs one test process needs, each made locally
# (a freshly created database, a Redis on the port) unless the caller gave it: the engine's
# database, the marketing database, Redis, and the Chinook sample in PostgreSQL and MariaDB.
# Usage: source scripts/test-env.sh <database name prefix> <redis port>
test_db="${1:?database name prefix}"
test_redis_port="${2:?redis port}"
if [ -z "${DATABASE_URL:-}" ]; then DATABASE_URL=$(bash scripts/local-postgres.sh "$test_db"); fi
if [ -z "${MARKETING_DATABASE_URL:-}" ]; then MARKETING_DATABASE_URL=$(bash scripts/local-postgres.sh "${test_db}_marketing"); fi
if [ -z "${REDIS_URL:-}" ]; then REDIS_URL=$(bash scripts/local-redis.sh "$test_redis_port"); fi
# The declared SQL stores are tested on a schema nobody here designed (docs/examples/chinook.data-map.json).
if [ -z "${CHINOOK_POSTGRES_URL:-}" ]; then CHINOOK_POSTGRES_URL=$(bash scripts/local-chinook-postgres.sh "${test_db}_chinook"); fi
if [ -z "${CHINOOK_MYSQL_URL:-}" ]; then CHINOOK_MYSQL_URL=$(bash scripts/local-mariadb.sh "${test_db}_chinook"); fi
export DATABASE_URL MARKETING_DATABASE_URL REDIS_URL CHINOOK_POSTGRES_URL CHINOOK_MYSQL_URL
npx prisma migrate deploy >/dev/null
