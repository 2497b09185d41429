#!/usr/bin/env bash
# Builds GraphiQL (src/GraphQL/GraphiQL) into static files at src/GraphQL/GraphiQL/dist, which the silo serves at
# GET /graphql (browsers) and /graphiql/*. Run it before `dotnet build`: the build copies dist/ into the silo's output.
# Idempotent and cheap when nothing changed: skips `npm install` while node_modules matches the lockfile and skips
# `vite build` while dist/ is newer than every source file. FORCE=1 rebuilds anyway.
# `npm install`, not `npm ci`: ci fails on this registry copy (it lacks other platforms' optional packages) while
# install with the committed lockfile works and leaves the lock unchanged.
set -euo pipefail
cd "$(dirname "$0")/../src/GraphQL/GraphiQL"

command -v npm >/dev/null || { echo "build-graphiql: Node.js 20.19+ with npm is required" >&2; exit 1; }

sources=(package.json package-lock.json index.html vite.config.js src)

# True when $1 exists and no source file is newer than it.
up_to_date() {
  [ -e "$1" ] || return 1
  [ -z "$(find "${sources[@]}" -newer "$1" -print -quit)" ]
}

if [ "${FORCE:-0}" != 1 ] && up_to_date dist/index.html; then
  echo "build-graphiql: dist/ is up to date"
  exit 0
fi

# npm writes node_modules/.package-lock.json on every install; older than the lockfile means a stale install.
if [ "${FORCE:-0}" = 1 ] || [ ! -e node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
   || [ package.json -nt node_modules/.package-lock.json ]; then
  echo "build-graphiql: npm install"
  npm install --no-audit --no-fund --loglevel=error
  touch node_modules/.package-lock.json
fi

echo "build-graphiql: vite build"
npx --no-install vite build
touch dist/index.html
echo "build-graphiql: built $(pwd)/dist"
