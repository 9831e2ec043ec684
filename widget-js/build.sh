#!/usr/bin/env bash
# Builds dist/widget.js and dist/widget.d.ts with the machine's own node and npm (Maven runs this
# in generate-resources; it also works by hand). npm ci runs only when node_modules is missing or
# older than package-lock.json, so a rebuild costs the esbuild run alone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

fail() {
  echo "widget-js: $1" >&2
  exit 1
}

command -v node >/dev/null 2>&1 || fail "'node' is not on the PATH: the widget is built with Node.js 20+ and npm (apt-get install -y nodejs npm)"
command -v npm >/dev/null 2>&1 || fail "'npm' is not on the PATH: the widget is built with Node.js 20+ and npm (apt-get install -y npm)"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
  || fail "Node.js $(node --version) is too old: the widget needs Node.js 20 or newer"
[ -f package-lock.json ] || fail "package-lock.json is missing: run 'npm install --no-audit --no-fund' in widget-js once and commit it"

# npm writes node_modules/.package-lock.json on every install: its age says whether the
# installed tree is older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
node build.mjs
