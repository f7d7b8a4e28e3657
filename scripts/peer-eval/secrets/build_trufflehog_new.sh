#!/bin/sh
# Fresh held-out set (round 4): trufflehog detectors added after v3.90.0.
# Extracts the test tables of trufflesecurity/trufflehog at a pinned newer
# commit (bare mirror fetched with the library's fetch tool) and keeps only
# detectors that v3.90.0 does not have, and texts no other set holds.
# Run after build.sh (it reads the older sets to exclude them).
# Also writes trufflehog-changed.jsonl (round-5 tune set): texts added to the
# test tables of detectors that v3.90.0 already had.
set -e
OUT=${1:-/tmp/secrets-eval}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
MIRROR=${TRUFFLEHOG_MIRROR:-/work/.mirror/trufflesecurity+trufflehog/repo}
COMMIT=3ab759fef4bb5935d4fe9ac68b503d05346b8364
GL=github.com/zricethezav/gitleaks/v8@v8.30.1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/th"
git --git-dir="$MIRROR" archive "$COMMIT" pkg/detectors | tar -x -C "$TMP/th"
M=$(go env GOMODCACHE)
(cd "$ROOT" && go run ./internal/detect/secrets/cmd/extract-eval -trufflehog "$TMP/th" -gitleaks "$M/$GL" -out "$TMP/out" >/dev/null)
python3 - "$OUT" "$TMP/out/trufflehog.jsonl" <<'PY'
import json, sys, collections
out, new = sys.argv[1], sys.argv[2]
old_cats, old_texts = set(), set()
for s in ["trufflehog", "gitleaks", "noseyparker", "kingfisher", "secretlint"]:
    for line in open(f"{out}/{s}.jsonl"):
        d = json.loads(line)
        old_cats.add(d["category"])
        old_texts.add(d["text"])
items, changed = [], []
for line in open(new):
    d = json.loads(line)
    if d["text"] in old_texts:
        continue
    (changed if d["category"] in old_cats else items).append(d)
# Round 5 tune set: new test texts of detectors v3.90.0 already had.
with open(f"{out}/trufflehog-changed.jsonl", "w") as f:
    for d in changed:
        f.write(json.dumps(d) + "\n")
with open(f"{out}/trufflehog-new.jsonl", "w") as f:
    for d in items:
        f.write(json.dumps(d) + "\n")
c = collections.Counter(d["label"] for d in items)
print(f"trufflehog-new: {len(items)} items, {c[1]} positive, {c[0]} negative, "
      f"{len({d['category'] for d in items})} detectors")
PY
