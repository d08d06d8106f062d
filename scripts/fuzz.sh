#!/usr/bin/env bash
# `npm run fuzz`: schemathesis against the running product's OpenAPI document, on real
# services (Temporal dev server, PostgreSQL, SMTP catcher), with every check schemathesis has
# (`--checks all`: no 5xx, answers as documented in status, content type, headers and body,
# schema-invalid input refused and valid input taken, authentication not ignored, no
# use-after-free, ...) and every phase (examples, coverage, fuzzing, and the stateful phase
# that follows the document's links: submit -> status link, sign-in -> console API, open a
# request -> act on it). The portal's and the console's HTML forms and /codec are in the
# document too, so they are fuzzed like the JSON API. Passes: anonymous (every operation, no
# credentials), the subject (the status-link API and portal pages with a real request's token),
# one per staff role (session cookie, CSRF header and the console forms' CSRF field, a real
# request; the agent's pass may also sign in by itself for the links), and the codec (its token).
# Seeded (FUZZ_SEED), so a run can be repeated; exits non-zero on any failure.
# Results: test-output/fuzz/ (a log and a JUnit report per pass, the server log, summary.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

SCHEMATHESIS_VERSION=4.32.5
TOOLS=.tools/schemathesis
OUT=test-output/fuzz
SEED="${FUZZ_SEED:-20261129}"
MAX_EXAMPLES="${FUZZ_MAX_EXAMPLES:-40}"
# FUZZ_PASSES (space-separated pass names) limits a run to those passes.
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

# A pass's config: no cache kept between runs (each run starts alike); redirects are not
# followed, so a form's own answer (303 and its Location) is what the checks see. No NUL
# character in generated strings: PostgreSQL cannot store one, so every route refuses it up
# front with 400 (server/nul-guard.ts, kept by test/e2e/hostile-input.test.ts), which would
# otherwise read as "valid input refused" everywhere. On the HTML forms, valid input may also be
# answered 422, the page again with a problem next to its field: the rules across fields (a
# correction needs a new value, a refusal a ground) are the form's, which a schema of separate
# fields cannot say. The pass's known request id, if any, fills the {id} path parameter, and
# any further TOML lines are added.
config_for() {
  local name=$1 id=${2:-}; shift 2 || shift $#
  {
    printf 'max-redirects = 0\n\n[cache]\nenabled = false\n\n[generation]\nallow-x00 = false\n'
    local accepted='"2xx", "3xx", "401", "403", "404", "409", "422", "429"' refused='"400", "401", "403", "404", "405", "406", "409", "415", "422", "428", "429"'
    # Without a session every console address answers 303 to the sign-in page, whatever was sent.
    local console_refused="$refused, \"303\""
    printf '\n[[operations]]\ninclude-tag = "portal"\nchecks.positive_data_acceptance.expected-statuses = [%s]\n' "$accepted"
    printf '\n[[operations]]\ninclude-tag = "console"\nexclude-path-regex = "^/console/set-password"\n' 
    printf 'checks.positive_data_acceptance.expected-statuses = [%s]\nchecks.negative_data_rejection.expected-statuses = [%s]\n' "$accepted" "$console_refused"
    # Rules the schema does not say: a hold's end date lies in the future (today's date), an
    # exemption signal's ground is one of the request's regime, a manual task that found nothing
    # processed no records, a report's period does not end before it begins, and on intake the rules across fields (only a correction carries
    # corrections, only a manage request "manage", a guardian files only through staff, a
    # telephone number's digits, the profile offers the regime): answered 400 with the rule.
    printf '\n[[operations]]\ninclude-name = ["POST /api/staff/holds", "POST /api/staff/requests/{id}/exemption-signals", "POST /api/staff/requests/{id}/stores/{store}/manual-task", "GET /api/staff/reports/summary", "GET /api/staff/reports/summary.csv", "POST /api/requests", "POST /api/staff/requests", "POST /api/staff/child-data-deletions"]\n'
    printf 'checks.positive_data_acceptance.expected-statuses = [%s, "400"]\n' "$accepted"
    # A set-password link that is not live (made up, used, expired) is answered 410 Gone, before anything else is read.
    printf '\n[[operations]]\ninclude-path-regex = "^/console/set-password"\n'
    printf 'checks.positive_data_acceptance.expected-statuses = [%s, "410"]\nchecks.negative_data_rejection.expected-statuses = [%s, "410"]\n' "$accepted" "$console_refused"
    printf '\n[parameters]\n'
    [ -z "$id" ] || printf '"path.id" = "%s"\n' "$id"
    for line in "$@"; do printf '%s\n' "$line"; done
  } >"$OUT/$name.toml"
  echo "$OUT/$name.toml"
}

failed_passes=()
run_pass() {
  local name=$1 config=$2; shift 2
  # FUZZ_PASSES="subject codec" runs only those passes (a quicker loop while fixing).
  if [ -n "${FUZZ_PASSES:-}" ] && [[ " $FUZZ_PASSES " != *" $name "* ]]; then return 0; fi
  echo "== pass: $name"
  local code=0
  st --config-file "$config" run "$BASE_URL/api/openapi.json" \
    --checks all --request-timeout "$REQUEST_TIMEOUT" \
    --seed "$SEED" --max-examples "$MAX_EXAMPLES" --workers 1 \
    --no-color --report junit --report-junit-path "$OUT/$name.junit.xml" \
    "$@" >"$OUT/$name.log" 2>&1 || code=$?
  tail -n 6 "$OUT/$name.log"
  [ "$code" = 0 ] || failed_passes+=("$name (exit $code)")
}

run_pass anonymous "$(config_for anonymous)"
# Credentials go in the config as the document's security schemes, so that schemathesis knows
# them for what they are: it leaves them out to check that a route refuses a caller without them.
run_pass subject "$(config_for subject "$(fixture .subject.requestId)" \
  '[auth.openapi.statusTokenHeader]' "api_key = \"$(fixture .subject.token)\"")" \
  --include-tag 'status link' --include-tag portal
for role in agent compliance admin; do
  # The console's forms carry the session's CSRF field, the API's calls its header.
  extra=("\"body._csrf\" = \"$(fixture ".staff.$role.formCsrf")\"" '' \
    '[auth.openapi.staffSession]' "api_key = \"$(fixture ".staff.$role.sessionToken")\"")
  if [ "$role" = agent ]; then
    # The agent signs in without a TOTP code: the stateful phase may sign in by itself and follow the links.
    extra+=('' '[[operations]]' 'include-name = "POST /api/staff/session"' \
      "parameters = { \"body.username\" = \"$(fixture .staff.agent.username)\", \"body.password\" = \"$(fixture .staff.agent.password)\" }")
  fi
  # Signing out would end the session the rest of the pass needs.
  run_pass "staff-$role" "$(config_for "staff-$role" "$(fixture ".staff.$role.requestId")" "${extra[@]}")" \
    --include-tag staff --include-tag reports --include-tag console \
    --exclude-name 'DELETE /api/staff/session' --exclude-name 'POST /console/logout' \
    -H "X-CSRF-Token: $(fixture ".staff.$role.csrfToken")"
done
# The codec's two operations link to nothing: no stateful phase.
run_pass codec "$(config_for codec "" '[auth.openapi.codecBearer]' "bearer = \"$(fixture .codecToken)\"")" \
  --include-tag codec --phases examples,coverage,fuzzing

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
