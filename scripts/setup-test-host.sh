#!/bin/bash
# Installs the VS Code test host used by test/integration and test/e2e into <repo>/.test-host/
# (git-ignored, ~300 MB): Debian's chromium + ripgrep + libkrb5-dev, and code-server@4.100.3 (which
# bundles the real VS Code 1.100.3 server and Node extension host) + playwright-core to drive
# headless chromium. Idempotent: every step is skipped when its result is already there.
# Works offline except for the npm registry and Debian's archive (see ../shared/vscode-offline.md).
# usage: scripts/setup-test-host.sh [--apt-only] [HOST_DIR]   (default: <repo>/.test-host)
set -euo pipefail

APT_ONLY=
if [ "${1:-}" = --apt-only ]; then
  APT_ONLY=1
  shift
fi
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOST=${1:-${TEST_HOST_DIR:-$REPO/.test-host}}
CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.65.1
# @vscode/ripgrep 1.15.11 (a dependency of code-server 4.100.x) fetches this archive from GitHub.
RG_CACHE_NAME=vscode-ripgrep-cache-1.15.11
RG_ARCHIVE=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

T_ALL=$(date +%s%N)
elapsed() { # seconds since $1 (from date +%s%N), one decimal
  local ds=$((($(date +%s%N) - $1) / 100000000))
  echo "$((ds / 10)).$((ds % 10))"
}
step() { # step "label" cmd...: runs a command and prints how long it took
  local label=$1 s
  shift
  s=$(date +%s%N)
  "$@"
  echo "setup-test-host: $label ($(elapsed "$s") s)"
}

# --- 1. Debian packages (curl: the runner polls the server; git, ca-certificates: a CI clone) ---
APT_PACKAGES=(chromium libkrb5-dev ripgrep curl ca-certificates git)
have_apt_pkgs() {
  command -v chromium > /dev/null && command -v rg > /dev/null && [ -e /usr/include/krb5.h ] &&
    command -v curl > /dev/null && command -v git > /dev/null && [ -d /etc/ssl/certs ]
}
install_apt() {
  local sudo=
  if [ "$(id -u)" != 0 ]; then
    command -v sudo > /dev/null || { echo "setup-test-host: need root (or sudo) to apt-get install ${APT_PACKAGES[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  APT_LOG=$(mktemp)
  $sudo apt-get update -qq
  if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" > "$APT_LOG" 2>&1; then
    tail -30 "$APT_LOG" >&2
    exit 1
  fi
}
if have_apt_pkgs; then
  echo "setup-test-host: ${APT_PACKAGES[*]} already installed"
else
  step "apt-get install ${APT_PACKAGES[*]}" install_apt
fi
[ -z "$APT_ONLY" ] || exit 0

# --- 2. code-server + playwright-core in HOST (its own package.json, not the repo's lockfile) ---
mkdir -p "$HOST"
cd "$HOST"
[ -f package.json ] || echo '{ "name": "k8s-workloads-test-host", "private": true, "description": "VS Code test host (see scripts/setup-test-host.sh)" }' > package.json

installed_version() { node -p "require('./node_modules/$1/package.json').version" 2> /dev/null || true; }

install_code_server() {
  # Workaround 2: pre-seed @vscode/ripgrep's download cache with Debian's rg.
  mkdir -p "$HOST/tmp/$RG_CACHE_NAME" "$HOST/rg"
  cp "$(command -v rg)" "$HOST/rg/rg"
  tar czf "$HOST/tmp/$RG_CACHE_NAME/$RG_ARCHIVE" -C "$HOST/rg" rg
  # Workaround 1: --unsafe-perm so postinstall scripts run as root.
  # Workaround 3: npm_config_yes=true — node-pty's postinstall runs `npx node-gyp`, which a
  # machine-wide `yes=false` in npmrc would cancel. kerberos builds against libkrb5-dev.
  if ! TMPDIR="$HOST/tmp" npm_config_yes=true npm install --no-audit --no-fund --unsafe-perm \
    "code-server@$CODE_SERVER_VERSION" > "$HOST/npm-code-server.log" 2>&1; then
    tail -40 "$HOST/npm-code-server.log" >&2
    echo "setup-test-host: npm install code-server failed (full log: $HOST/npm-code-server.log)" >&2
    exit 1
  fi
}
if [ "$(installed_version code-server)" = "$CODE_SERVER_VERSION" ] && [ -f node_modules/code-server/lib/vscode/out/server-main.js ]; then
  echo "setup-test-host: code-server@$CODE_SERVER_VERSION already installed"
else
  step "npm install code-server@$CODE_SERVER_VERSION" install_code_server
fi

install_playwright() {
  if ! npm install --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION" > "$HOST/npm-playwright.log" 2>&1; then
    tail -40 "$HOST/npm-playwright.log" >&2
    exit 1
  fi
}
if [ "$(installed_version playwright-core)" = "$PLAYWRIGHT_VERSION" ]; then
  echo "setup-test-host: playwright-core@$PLAYWRIGHT_VERSION already installed"
else
  step "npm install playwright-core@$PLAYWRIGHT_VERSION" install_playwright
fi

# --- 3. sanity check: the pieces the runners use are there ------------------------------------
[ -f "$HOST/node_modules/code-server/lib/vscode/out/server-main.js" ] || { echo "setup-test-host: VS Code server missing" >&2; exit 1; }
[ -x /usr/bin/chromium ] || { echo "setup-test-host: /usr/bin/chromium missing" >&2; exit 1; }
echo "setup-test-host: test host ready in $HOST (total $(elapsed "$T_ALL") s)"
