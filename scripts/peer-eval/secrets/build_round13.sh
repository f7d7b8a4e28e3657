#!/bin/sh
# Round-13 held-out set: betterleaks rules absent from gitleaks v8.30.1.
# usage: build_round13.sh OUT.jsonl SET.jsonl...
# Extracts betterleaks/betterleaks (MIT, a 2026 successor of gitleaks with
# the same rule-test layout) at a pinned commit from a bare mirror fetched
# with the library's fetch tool, with cmd/extract-eval's gitleaks reader
# (tps = 1, fps = 0), and keeps only rules that no earlier set has, minus
# identifier rules (client, tenant, app and key ids, account and cloud
# names, hosts, URLs, addresses), and texts no SET holds. Texts labelled
# both ways are dropped.
set -e
OUT=$1
shift
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
MIRROR=${BETTERLEAKS_MIRROR:-/work/.mirror/betterleaks+betterleaks/repo}
COMMIT=6381fa45ae946c588e2e1334d8396a15e5171ad6
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/bl"
git --git-dir="$MIRROR" archive "$COMMIT" cmd/generate/config | tar -x -C "$TMP/bl"
(cd "$ROOT" && go run ./internal/detect/secrets/cmd/extract-eval -gitleaks "$TMP/bl" -out "$TMP/out" >/dev/null)
python3 - "$OUT" "$TMP/out/gitleaks.jsonl" "$@" <<'PY'
import collections, hashlib, json, re, sys
out, new, others = sys.argv[1], sys.argv[2], sys.argv[3:]
old_cats, old_texts = set(), set()
for s in others:
    for line in open(s):
        d = json.loads(line)
        old_cats.add(d["category"])
        old_texts.add(d["text"])
ident = re.compile(r"(client-id|tenant-id|app-id|key-id|account-id|auth-id|planetscale-id|account-name|cloud-name|token-name|-host|-url|address)(\.\d+)?$")
items = []
for line in open(new):
    d = json.loads(line)
    if d["category"] in old_cats or d["text"] in old_texts or ident.search(d["category"]):
        continue
    items.append(d)
labels = collections.defaultdict(set)
for d in items:
    labels[d["text"]].add(d["label"])
seen, kept = set(), []
for d in items:
    if len(labels[d["text"]]) > 1 or d["text"] in seen:
        continue
    seen.add(d["text"])
    kept.append(d)
with open(out, "w") as f:
    for d in kept:
        f.write(json.dumps(d) + "\n")
c = collections.Counter(d["label"] for d in kept)
h = hashlib.sha256(open(out, "rb").read()).hexdigest()
print(f"betterleaks-new: {len(kept)} items ({c[1]} / {c[0]}), "
      f"{len({d['category'] for d in kept})} rules, sha256 {h}")
PY
