#!/usr/bin/env bash
# `make up`: the whole system on one machine. Starts a private PostgreSQL under .data/ unless POSTGRES_HOST (or
# POSTGRES_CONNECTION_STRING) is set, then the silo and DEMO_AGENTS reference agents; prints the URLs. Ctrl-C, SIGTERM,
# SIGHUP or a closed output pipe stops everything it started (scripts/lib/processes.sh). It listens on 127.0.0.1 only
# unless ORCHESTRATOR_BIND says otherwise, and signs anyone in as viewer, operator or admin from the cockpit's user menu
# (AUTH_DEV_LOGIN): a playground for this machine.
# DATA_DIR=dir keeps the database and workspaces there instead of .data/; SKIP_BUILD=1 runs the Release build there.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

if [ -f .env ]; then set -a; . ./.env; set +a; fi

. scripts/lib/processes.sh
. scripts/lib/demo-llm.sh

export ORCHESTRATOR_PORT="${ORCHESTRATOR_PORT:-8085}"
export AGENT_PORT="${AGENT_PORT:-8001}"
export WORKSPACE_ROOT="${WORKSPACE_ROOT:-$data_dir/workspace}"
export ORCHESTRATOR_URL="${ORCHESTRATOR_URL:-http://$local_host:$ORCHESTRATOR_PORT}"
export GATEWAY_PORT="${GATEWAY_PORT:-0}"
# A local playground: whoever opens the cockpit may create and cancel jobs (the production default is viewer), and
# the user menu signs in as any role; the silo refuses the latter on an address other than loopback.
export AUTH_GUEST_ROLE="${AUTH_GUEST_ROLE:-operator}"
export AUTH_DEV_LOGIN="${AUTH_DEV_LOGIN:-true}"
demo_agents="${DEMO_AGENTS:-3}"
mkdir -p "$WORKSPACE_ROOT"

watch_output
ensure_postgres

if [ "${SKIP_BUILD:-}" = 1 ]; then
  echo "SKIP_BUILD=1: using the Release build that is there"
else
  echo "building…"
  scripts/build-graphiql.sh
  scripts/build-cockpit.sh
  dotnet build Cockpit.slnx -c Release -nologo -clp:ErrorsOnly -v:q
fi

start silo dotnet src/Silo/bin/Release/net10.0/Cockpit.Silo.dll
wait_until_ready "http://$local_host:$ORCHESTRATOR_PORT/health/ready" 60 "${pids[0]}" \
  || { echo "the silo did not become ready; see [silo] lines above" >&2; exit 1; }

start_demo_llm
for i in $(seq 1 "$demo_agents"); do
  AGENT_PORT=$((AGENT_PORT + i - 1)) AGENT_HOSTNAME="demo-agent-$i" POD_IP=127.0.0.1 AGENT_BIND_ADDRESS=127.0.0.1 \
    start "agent-$i" dotnet src/Agent/bin/Release/net10.0/Cockpit.Agent.dll
done

# The banner comes once the agents have registered, so that it is the last thing printed at start.
wait_for_agents "$AGENT_PORT" "$demo_agents" 60
agents_line="$registered of $demo_agents reference agents registered, on ports $AGENT_PORT..$((AGENT_PORT + demo_agents - 1))"

cat <<INFO

  Cockpit is running.
    Cockpit       http://$local_host:$ORCHESTRATOR_PORT/
    GraphQL       http://$local_host:$ORCHESTRATOR_PORT/graphql   (GraphiQL in a browser)
    REST API      http://$local_host:$ORCHESTRATOR_PORT/api/agents   http://$local_host:$ORCHESTRATOR_PORT/api/jobs
    Health        http://$local_host:$ORCHESTRATOR_PORT/health/ready
    Agents        $agents_line
    Demo LLM      $demo_llm_line
    Workspaces    $WORKSPACE_ROOT
    Documents     ${DOCUMENT_ROOTS:-$WORKSPACE_ROOT}   (jobs may read documents only there: DOCUMENT_ROOTS)
    Database      ${POSTGRES_HOST:-(connection string)}${POSTGRES_PORT:+:$POSTGRES_PORT}${POSTGRES_DB:+/$POSTGRES_DB}${private_pg:+ (private, in $private_pg)}
    Listening on  $ORCHESTRATOR_BIND only$([ "$AUTH_DEV_LOGIN" = true ] && echo "; sign in as viewer, operator or admin from the user menu")
  Press Ctrl-C to stop everything.

INFO
wait_for_exit
if [ "$exited_name" = output ]; then
  say "our output pipe has no reader; shutting everything down" >&2
else
  say "$exited_name (pid $exited_pid) exited unexpectedly; shutting everything down" >&2
fi
