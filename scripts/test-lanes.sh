#!/usr/bin/env bash
# A whole test run, in lanes side by side: each lane has its own databases and Redis and runs
# its share of the suites (test/lanes/lane-sequencer.js splits them by recorded seconds), then
# its share of the deadline-sensitive suites as if on the awkward dates. The suites spend much
# of their time waiting on servers, browsers and timers, so two lanes on two cores take about
# two thirds of the time of one. DSR_TEST_LANES sets the count (default: 2, or 1 on one core or
# when the caller gave its own DATABASE_URL, which lanes cannot share).
# Each lane's output is kept in test-output/lane-<n>.log and printed whole once all are done,
# failures summed up last.
set -uo pipefail
cd "$(dirname "$0")/.."

lanes="${DSR_TEST_LANES:-$([ "$(nproc)" -ge 2 ] && [ -z "${DATABASE_URL:-}" ] && echo 2 || echo 1)}"
base_db="${DSR_TEST_DB:-dsr_test}"
base_port="${DSR_TEST_REDIS_PORT:-6390}"
DATE_SENSITIVE=(test/workflows/test-clock.test.ts test/workflows/deadlines.test.ts test/workflows/fees-and-decisions.test.ts test/workflows/identity.test.ts)
mapfile -t days < <(bash scripts/awkward-dates.sh)
mkdir -p test-output

# Each lane's databases and Redis, made one lane after the other: two `prisma migrate deploy`
# at once on a fresh checkout raced over Prisma's engine files, and one looked for them online.
prepare_lane() {
  local lane="$1" db="$base_db" port="$base_port"
  if [ "$lanes" -gt 1 ]; then db="${base_db}_lane$lane"; port=$((base_port + lane)); fi
  (
    set -e
    source scripts/test-env.sh "$db" "$port" >&2
    for name in DATABASE_URL MARKETING_DATABASE_URL REDIS_URL CHINOOK_POSTGRES_URL CHINOOK_MYSQL_URL; do
      printf 'export %s=%q\n' "$name" "${!name}"
    done
  ) >"test-output/lane-$lane.env"
}

run_lane() {
  local lane="$1"
  source "test-output/lane-$lane.env"
  local rc=0
  npx jest --runInBand --shard="$lane/$lanes" || rc=1
  # The awkward dates are dealt out round the lanes.
  for i in "${!days[@]}"; do
    if [ $((i % lanes + 1)) -eq "$lane" ]; then
      echo "== deadline-sensitive suites as if on ${days[$i]} =="
      DSR_TEST_NOW="${days[$i]}" npx jest --runInBand "${DATE_SENSITIVE[@]}" || rc=1
    fi
  done
  return $rc
}

for lane in $(seq 1 "$lanes"); do
  prepare_lane "$lane" || { echo "Lane $lane's databases could not be prepared." >&2; exit 1; }
done
pids=()
for lane in $(seq 1 "$lanes"); do
  (run_lane "$lane" >"test-output/lane-$lane.log" 2>&1) &
  pids+=($!)
done
status=0
for i in "${!pids[@]}"; do
  if ! wait "${pids[$i]}"; then status=1; fi
done

for lane in $(seq 1 "$lanes"); do
  echo "===== lane $lane of $lanes ====="
  cat "test-output/lane-$lane.log"
done
echo "===== summary ====="
for lane in $(seq 1 "$lanes"); do
  echo "lane $lane: $(grep -E '^Tests:' "test-output/lane-$lane.log" | tr '\n' ' ')"
  grep -E '^(FAIL|  ●) ' "test-output/lane-$lane.log" | grep -v '● Console' | awk '!seen[$0]++' || true
done
[ "$status" -eq 0 ] && echo "All lanes passed." || echo "A lane failed (above)."
exit "$status"
