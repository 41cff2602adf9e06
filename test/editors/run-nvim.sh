#!/usr/bin/env bash
# `npm run test:nvim`: the language server under Neovim, an LSP client that is not ours.
# Installs Debian's neovim if it is missing; ends with a plain "N passed, N failed, N skipped" line
# (nvim-check.lua prints PASS / FAIL / "SKIP name: reason" lines).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
if ! command -v nvim >/dev/null; then
  echo "[nvim] installing Debian's neovim"
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq neovim >/dev/null
fi
[ -f dist/server.js ] || npm run build
out=$(FG_BIN="$PWD/bin/fintech-glossary.js" timeout 120 nvim --headless --clean -n -c 'luafile test/editors/nvim-check.lua' test/editors/sample.txt 2>&1)
rc=$?
echo "$out"
passed=$(grep -c '^PASS ' <<<"$out")
failed=$(grep -c '^FAIL ' <<<"$out")
skipped=$(grep -c '^SKIP ' <<<"$out")
# a crash or time-out that reported nothing still fails
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
