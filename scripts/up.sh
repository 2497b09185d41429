#!/usr/bin/env bash
# `make up`: the whole system on one machine. Starts a private PostgreSQL under .data/ unless POSTGRES_HOST (or
# POSTGRES_CONNECTION_STRING) is set, then the silo and DEMO_AGENTS reference agents; prints the URLs; Ctrl-C or
# SIGTERM stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

if [ -f .env ]; then set -a; . ./.env; set +a; fi

export ORCHESTRATOR_PORT="${ORCHESTRATOR_PORT:-8085}"
export AGENT_PORT="${AGENT_PORT:-8001}"
export WORKSPACE_ROOT="${WORKSPACE_ROOT:-$root/.data/workspace}"
export ORCHESTRATOR_URL="${ORCHESTRATOR_URL:-http://127.0.0.1:$ORCHESTRATOR_PORT}"
# A local playground: whoever opens the cockpit may create and cancel jobs (the production default is viewer).
export AUTH_GUEST_ROLE="${AUTH_GUEST_ROLE:-operator}"
demo_agents="${DEMO_AGENTS:-3}"
mkdir -p "$WORKSPACE_ROOT"

. scripts/lib/processes.sh
. scripts/lib/demo-llm.sh
trap stop_all INT TERM EXIT
ensure_postgres

echo "building…"
scripts/build-graphiql.sh
scripts/build-cockpit.sh
dotnet build Cockpit.slnx -c Release -nologo -clp:ErrorsOnly -v:q

dotnet src/Silo/bin/Release/net10.0/Cockpit.Silo.dll > >(sed -u 's/^/[silo] /') 2>&1 &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$ORCHESTRATOR_PORT/health/ready" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$ORCHESTRATOR_PORT/health/ready" >/dev/null || { echo "the silo did not become ready; see [silo] lines above" >&2; exit 1; }

start_demo_llm
for i in $(seq 1 "$demo_agents"); do
  AGENT_PORT=$((AGENT_PORT + i - 1)) AGENT_HOSTNAME="demo-agent-$i" POD_IP=127.0.0.1 AGENT_BIND_ADDRESS=127.0.0.1 \
    dotnet src/Agent/bin/Release/net10.0/Cockpit.Agent.dll > >(sed -u "s/^/[agent-$i] /") 2>&1 &
  pids+=($!)
done

cat <<INFO

  Cockpit is running.
    Cockpit       http://127.0.0.1:$ORCHESTRATOR_PORT/
    GraphQL       http://127.0.0.1:$ORCHESTRATOR_PORT/graphql   (GraphiQL in a browser)
    REST API      http://127.0.0.1:$ORCHESTRATOR_PORT/api/agents   http://127.0.0.1:$ORCHESTRATOR_PORT/api/jobs
    Health        http://127.0.0.1:$ORCHESTRATOR_PORT/health/ready
    Agents        $demo_agents reference agents on ports $AGENT_PORT..$((AGENT_PORT + demo_agents - 1))
    Demo LLM      $demo_llm_line
    Workspaces    $WORKSPACE_ROOT
    Database      ${POSTGRES_HOST:-(connection string)}${POSTGRES_PORT:+:$POSTGRES_PORT}${POSTGRES_DB:+/$POSTGRES_DB}${private_pg:+ (private, in .data/postgres)}
  Press Ctrl-C to stop everything.

INFO
wait -n "${pids[@]}" || true
[ -n "$stopping" ] || echo "a process exited unexpectedly; shutting everything down" >&2
