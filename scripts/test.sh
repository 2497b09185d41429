#!/usr/bin/env bash
# `make test`: builds everything with warnings as errors and runs every test: the .NET test projects against a
# private PostgreSQL that this script starts (and removes) itself, the cockpit's unit tests (Vitest) and its
# end-to-end tests in real Chromium. Ends with one line "N passed, N failed, N skipped" summed over all of them.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-deps.sh postgres chromium java

pg_dir="$(mktemp -d /tmp/cockpit-test-pg.XXXXXX)"
pg_port="${TEST_POSTGRES_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
cleanup() { scripts/postgres.sh stop "$pg_dir/data" >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap cleanup EXIT
# Durability is not under test here; fsync off makes the many throw-away databases cheap.
PG_FSYNC=off PG_SYNCHRONOUS_COMMIT=off scripts/postgres.sh start "$pg_dir/data" "$pg_port"
export COCKPIT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Include Error Detail=true"

# The silo serves GraphiQL and the cockpit from these builds; dotnet build copies them into its output.
scripts/build-graphiql.sh
scripts/build-cockpit.sh
dotnet build Cockpit.slnx -c Release -nologo -clp:ErrorsOnly

log="$pg_dir/test.log"
set +e
dotnet test Cockpit.slnx -c Release --no-build -nologo ${TEST_FILTER:+--filter "$TEST_FILTER"} 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The cockpit: Vitest unit tests, then the browser tests against a real silo and agents (they start their own).
# A TEST_FILTER narrows the run to .NET tests, so these are skipped then.
cockpit_unit=0 cockpit_e2e=0
if [ -z "${TEST_FILTER:-}" ]; then
  (cd cockpit && NO_COLOR=1 npm test 2>&1) | tee -a "$log"
  cockpit_unit=${PIPESTATUS[0]}
  (cd cockpit && NO_COLOR=1 npm run e2e 2>&1) | tee -a "$log"
  cockpit_e2e=${PIPESTATUS[0]}
fi
set -e
[ "$status" -ne 0 ] || [ "$cockpit_unit" -eq 0 ] || status=$cockpit_unit
[ "$status" -ne 0 ] || [ "$cockpit_e2e" -eq 0 ] || status=$cockpit_e2e

# Sum the summaries into one closing line: dotnet's per project ("Failed!  - Failed: 1, Passed: 41, Skipped: 0"),
# Vitest's ("Tests  3 failed | 80 passed (83)") and node --test's ("ℹ pass 9", "ℹ fail 1", "ℹ skipped 0").
python3 - "$log" <<'PY'
import re, sys
passed = failed = skipped = 0
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r"Failed:\s*(\d+),\s*Passed:\s*(\d+),\s*Skipped:\s*(\d+)", line)
    if m:
        failed += int(m.group(1)); passed += int(m.group(2)); skipped += int(m.group(3))
        continue
    if re.match(r"\s*Tests\s+.*\(\d+\)\s*$", line):
        for count, kind in re.findall(r"(\d+)\s+(passed|failed|skipped)", line):
            if kind == "passed": passed += int(count)
            elif kind == "failed": failed += int(count)
            else: skipped += int(count)
        continue
    m = re.match(r"\s*ℹ (pass|fail|skipped) (\d+)\s*$", line)
    if m:
        n = int(m.group(2))
        if m.group(1) == "pass": passed += n
        elif m.group(1) == "fail": failed += n
        else: skipped += n
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
# CI shows only the log's tail: repeat the names of the failed tests here, where it sees them.
grep -E '^\s+Failed [A-Za-z_]|^\s*✖ |^not ok ' "$log" | sed 's/^\s*/failed: /' | sort -u | head -40 || true
exit "$status"
