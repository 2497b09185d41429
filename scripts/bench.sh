#!/usr/bin/env bash
# `make bench`: builds the silo and the benchmark in Release, starts a private PostgreSQL (removed afterwards), installs
# the graphql-ws client once, and runs every scenario against real silo processes and their baselines.
# Writes bench/results/latest.json and the table in docs/benchmarks.md, and prints the table.
#   BENCH_MODE=quick (default: 20,000 agents in the scale scenario) or full (longer rounds, 100,000 and 1,000,000 agents)
#   BENCH_ONLY=ingest,dispatch,live,scale,failover,queue,usage   runs only these scenarios
#   BENCH_SCALE_AGENTS=20000                         scale fleet sizes instead of the mode's (comma-separated)
#   BENCH_QUEUE_JOBS=5000                            the queue scenario's backlog instead of the mode's
#   BENCH_QUEUE_WARMUP_JOBS=0                        the jobs the queue scenario drains unmeasured first (quick 10,000), before
#                                                    rounds of 5,000 while a round still gets cheaper; 0 measures cold
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-deps.sh postgres
command -v node >/dev/null || { echo "bench: node is required for the graphql-ws subscriber" >&2; exit 1; }

# The usual output folders (as `make build` and `make test` use), so the benchmark runs the silo built right now.
# BENCH_ARTIFACTS=DIR builds into an artifacts folder instead.
if [ -n "${BENCH_ARTIFACTS:-}" ]; then
  dotnet build bench/Cockpit.Bench/Cockpit.Bench.csproj -c Release --artifacts-path "$BENCH_ARTIFACTS" -nologo -clp:ErrorsOnly
  bench_dll="$BENCH_ARTIFACTS/bin/Cockpit.Bench/release/Cockpit.Bench.dll"
else
  dotnet build bench/Cockpit.Bench/Cockpit.Bench.csproj -c Release -nologo -clp:ErrorsOnly
  bench_dll="bench/Cockpit.Bench/bin/Release/net10.0/Cockpit.Bench.dll"
fi
if [ ! -d tests/TestSupport/ws-client/node_modules/graphql-ws ]; then
  # `npm install`, not `npm ci`: this registry copy and `npm ci` disagree about optional packages.
  (cd tests/TestSupport/ws-client && npm install --no-audit --no-fund --loglevel=error)
fi

pg_dir="$(mktemp -d /tmp/cockpit-bench-pg.XXXXXX)"
pg_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cleanup() { scripts/postgres.sh stop "$pg_dir/data" >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap cleanup EXIT
# fsync stays on (crash-safe), but commits do not wait for it (synchronous_commit off, BENCH_PG_SYNCHRONOUS_COMMIT=on
# to change): this machine's virtual disk takes 5-9 ms per fsync, which would make every scenario, silo and naive
# baseline alike, a measurement of the disk. The setting is printed with the results.
PG_SYNCHRONOUS_COMMIT="${BENCH_PG_SYNCHRONOUS_COMMIT:-off}" scripts/postgres.sh start "$pg_dir/data" "$pg_port"
export COCKPIT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

dotnet "$bench_dll" --mode "${BENCH_MODE:-quick}" ${BENCH_ONLY:+--only "$BENCH_ONLY"}
