# Sourced by scripts/up.sh and scripts/cluster.sh: what they start, how it stops, and the private PostgreSQL they
# start when none is configured. Expects $root (the repository) and set -euo pipefail in the caller.

pids=()         # every background process started, stopped together by stop_all
private_pg=""   # data folder of the private PostgreSQL, when one was started
stopping=""

# Stops everything started, then the private PostgreSQL; runs once, whether from Ctrl-C, SIGTERM or the script's end.
stop_all() {
  trap - INT TERM EXIT
  [ -z "$stopping" ] || return 0
  stopping=1
  echo; echo "stopping…"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -z "$private_pg" ] || scripts/postgres.sh stop "$private_pg"
  echo "stopped."
}

# A private PostgreSQL under .data/postgres (port PRIVATE_POSTGRES_PORT, default 55432) unless POSTGRES_HOST or
# POSTGRES_CONNECTION_STRING names a database; installs what is missing either way.
ensure_postgres() {
  if [ -z "${POSTGRES_HOST:-}" ] && [ -z "${POSTGRES_CONNECTION_STRING:-}" ]; then
    scripts/ensure-deps.sh postgres
    private_pg="$root/.data/postgres"
    export POSTGRES_HOST=127.0.0.1 POSTGRES_PORT="${PRIVATE_POSTGRES_PORT:-55432}" POSTGRES_USER=postgres
    export POSTGRES_DB="${POSTGRES_DB:-cockpit}" POSTGRES_PASSWORD="${POSTGRES_PASSWORD:-changeme}"
    scripts/postgres.sh start "$private_pg" "$POSTGRES_PORT" "$POSTGRES_PASSWORD"
  else
    scripts/ensure-deps.sh
  fi
}
