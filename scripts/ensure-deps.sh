#!/usr/bin/env bash
# Installs what the project needs and a fresh Debian machine lacks. Idempotent: a no-op when all is there.
# Usage: scripts/ensure-deps.sh [postgres] [chromium] [java]
set -euo pipefail

need_apt=()
for want in "$@"; do
  case "$want" in
    postgres) [ -x /usr/lib/postgresql/15/bin/initdb ] || need_apt+=(postgresql postgresql-contrib) ;;
    chromium) command -v chromium >/dev/null || need_apt+=(chromium) ;;
    # Neo4j 3.1 (the graph adapter's test server) runs on Java 17.
    java) command -v java >/dev/null || need_apt+=(openjdk-17-jre-headless) ;;
    *) echo "ensure-deps: unknown dependency '$want'" >&2; exit 2 ;;
  esac
done

if [ ${#need_apt[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "ensure-deps: installing ${need_apt[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  # Debian's package starts a system cluster on 5432; we never use it, so keep the machine quiet.
  if [[ " ${need_apt[*]} " == *" postgresql "* ]]; then
    $sudo_cmd service postgresql stop >/dev/null 2>&1 || true
  fi
fi
command -v dotnet >/dev/null || { echo "ensure-deps: the .NET 10 SDK is required (https://dot.net)" >&2; exit 1; }
