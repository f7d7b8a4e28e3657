#!/usr/bin/env bash
# test.sh is Warden's whole test suite, the command the README gives and CI
# runs: formatting and vet, the Go tests (with the race detector on the
# concurrent packages), the end-to-end tests against real MCP reference
# servers from npm, and the official MCP conformance suites through Warden.
#
# Everything a test needs is installed here, under .cache/ (Node 22 and the
# conformance harnesses, the reference servers). PostgreSQL-backed store
# tests use the local server when it is running and start it when they can.
#
# Usage: scripts/test.sh [quick]    quick: skip e2e and conformance
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '\n== %s\n' "$*"; }
export GOFLAGS=${GOFLAGS:--buildvcs=false}

step "gofmt"
unformatted=$(git ls-files '*.go' | xargs -r gofmt -l)
if [[ -n $unformatted ]]; then
	echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

step "go vet"
go vet ./...

step "PostgreSQL for the store tests"
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 2>/dev/null; then
	if ls /etc/postgresql >/dev/null 2>&1; then
		pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start 2>/dev/null || true
	fi
fi
pg_isready -h 127.0.0.1 2>/dev/null || echo "PostgreSQL not reachable: its store tests will say so and skip"

if [[ ${1:-} != quick ]]; then
	step "reference MCP servers for the end-to-end tests"
	scripts/e2e-setup.sh
fi

step "go test"
go test -count=1 ./...

step "go test -race (concurrent packages)"
go test -count=1 -race ./internal/gateway/ ./internal/transport/ ./internal/audit/ ./internal/guard/... ./internal/flow/ ./internal/approval/ ./internal/detect/keywords/

if [[ ${1:-} == quick ]]; then
	exit 0
fi

step "MCP conformance suites through Warden"
go build -o bin/warden ./cmd/warden
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
WARDEN_CMD="env -C $data $PWD/bin/warden serve --listen 127.0.0.1:{port} --upstream everything={upstream}" \
	scripts/conformance.sh proxy

step "MCP conformance client auth scenarios (Warden's outbound OAuth)"
scripts/conformance-auth.sh
