#!/bin/sh
# Runs a worker entry with the process settings that keep one worker's memory bounded
# (docs/production.md, "Worker memory"; measured by `npm run bench`, section 6):
# - a bounded V8 heap (WORKER_HEAP_MIB, default 256): below its limit V8 collects lazily, and
#   on a large machine the limit is GiBs, so the garbage of the activities' work stayed;
# - two malloc arenas: the SDK's native threads otherwise each grow an arena of their own.
# `exec` leaves one process, the worker itself, to receive the service manager's signals.
# Usage: sh scripts/run-worker.sh scripts/worker.ts
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec node --max-old-space-size="${WORKER_HEAP_MIB:-256}" --import tsx "$@"
