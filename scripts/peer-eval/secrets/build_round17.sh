#!/bin/sh
# Round-17 set: Checkmarx/2ms rule tests (Apache-2.0), split by rule.
# usage: build_round17.sh OUTDIR SET.jsonl...
# 2ms (a gitleaks-based scanner) keeps, per rule, a Go test table with
# `truePositives` (each must give >= 1 finding: label 1) and
# `falsePositives` (each must give none: label 0). A Go AST reader (stdlib
# only, written to a temp dir) evaluates the string literals of those
# tables at a pinned commit of a bare mirror fetched with the library's
# fetch tool; tables built by code (the `...WPaths` maps) are skipped.
# Kept: rules that find secrets (identifier rules such as client ids, user
# ids and public keys left out), texts no SET holds (2ms copied most of
# gitleaks' tables, which gitleaks.jsonl already has), texts labelled one
# way only, negatives that no 2ms rule lists as a positive. Then split by
# rule, rules shuffled with seed 20261127, each rule to the half with
# fewer items: OUTDIR/twoms-tune.jsonl and OUTDIR/twoms-heldout.jsonl.
set -e
OUT=$1
shift
MIRROR=${TWOMS_MIRROR:-/work/.mirror/Checkmarx+2ms/repo}
COMMIT=e2fafb4a9738d0f2984b0570f056e70a72ad55cb
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/src" "$TMP/tool" "$OUT"
git --git-dir="$MIRROR" archive "$COMMIT" engine/rules/ruledefine | tar -x -C "$TMP/src"
cat > "$TMP/tool/main.go" <<'GO'
// Prints one JSON line per string of a truePositives / falsePositives
// table in the _test.go files named on the command line.
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

type item struct {
	Text     string `json:"text"`
	Label    int    `json:"label"`
	Category string `json:"category"`
}

// str evaluates a string literal or a + of literals; ok is false otherwise.
func str(e ast.Expr) (string, bool) {
	switch v := e.(type) {
	case *ast.BasicLit:
		if v.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(v.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if v.Op != token.ADD {
			return "", false
		}
		a, ok1 := str(v.X)
		b, ok2 := str(v.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return str(v.X)
	}
	return "", false
}

func main() {
	enc := json.NewEncoder(os.Stdout)
	skipped := 0
	for _, path := range os.Args[1:] {
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			fmt.Fprintln(os.Stderr, "parse:", err)
			os.Exit(1)
		}
		rule := strings.TrimSuffix(filepath.Base(path), "_test.go")
		ast.Inspect(f, func(n ast.Node) bool {
			kv, ok := n.(*ast.KeyValueExpr)
			if !ok {
				return true
			}
			key, ok := kv.Key.(*ast.Ident)
			lit, ok2 := kv.Value.(*ast.CompositeLit)
			if !ok || !ok2 || (key.Name != "truePositives" && key.Name != "falsePositives") {
				return true
			}
			label := 0
			if key.Name == "truePositives" {
				label = 1
			}
			for _, el := range lit.Elts {
				s, ok := str(el)
				if !ok {
					skipped++
					continue
				}
				if err := enc.Encode(item{s, label, "2ms/" + rule}); err != nil {
					fmt.Fprintln(os.Stderr, "write:", err)
					os.Exit(1)
				}
			}
			return false
		})
	}
	fmt.Fprintln(os.Stderr, "non-literal elements skipped:", skipped)
}
GO
(cd "$TMP/tool" && GOFLAGS= GO111MODULE=off go build -o extract main.go)
"$TMP/tool/extract" "$TMP"/src/engine/rules/ruledefine/*_test.go > "$TMP/raw.jsonl"
python3 - "$OUT" "$TMP/raw.jsonl" "$@" <<'PY'
import collections, hashlib, json, random, re, sys
out, raw, others = sys.argv[1], sys.argv[2], sys.argv[3:]
old = set()
for s in others:
    for line in open(s):
        old.add(json.loads(line)["text"])
# Rules that find identifiers or public values, not secrets.
ident = re.compile(r"(client_id|access_id|user_id|user_api_id|_public_key|pub_key|pub_api_token|utils)$")
items = [json.loads(l) for l in open(raw)]
print(f"raw: {len(items)} items, {len({d['category'] for d in items})} rules", file=sys.stderr)
items = [d for d in items if not ident.search(d["category"])]
labels = collections.defaultdict(set)
for d in items:
    labels[d["text"]].add(d["label"])
seen, kept, dropped = set(), [], collections.Counter()
for d in items:
    t = d["text"]
    if t in old:
        dropped["in an earlier set"] += 1
    elif len(labels[t]) > 1:
        dropped["labelled both ways"] += 1
    elif t in seen:
        dropped["duplicate"] += 1
    elif not t.strip():
        dropped["empty"] += 1
    else:
        seen.add(t)
        kept.append(d)
print("dropped:", dict(dropped), file=sys.stderr)
by_rule = collections.defaultdict(list)
for d in kept:
    by_rule[d["category"]].append(d)
rules = sorted(by_rule)
random.Random(20261127).shuffle(rules)
halves = {"tune": [], "heldout": []}
for r in rules:
    h = min(halves, key=lambda k: (len(halves[k]), k))
    halves[h].extend(by_rule[r])
for name, rows in halves.items():
    p = f"{out}/twoms-{name}.jsonl"
    with open(p, "w") as f:
        for d in rows:
            f.write(json.dumps(d) + "\n")
    c = collections.Counter(d["label"] for d in rows)
    h = hashlib.sha256(open(p, "rb").read()).hexdigest()
    print(f"twoms-{name}: {len(rows)} items ({c[1]} / {c[0]}), "
          f"{len({d['category'] for d in rows})} rules, sha256 {h}")
PY
