#!/usr/bin/env bash
# e2e-setup.sh installs the pinned MCP reference servers that the end-to-end
# tests in test/e2e run behind Warden, into .cache/npm-servers (or
# $WARDEN_E2E_NPM_DIR). It is idempotent: a second run with the same pins and
# the servers present does nothing.
#
# Usage: scripts/e2e-setup.sh
#
# Exit status is non-zero if npm is missing or the install fails; the tests
# then skip with a message that names this script.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PREFIX=${WARDEN_E2E_NPM_DIR:-$ROOT/.cache/npm-servers}

# Keep in step with test/e2e (pinnedPackages): bump both together.
PACKAGES=(
	@modelcontextprotocol/server-everything@2026.8.31
	@modelcontextprotocol/server-filesystem@2026.8.31
)

log() { printf 'e2e-setup: %s\n' "$*" >&2; }
fail() { log "$*"; exit 1; }

want=$(printf '%s\n' "${PACKAGES[@]}" | sha256sum | cut -d' ' -f1)
have=$(cat "$PREFIX/.installed" 2>/dev/null || true)
if [[ $want == "$have" && -x $PREFIX/node_modules/.bin/mcp-server-everything &&
	-x $PREFIX/node_modules/.bin/mcp-server-filesystem ]]; then
	log "up to date in $PREFIX"
	exit 0
fi

command -v node >/dev/null || fail "node not found on PATH"
command -v npm >/dev/null || fail "npm not found on PATH"
mkdir -p "$PREFIX"
rm -f "$PREFIX/.installed"
# --save-exact records the pins in $PREFIX/package.json; the servers' own
# dependencies resolve through the lockfile npm keeps beside it.
if ! npm install --prefix "$PREFIX" --save-exact --no-audit --no-fund \
	--loglevel=error "${PACKAGES[@]}" >"$PREFIX/npm-install.log" 2>&1; then
	cat "$PREFIX/npm-install.log" >&2
	fail "npm install failed"
fi
for bin in mcp-server-everything mcp-server-filesystem; do
	[[ -x $PREFIX/node_modules/.bin/$bin ]] || fail "$bin missing after install"
done
echo "$want" >"$PREFIX/.installed"
log "installed ${PACKAGES[*]} into $PREFIX"
