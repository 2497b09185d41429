#!/usr/bin/env bash
# Builds the cockpit (cockpit/, Angular) into cockpit/dist/cockpit/browser, which the silo serves at /.
# Idempotent and cheap when nothing changed: `npm install` only when node_modules is missing or older than the
# lockfile/package.json; codegen + `ng build` only when a source (or the GraphQL SDL) is newer than the build.
# FORCE=1 rebuilds anyway. Needs Node.js 20.19+ with npm.
# `npm install`, not `npm ci`: ci fails on this registry copy (it lacks other platforms' optional packages) while
# install with the committed lockfile works and leaves the lock unchanged.
set -euo pipefail
cd "$(dirname "$0")/../cockpit"

command -v npm >/dev/null || { echo "build-cockpit: Node.js 20.19+ with npm is required" >&2; exit 1; }

stamp=dist/cockpit/browser/index.html
sources=(package.json package-lock.json angular.json codegen.ts codegen-compact.mjs tsconfig.json tsconfig.app.json src public ../src/GraphQL/schema.graphql)

# True when $1 exists and no source file is newer than it (the generated GraphQL types do not count: the build writes them).
up_to_date() {
  [ -e "$1" ] || return 1
  [ -z "$(find "${sources[@]}" -newer "$1" ! -name generated.ts -print -quit)" ]
}

install_if_needed() {
  # npm writes node_modules/.package-lock.json on every install; older than the lockfile means a stale install.
  if [ "${FORCE:-0}" = 1 ] || [ ! -e node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
     || [ package.json -nt node_modules/.package-lock.json ]; then
    echo "build-cockpit: npm install"
    npm install --no-audit --no-fund --loglevel=error
    touch node_modules/.package-lock.json
  fi
}

if [ "${1:-}" = "--install-only" ]; then install_if_needed; exit 0; fi

if [ "${FORCE:-0}" != 1 ] && up_to_date "$stamp"; then
  echo "build-cockpit: dist/ is up to date"
  exit 0
fi

install_if_needed
echo "build-cockpit: codegen + ng build"
npm run --silent codegen
npx --no-install ng build --progress=false
touch "$stamp"
echo "build-cockpit: built $(pwd)/dist/cockpit/browser"
