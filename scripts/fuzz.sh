#!/usr/bin/env bash
# `npm run fuzz`: schemathesis against the running product's OpenAPI document, on real
# services (Temporal dev server, PostgreSQL, SMTP catcher). Every pass checks that no
# answer is a 5xx and that none takes longer than the request timeout (a hang). Passes:
# anonymous (every route, no credentials), the subject (the status-link routes with a real
# request's token) and one per staff role (session cookie and CSRF header, a real request).
# Seeded (FUZZ_SEED), so a run can be repeated; exits non-zero on any failure.
# Results: test-output/fuzz/ (a log and a JUnit report per pass, the server log, summary.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
TOOLS=.tools/schemathesis
OUT=test-output/fuzz
SEED="${FUZZ_SEED:-20261129}"
MAX_EXAMPLES="${FUZZ_MAX_EXAMPLES:-40}"
REQUEST_TIMEOUT="${FUZZ_REQUEST_TIMEOUT:-15}"

# A virtualenv where Debian's python3-venv is present, else `pip install --target`, which
# needs neither venv nor an exemption from Debian's externally-managed marker.
install_schemathesis() {
  local stamp="$TOOLS/.installed-$SCHEMATHESIS_VERSION"
  [ -f "$stamp" ] && return
  rm -rf "$TOOLS"
  echo "Installing schemathesis $SCHEMATHESIS_VERSION into $TOOLS..." >&2
  if python3 -m venv "$TOOLS" >/dev/null 2>&1 && [ -x "$TOOLS/bin/pip" ]; then
    "$TOOLS/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" >&2
  else
    rm -rf "$TOOLS"
    python3 -m pip install --quiet --disable-pip-version-check --target "$TOOLS/lib" "schemathesis==$SCHEMATHESIS_VERSION" >&2
  fi
  touch "$stamp"
}

# Hypothesis keeps its files with the tool, not in the working tree.
export HYPOTHESIS_STORAGE_DIRECTORY="$TOOLS/hypothesis"
st() {
  if [ -x "$TOOLS/bin/python" ]; then "$TOOLS/bin/python" -m schemathesis.cli "$@"
  else PYTHONPATH="$TOOLS/lib" python3 -m schemathesis.cli "$@"; fi
}

install_schemathesis
bash scripts/setup.sh
export DATABASE_URL="${FUZZ_DATABASE_URL:-$(bash scripts/local-postgres.sh dsr_fuzz)}"
npx prisma migrate deploy >/dev/null

rm -rf "$OUT" && mkdir -p "$OUT"
# In its own process group, so that stopping it also stops the Temporal dev server it started.
setsid npx tsx scripts/fuzz-server.ts "$OUT/fixture.json" >"$OUT/server.log" 2>"$OUT/server.err" &
server_pid=$!
stop_server() {
  kill -TERM -- "-$server_pid" 2>/dev/null || return 0
  for _ in $(seq 1 40); do kill -0 -- "-$server_pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -KILL -- "-$server_pid" 2>/dev/null || true
}
trap stop_server EXIT
for _ in $(seq 1 240); do
  [ -s "$OUT/fixture.json" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$OUT/server.err" >&2; exit 1; }
  sleep 0.5
done
[ -s "$OUT/fixture.json" ] || { echo "The fuzz server did not start in 2 minutes." >&2; exit 1; }
fixture() { node -e "process.stdout.write(String(require('./$OUT/fixture.json')$1))"; }
BASE_URL=$(fixture .baseUrl)
echo "Fuzzing $BASE_URL (seed $SEED, up to $MAX_EXAMPLES cases per operation and phase)"

# A pass's config: no cache kept between runs (each run starts alike), and its known
# request id, if any, fills the {id} path parameter.
config_for() {
  printf '[cache]\nenabled = false\n' >"$OUT/$1.toml"
  [ -z "${2:-}" ] || printf '[parameters]\n"path.id" = "%s"\n' "$2" >>"$OUT/$1.toml"
  echo "$OUT/$1.toml"
}

failed_passes=()
run_pass() {
  local name=$1 config=$2; shift 2
  echo "== pass: $name"
  local code=0
  st --config-file "$config" run "$BASE_URL/api/openapi.json" \
    --checks not_a_server_error --request-timeout "$REQUEST_TIMEOUT" \
    --seed "$SEED" --max-examples "$MAX_EXAMPLES" --workers 1 \
    --no-color --report junit --report-junit-path "$OUT/$name.junit.xml" \
    "$@" >"$OUT/$name.log" 2>&1 || code=$?
  tail -n 6 "$OUT/$name.log"
  [ "$code" = 0 ] || failed_passes+=("$name (exit $code)")
}

run_pass anonymous "$(config_for anonymous)"
run_pass subject "$(config_for subject "$(fixture .subject.requestId)")" \
  --include-tag 'status link' -H "X-Status-Token: $(fixture .subject.token)"
for role in agent compliance admin; do
  # Signing out would end the session the rest of the pass needs.
  run_pass "staff-$role" "$(config_for "staff-$role" "$(fixture ".staff.$role.requestId")")" \
    --include-tag staff --include-tag reports --exclude-name 'DELETE /api/staff/session' \
    -H "Cookie: $(fixture ".staff.$role.cookie")" -H "X-CSRF-Token: $(fixture ".staff.$role.csrfToken")"
done

# The server's own count of 5xx answers, whatever the fuzzer concluded.
server_errors=$(grep -c '"statusCode":5[0-9][0-9]' "$OUT/server.log" || true)
{
  echo "fuzz run $(date -u +%FT%TZ), schemathesis $SCHEMATHESIS_VERSION, seed $SEED, max examples $MAX_EXAMPLES, request timeout ${REQUEST_TIMEOUT}s"
  echo "requests answered by the server: $(grep -c '"msg":"request completed"' "$OUT/server.log" || true)"
  echo "5xx answers in the server log: $server_errors"
  for log in "$OUT"/*.log; do
    case "$log" in *server.log) continue ;; esac
    echo "$(basename "$log" .log): $(awk '/^Test cases:/ { getline; sub(/^ +/, ""); print }' "$log")"
  done
  if [ ${#failed_passes[@]} -eq 0 ] && [ "$server_errors" = 0 ]; then echo "result: PASS"; else echo "result: FAIL ${failed_passes[*]}"; fi
} | tee "$OUT/summary.txt"
[ ${#failed_passes[@]} -eq 0 ] && [ "$server_errors" = 0 ]
