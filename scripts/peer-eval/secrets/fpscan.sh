#!/bin/sh
# usage: fpscan.sh TEST_BINARY OUTDIR
# Runs TestFPScanRepo (FPSCAN_CODE=1) of a compiled secrets test binary
# (go test -c -o BIN ./internal/detect/secrets) over benign real text and
# writes one findings file per root plus a summary line per root.
# FPSCAN_SKIP (default /conformance-results/) leaves out paths that other
# jobs write while the scan runs, so before/after runs see the same files.
BIN=$1
OUT=$2
REPO=$(cd "$(dirname "$0")/../../.." && pwd)
M=$(go env GOMODCACHE)
mkdir -p "$OUT"
for root in "$REPO" /work/shared/corpora "$M/golang.org/x" "$M/github.com/modelcontextprotocol" \
	"$M/github.com/prometheus" "$M/github.com/lestrrat-go" "$M/github.com/go-jose"; do
	name=$(echo "$root" | sed 's|.*/||')
	FPSCAN_SKIP=${FPSCAN_SKIP:-/conformance-results/} FPSCAN_CODE=1 FPSCAN_ROOT=$root "$BIN" -test.run '^TestFPScanRepo$' >"$OUT/$name.txt" 2>&1
	printf '%-20s %s\n' "$name" "$(grep '^findings' "$OUT/$name.txt")"
done
