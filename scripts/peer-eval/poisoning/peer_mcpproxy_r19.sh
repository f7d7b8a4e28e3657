#!/bin/sh
# Round 19: build peer_mcpproxy_r19.go in a scratch module made from a
# `git archive` of smart-mcp-proxy/mcpproxy-go (MIT), measurement only; no peer
# code enters this repository. Usage:
#   peer_mcpproxy_r19.sh MIRROR_GIT_DIR OUT_DIR   -> OUT_DIR/mcpp19
# The scratch tree keeps the peer's detect engine, checks, secret patterns and
# the tpa-db bundle loader; it drops patterns/custom.go (needs the peer's
# config package, unused by the checks) and replaces defaultBundleCheck
# (configuration/zap plumbing) with LoadEmbedded, which loads the same
# embedded bundle through the peer's own loadEmbeddedBundleCheck.
set -eu
mirror=$1; out=$2; here=$(cd "$(dirname "$0")" && pwd)
tree=$out/mcpp-tree
rm -rf "$tree"; mkdir -p "$tree/cmd/r19"
git --git-dir="$mirror" archive HEAD go.mod go.sum internal/security/detect \
  internal/security/patterns internal/security/scanner/tpa_bundle.go \
  internal/security/scanner/bundled | tar -x -C "$tree"
find "$tree" -name '*_test.go' -delete
rm "$tree/internal/security/patterns/custom.go"
python3 - "$tree/internal/security/scanner/tpa_bundle.go" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
s = s.replace('\t"go.uber.org/zap"\n', '')
i = s.index('func defaultBundleCheck() *BundleCheck {'); j = s.index('\n}\n', i) + 3
s = s[:i] + ('// LoadEmbedded is the round-19 scratch entry point (was defaultBundleCheck).\n'
             'func LoadEmbedded() (*BundleCheck, error) {\n\tc, _, err := loadEmbeddedBundleCheck()\n'
             '\treturn c, err\n}\n') + s[j:]
open(p, 'w').write(s)
PY
sed '1,2d' "$here/peer_mcpproxy_r19.go" > "$tree/cmd/r19/main.go"
(cd "$tree" && GOFLAGS=-mod=mod nice go build -o "$out/mcpp19" ./cmd/r19)
git --git-dir="$mirror" rev-parse HEAD
