#!/usr/bin/env bash
# `make test`: builds everything with warnings as errors and runs every test project against a private
# PostgreSQL that this script starts (and removes) itself. Ends with one line "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-deps.sh postgres

pg_dir="$(mktemp -d /tmp/cockpit-test-pg.XXXXXX)"
pg_port="${TEST_POSTGRES_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
cleanup() { scripts/postgres.sh stop "$pg_dir/data" >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap cleanup EXIT
# Durability is not under test here; fsync off makes the many throw-away databases cheap.
PG_FSYNC=off PG_SYNCHRONOUS_COMMIT=off scripts/postgres.sh start "$pg_dir/data" "$pg_port"
export COCKPIT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Include Error Detail=true"

dotnet build Cockpit.slnx -c Release -nologo -clp:ErrorsOnly

log="$pg_dir/test.log"
set +e
dotnet test Cockpit.slnx -c Release --no-build -nologo ${TEST_FILTER:+--filter "$TEST_FILTER"} 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Sum the per-project summaries ("Failed!  - Failed: 1, Passed: 41, Skipped: 0, ...") into one closing line.
python3 - "$log" <<'PY'
import re, sys
passed = failed = skipped = 0
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r"Failed:\s*(\d+),\s*Passed:\s*(\d+),\s*Skipped:\s*(\d+)", line)
    if m:
        failed += int(m.group(1)); passed += int(m.group(2)); skipped += int(m.group(3))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit "$status"
