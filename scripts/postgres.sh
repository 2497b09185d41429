#!/usr/bin/env bash
# A private PostgreSQL cluster run as a plain process: no system service, no fixed port.
#   scripts/postgres.sh start DATA_DIR PORT [PASSWORD]   creates the cluster on first use, starts it, waits until it answers
#   scripts/postgres.sh stop  DATA_DIR                   stops it (fast shutdown); data stays
# Runs the server as the 'postgres' user when invoked as root (PostgreSQL refuses to run as root).
set -euo pipefail
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
cmd="${1:?usage: postgres.sh start|stop DATA_DIR [PORT] [PASSWORD]}"
data="$(realpath -m "${2:?data dir required}")"
port="${3:-55432}"
password="${4:-}"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    if [ ! -s "$data/PG_VERSION" ]; then
      mkdir -p "$data"
      if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$data"
        # The server user must be able to reach the data dir through every parent.
        d="$(dirname "$data")"; while [ "$d" != "/" ]; do chmod o+x "$d" 2>/dev/null || true; d="$(dirname "$d")"; done
      fi
      chmod 700 "$data"
      pwfile=""
      if [ -n "$password" ]; then
        pwfile="$(mktemp)"; printf '%s\n' "$password" > "$pwfile"
        [ "$(id -u)" -ne 0 ] || chown postgres "$pwfile"
        as_owner "$PG_BIN/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile="$pwfile" -E UTF8 --no-instructions >/dev/null
        rm -f "$pwfile"
      else
        as_owner "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --no-instructions >/dev/null
      fi
      cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$data'
max_connections = 300
shared_buffers = 256MB
fsync = ${PG_FSYNC:-on}
synchronous_commit = ${PG_SYNCHRONOUS_COMMIT:-on}
CONF
    fi
    if as_owner "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      echo "postgres: already running in $data"; exit 0
    fi
    if ! as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
      # pg_ctl only says "examine the log output": show the reason, and the way out for the common one.
      recent="$(tail -n 20 "$data/server.log" 2>/dev/null || true)"
      echo "postgres: could not start on 127.0.0.1:$port; from $data/server.log:" >&2
      grep -E "FATAL|HINT" <<<"$recent" | tail -n 3 | sed 's/^/  /' >&2 || true
      if grep -q "Address already in use" <<<"$recent"; then
        echo "  port $port is taken: stop what listens there, or choose another (PRIVATE_POSTGRES_PORT for make up / make cluster)" >&2
      fi
      exit 1
    fi
    echo "postgres: running on 127.0.0.1:$port ($data)"
    ;;
  stop)
    if [ -s "$data/PG_VERSION" ] && as_owner "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      as_owner "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
      echo "postgres: stopped ($data)"
    fi
    ;;
  *) echo "postgres.sh: unknown command '$cmd'" >&2; exit 2 ;;
esac
