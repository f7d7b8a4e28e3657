#!/bin/sh
# Rebuild the labelled secrets sets in /tmp/secrets-eval (nothing is written
# into the repository). Needs: Go, git, python3 with PyYAML, and bare
# mirrors fetched with the library's fetch tool into
# /work/.mirror/OWNER+NAME/repo for praetorian-inc/noseyparker,
# mongodb/kingfisher and secretlint/secretlint (commits pinned in
# build_yaml_secretlint.py and SOURCES.md).
set -e
OUT=${1:-/tmp/secrets-eval}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
mkdir -p "$OUT"
# 1. trufflehog and gitleaks test tables, from the Go module proxy.
TH=github.com/trufflesecurity/trufflehog/v3@v3.90.0
GL=github.com/zricethezav/gitleaks/v8@v8.30.1
(cd /tmp && go mod download "$TH" "$GL")
M=$(go env GOMODCACHE)
(cd "$ROOT" && go run ./internal/detect/secrets/cmd/extract-eval -trufflehog "$M/$TH" -gitleaks "$M/$GL" -out "$OUT")
# 2. noseyparker / kingfisher rule examples and secretlint snapshots.
python3 "$ROOT/scripts/peer-eval/secrets/build_yaml_secretlint.py" "$OUT"
