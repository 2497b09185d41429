# Sourced by scripts/up.sh and scripts/cluster.sh: what they start, how it stops, and the private PostgreSQL they
# start when none is configured. Expects $root (the repository) and set -euo pipefail in the caller.
#
# Everything started is stopped, the private PostgreSQL last, however the script ends: its own end, Ctrl-C, SIGTERM
# to the script or to its whole process group (timeout, a supervisor, a container stop, make forwarding the signal a
# second time), SIGHUP (the terminal closed), or its output pipe gone (`make up | tee log`, then the reader dies).

pids=()         # every background process started, stopped together by stop_all
names=()        # their names, same order
private_pg=""   # data folder of the private PostgreSQL, when one was started
stopping=""
output_watch="" # pid of the process that notices when our output pipe loses its reader
# Grace a process gets between SIGTERM and SIGKILL; the silo bounds its own shutdown below this (HostOptions).
stop_grace_seconds="${STOP_GRACE_SECONDS:-40}"

# A write to a pipe whose reader is gone must fail (and be ignored), not kill the script before it cleans up.
trap '' PIPE

# Prints, and never fails: our terminal or pipe may be gone while we clean up.
say() { printf '%s\n' "$*" 2>/dev/null || true; }

# Stops everything started, then the private PostgreSQL; runs once. Further signals are ignored while it runs: make
# forwards a SIGTERM that the process group already delivered, and that second one must not cut the cleanup short.
stop_all() {
  trap '' INT TERM HUP
  trap - EXIT
  [ -z "$stopping" ] || return 0
  stopping=1
  say; say "stopping…"
  [ -z "$output_watch" ] || kill -TERM "$output_watch" 2>/dev/null || true
  local deadline=$((SECONDS + stop_grace_seconds)) j
  # The agents first, for up to half the grace, while the silos still listen: each checkpoints its job and deregisters
  # on its way out, where a silo gone first left it a "Could not deregister" warning and an agent offline only later.
  local agents=()
  for j in "${!pids[@]}"; do [[ "${names[$j]}" != agent-* ]] || agents+=("${pids[$j]}"); done
  if [ "${#agents[@]}" -gt 0 ]; then
    for pid in "${agents[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    local agents_deadline=$((SECONDS + stop_grace_seconds / 2))
    while pids_alive "${agents[@]}" && [ "$SECONDS" -lt "$agents_deadline" ]; do sleep 0.2; done
  fi
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  # A process that ignores SIGTERM for longer than the grace is killed, so the script always ends.
  while any_alive && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
  if any_alive; then for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done; fi
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -z "$private_pg" ] || scripts/postgres.sh stop "$private_pg" 2>&1 | while IFS= read -r line; do say "$line"; done || true
  say "stopped."
}

# Whether any started process still runs (bash reaps its children as they exit, so kill -0 fails for those).
any_alive() { pids_alive "${pids[@]}"; }

# Whether any of the given pids still runs.
pids_alive() {
  local pid
  for pid in "$@"; do kill -0 "$pid" 2>/dev/null && return 0; done
  return 1
}

# The trap for a signal: clean up, then end with the signal's conventional status.
on_signal() {
  stop_all
  exit $((128 + $1))
}
trap 'on_signal 2' INT
trap 'on_signal 15' TERM
trap 'on_signal 1' HUP
trap stop_all EXIT

# Runs a child with its output prefixed by its name; remembers its pid and name. The prefixer ignores SIGINT: Ctrl-C
# reaches every process of the terminal's group, and a prefixer gone with it would swallow what the child says while it
# stops (its last lines, an error). It ends when the child's output closes, the child having exited.
start() {
  local name="$1"; shift
  "$@" > >(trap '' INT; exec sed -u "s/^/[$name] /") 2>&1 &
  pids+=($!); names+=("$name")
}

# When our output is a pipe, a watcher that exits once the pipe has no reader left: the children's output would go
# nowhere, and whoever read it (tee, a log shipper) is gone. Needs python3; without it this one case is not covered.
watch_output() {
  if [ -p /dev/stdout ] && command -v python3 >/dev/null 2>&1; then
    python3 -c 'import select; p = select.poll(); p.register(1, 0); p.poll()' &
    output_watch=$!
  fi
}

# Waits until a started process exits (sets exited_pid and exited_name) or the output pipe is gone (exited_name is
# "output"). Signals interrupt the wait at once and run their trap.
wait_for_exit() {
  exited_pid="" exited_name=""
  wait -n -p exited_pid "${pids[@]}" ${output_watch:+"$output_watch"} || true
  if [ -n "$output_watch" ] && [ "$exited_pid" = "$output_watch" ]; then
    output_watch=""; exited_name="output"; return 0
  fi
  for j in "${!pids[@]}"; do
    [ "${pids[$j]}" = "$exited_pid" ] || continue
    exited_name="${names[$j]}"
    unset 'pids[j]' 'names[j]'
    pids=("${pids[@]}"); names=("${names[@]}")
    return 0
  done
}

# Polls an HTTP address until it answers 2xx; false after the given seconds. The pid, when given, must stay alive.
wait_until_ready() {
  local url="$1" seconds="$2" pid="${3:-}"
  local deadline=$((SECONDS + seconds))
  while [ "$SECONDS" -lt "$deadline" ]; do
    curl -fsS --max-time 2 "$url" >/dev/null 2>&1 && return 0
    [ -z "$pid" ] || kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.5
  done
  curl -fsS --max-time 2 "$url" >/dev/null 2>&1
}

# Waits until the agents on ports base..base+count-1 have registered (an agent's /status names its id then), at most the
# given seconds and no longer than every started process lives: one that exited is reported by wait_for_exit instead.
# Sets registered to how many have.
wait_for_agents() {
  local base="$1" count="$2" seconds="$3" i
  local deadline=$((SECONDS + seconds))
  while true; do
    registered=0
    for i in $(seq 1 "$count"); do
      curl -fsS --max-time 2 "http://127.0.0.1:$((base + i - 1))/status" 2>/dev/null | grep -q '"agent_id":"' && registered=$((registered + 1))
    done
    [ "$registered" -lt "$count" ] && [ "$SECONDS" -lt "$deadline" ] && all_alive || return 0
    sleep 0.5
  done
}

# Whether every started process still runs.
all_alive() {
  local pid
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || return 1; done
}

# A private PostgreSQL under $data_dir/postgres (port PRIVATE_POSTGRES_PORT, default 55432) unless POSTGRES_HOST or
# POSTGRES_CONNECTION_STRING names a database; installs what is missing either way.
ensure_postgres() {
  if [ -z "${POSTGRES_HOST:-}" ] && [ -z "${POSTGRES_CONNECTION_STRING:-}" ]; then
    scripts/ensure-deps.sh postgres
    private_pg="$data_dir/postgres"
    export POSTGRES_HOST=127.0.0.1 POSTGRES_PORT="${PRIVATE_POSTGRES_PORT:-55432}" POSTGRES_USER=postgres
    export POSTGRES_DB="${POSTGRES_DB:-cockpit}" POSTGRES_PASSWORD="${POSTGRES_PASSWORD:-changeme}"
    scripts/postgres.sh start "$private_pg" "$POSTGRES_PORT" "$POSTGRES_PASSWORD"
  else
    scripts/ensure-deps.sh
  fi
}

# Where a local command keeps its database and workspaces: DATA_DIR, default .data/ in the repository.
data_dir="${DATA_DIR:-$root/.data}"

# The local commands listen on this machine only (ORCHESTRATOR_BIND, default 127.0.0.1): HTTP, the silo port and,
# when opened, the gateway. No Orleans client connects to a local run, so its gateway stays closed unless GATEWAY_PORT
# names a port (docs/adr/0012-local-binds-and-gateway.md).
export ORCHESTRATOR_BIND="${ORCHESTRATOR_BIND:-127.0.0.1}"
# The address this machine reaches the local silos at: the bound one, or loopback when bound to every interface.
case "$ORCHESTRATOR_BIND" in
  0.0.0.0|::|"[::]"|localhost) local_host=127.0.0.1 ;;
  *) local_host="$ORCHESTRATOR_BIND" ;;
esac
