#!/usr/bin/env bash
# `make cluster SILOS=3`: several silos on this machine as ONE Orleans cluster, behind one address.
#   - a private PostgreSQL under .data/ (unless POSTGRES_HOST is set), as `make up` does;
#   - SILOS silos (default 3), each with its own HTTP and silo ports, all with the same CLUSTER_ID;
#   - src/ClusterProxy on ORCHESTRATOR_PORT (default 8085): round-robin over the silos, skips a dead one, passes
#     WebSockets; every answer names its silo in the X-Cockpit-Silo header;
#   - DEMO_AGENTS reference agents (default 3) registered through the proxy.
# Kill a silo (its pid is printed) to watch failover: the others carry on and so do the agents' heartbeats.
# Ctrl-C, SIGTERM, SIGHUP or a closed output pipe stops everything this script started (scripts/lib/processes.sh).
#
# Ports (all overridable): proxy ORCHESTRATOR_PORT; silo i serves HTTP on ORCHESTRATOR_PORT+i, Orleans on
# SILO_PORT+i-1 (default 11111); agents on AGENT_PORT… (default 8001). No Orleans client connects, so no gateway is
# opened unless GATEWAY_PORT names a first port (then GATEWAY_PORT+i-1). Everything listens on ORCHESTRATOR_BIND,
# default 127.0.0.1: this machine only.
# DATA_DIR=dir keeps the database and workspaces there instead of .data/.
# ARTIFACTS_PATH=dir builds there (dotnet build --artifacts-path) instead of into the projects' bin/ folders;
# SKIP_BUILD=1 runs the Release build already there.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

if [ -f .env ]; then set -a; . ./.env; set +a; fi

. scripts/lib/processes.sh

silos="${SILOS:-3}"
proxy_port="${ORCHESTRATOR_PORT:-8085}"
silo_port_base="${SILO_PORT:-11111}"
gateway_port_base="${GATEWAY_PORT:-0}"
agent_port_base="${AGENT_PORT:-8001}"
demo_agents="${DEMO_AGENTS:-3}"
export WORKSPACE_ROOT="${WORKSPACE_ROOT:-$data_dir/workspace}"
export CLUSTER_ID="${CLUSTER_ID:-cockpit}" SERVICE_ID="${SERVICE_ID:-cockpit}"
# As `make up`: guests may operate. The proxy sends each silo its own Host, so the cockpit's origin (the proxy's) is
# listed for the WebSocket and CSRF origin checks.
export AUTH_GUEST_ROLE="${AUTH_GUEST_ROLE:-operator}"
export GRAPHQL_ALLOWED_ORIGINS="${GRAPHQL_ALLOWED_ORIGINS:-http://$local_host:$proxy_port http://127.0.0.1:$proxy_port http://localhost:$proxy_port}"
# The proxy forwards each client's address (X-Forwarded-For): rate limits then apply per client, not to the proxy.
export TRUSTED_PROXIES="${TRUSTED_PROXIES:-127.0.0.1${local_host:+ $local_host}}"
mkdir -p "$WORKSPACE_ROOT"

[[ "$silos" =~ ^[1-9][0-9]*$ ]] && [ "$silos" -le 20 ] || { echo "SILOS must be 1 to 20 (got '$silos')" >&2; exit 2; }
[[ "$demo_agents" =~ ^[0-9]+$ ]] || { echo "DEMO_AGENTS must be a whole number (got '$demo_agents')" >&2; exit 2; }
# Silo HTTP ports follow the proxy's; the agents' range must not overlap them.
first_silo_http=$((proxy_port + 1)); last_silo_http=$((proxy_port + silos))
last_agent=$((agent_port_base + demo_agents - 1))
if [ "$demo_agents" -gt 0 ] && [ "$agent_port_base" -le "$last_silo_http" ] && [ "$last_agent" -ge "$proxy_port" ]; then
  echo "agent ports $agent_port_base..$last_agent overlap the proxy and silo ports $proxy_port..$last_silo_http; set AGENT_PORT" >&2
  exit 2
fi

# Silo i's gateway port: 0 (closed) unless GATEWAY_PORT names the first one.
gateway_port() { if [ "$gateway_port_base" = 0 ]; then echo 0; else echo $((gateway_port_base + $1 - 1)); fi; }

watch_output
ensure_postgres

if [ -n "${ARTIFACTS_PATH:-}" ]; then
  build_args=(--artifacts-path "$ARTIFACTS_PATH")
  dll() { echo "$ARTIFACTS_PATH/bin/$1/release/$1.dll"; }
else
  build_args=()
  dll() { echo "src/${1#Cockpit.}/bin/Release/net10.0/$1.dll"; }
fi
if [ "${SKIP_BUILD:-}" = 1 ]; then
  echo "SKIP_BUILD=1: using the Release build that is there"
else
  echo "building…"
  scripts/build-graphiql.sh
  scripts/build-cockpit.sh
  dotnet build Cockpit.slnx -c Release -nologo -clp:ErrorsOnly -v:q "${build_args[@]}"
fi

destinations=()
for i in $(seq 1 "$silos"); do
  # The proxy probes every silo each second; ASP.NET Core's per-request lines would drown everything else.
  ORCHESTRATOR_PORT=$((proxy_port + i)) SILO_ADVERTISED_IP="$local_host" \
  SILO_PORT=$((silo_port_base + i - 1)) GATEWAY_PORT=$(gateway_port "$i") \
    start "silo-$i" env "Logging__LogLevel__Microsoft.AspNetCore=Warning" dotnet "$(dll Cockpit.Silo)"
  destinations+=("silo-$i=http://$local_host:$((proxy_port + i))")
done

for i in $(seq 1 "$silos"); do
  wait_until_ready "http://$local_host:$((proxy_port + i))/health/ready" 90 "${pids[$((i - 1))]}" \
    || { echo "silo-$i did not become ready; see [silo-$i] lines above" >&2; exit 1; }
done

PROXY_PORT="$proxy_port" PROXY_BIND="$ORCHESTRATOR_BIND" PROXY_DESTINATIONS="$(IFS=,; echo "${destinations[*]}")" \
  start proxy dotnet "$(dll Cockpit.ClusterProxy)"
wait_until_ready "http://$local_host:$proxy_port/health/ready" 60 "${pids[-1]}" \
  || { echo "the proxy did not answer; see [proxy] lines above" >&2; exit 1; }

for i in $(seq 1 "$demo_agents"); do
  ORCHESTRATOR_URL="http://$local_host:$proxy_port" AGENT_PORT=$((agent_port_base + i - 1)) AGENT_HOSTNAME="demo-agent-$i" \
  POD_IP=127.0.0.1 AGENT_BIND_ADDRESS=127.0.0.1 \
    start "agent-$i" dotnet "$(dll Cockpit.Agent)"
done
# The banner comes once the agents have registered, so that it is the last thing printed at start.
wait_for_agents "$agent_port_base" "$demo_agents" 60

echo
echo "  Cockpit cluster \"$CLUSTER_ID\" is running: $silos silos behind one address."
echo "    Address       http://$local_host:$proxy_port  (REST /api/*, /health/ready; answers carry X-Cockpit-Silo)"
echo "    Proxy status  http://$local_host:$proxy_port/_proxy/destinations"
for i in $(seq 1 "$silos"); do
  printf '    %-14shttp://%s:%s  silo port %s, gateway %s, pid %s\n' "silo-$i" "$local_host" "$((proxy_port + i))" \
    "$((silo_port_base + i - 1))" "$( [ "$(gateway_port "$i")" = 0 ] && echo closed || gateway_port "$i")" "${pids[$((i - 1))]}"
done
echo "    Metrics       each silo's own /metrics (through the proxy every scrape meets another silo)"
[ "$demo_agents" -eq 0 ] || echo "    Agents        $registered of $demo_agents reference agents registered, on ports $agent_port_base..$last_agent, heartbeating through the proxy"
echo "    Database      ${POSTGRES_HOST:-(connection string)}${POSTGRES_PORT:+:$POSTGRES_PORT}${POSTGRES_DB:+/$POSTGRES_DB}${private_pg:+ (private, in $private_pg)}"
echo "    Listening on  $ORCHESTRATOR_BIND only"
echo "  Try failover: kill -9 <a silo's pid>. Press Ctrl-C to stop everything."
echo

# A silo may die (or be killed to watch failover) and the cluster carries on; the proxy or every silo gone ends it.
while true; do
  wait_for_exit
  [ -n "$exited_name" ] || break
  [ "$exited_name" != output ] || { say "our output pipe has no reader" >&2; break; }
  say "$exited_name (pid $exited_pid) exited" >&2
  [ "$exited_name" != proxy ] || break
  alive_silos=0
  for n in "${names[@]}"; do [[ "$n" == silo-* ]] && alive_silos=$((alive_silos + 1)); done
  [ "$alive_silos" -gt 0 ] || { say "no silo left" >&2; break; }
done
say "shutting down" >&2
