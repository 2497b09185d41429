# Sourced by scripts/up.sh and scripts/cluster.sh after the build: starts the demo LLM (src/DemoLlm, model
# cockpit-demo, not a language model) and points the reference agents at it, unless LLM_BASE_URL names a real one
# or DEMO_LLM=0. Expects start and wait_until_ready from scripts/lib/processes.sh.

demo_llm_line=""

start_demo_llm() {
  if [ -n "${LLM_BASE_URL:-}" ]; then demo_llm_line="off: agents use LLM_BASE_URL=$LLM_BASE_URL"; return 0; fi
  if [ "${DEMO_LLM:-1}" = "0" ]; then demo_llm_line="off (DEMO_LLM=0): agents run the keyword workload"; return 0; fi
  local port="${DEMO_LLM_PORT:-8090}"
  DEMO_LLM_PORT="$port" DEMO_LLM_BIND=127.0.0.1 start demo-llm dotnet src/DemoLlm/bin/Release/net10.0/Cockpit.DemoLlm.dll
  wait_until_ready "http://127.0.0.1:$port/health" 30 "${pids[-1]}" \
    || { echo "the demo LLM did not start; see [demo-llm] lines above" >&2; return 1; }
  export LLM_BASE_URL="http://127.0.0.1:$port/v1" LLM_MODEL=cockpit-demo OPENAI_API_KEY="${OPENAI_API_KEY:-demo}"
  demo_llm_line="http://127.0.0.1:$port/v1   (cockpit-demo: not a language model; LLM_BASE_URL or DEMO_LLM=0 turn it off)"
}
