#!/usr/bin/env bash
# Installs everything the whole test suite needs on a fresh Debian machine, then runs it.
# This is the README's test command and what CI (.ci/run) runs.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: git (the tests build real repositories), Chromium (reports and
# webviews are checked in a real browser).
missing=()
command -v git >/dev/null 2>&1 || missing+=(git)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "run-all: installing Debian packages: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Node packages exactly as locked (better-sqlite3 compiles from source: ~90 s). package.json's
# allowScripts denies onnxruntime-node's install script (a CUDA download); npm before 11.16
# ignores allowScripts, so onnxruntime's own switch says the same to it.
ONNXRUNTIME_NODE_INSTALL=skip npm ci --no-audit --no-fund

# sqlite-vec builds for every VS Code target the extension is packaged for (npm registry, into
# node_modules/.cache), so the packaging test checks all five offline.
node extension/package-vsix.mjs --fetch-only
export REPOSCOUT_REQUIRE_ALL_TARGETS=1

# Real VS Code for the extension's end-to-end tests: code-server on its own Node 24, outside
# the project's dependencies (a few minutes the first time, then reused from the cache).
# npm test also runs the engine's suite a second time on that Node 24 (node:sqlite).
REPOSCOUT_E2E_TOOLS="$(bash test/e2e/setup-code-server.sh)"
export REPOSCOUT_E2E_TOOLS

npm test
