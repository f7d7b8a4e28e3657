#!/usr/bin/env python3
"""Round-15 held-out set: IBM's fork of detect-secrets.

usage: build_round15_ibm.py OUT.jsonl SET.jsonl...

IBM/detect-secrets (Apache-2.0) keeps its own plugin tests (GitHub
Enterprise, Box, DB2, IBM Cloud, ...) in the same pytest layout as
Yelp's. The items are read with build_round5.py's detect-secrets reader
(should_flag True = 1, False = 0; one-column tables by the test's
assertion) at a pinned commit of a bare mirror fetched with the library's
fetch tool. Texts any SET holds (Yelp's tests among them), duplicates and
texts labelled both ways are dropped.
"""
import collections
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_round5 as r5  # noqa: E402

r5.DS = ("IBM+detect-secrets", "076672a9a01abdfc7ecee2e7d14f08cdccb73976")


def wide_tables(items):
    """Tables with more columns, one named payload or line, ending in
    should_flag (db2's token, payload, should_flag): the payload is the
    item."""
    import ast
    for path in r5.ls(r5.DS, "tests/plugins"):
        name = os.path.basename(path)
        if not name.endswith("_test.py"):
            continue
        cat = "detect-secrets/" + name[: -len("_test.py")]
        tree = ast.parse(r5.show(r5.DS, path))
        env = r5.module_env(tree)
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            for dec in fn.decorator_list:
                if not (isinstance(dec, ast.Call) and ast.unparse(dec.func).endswith("parametrize") and len(dec.args) >= 2):
                    continue
                names = r5.ev(dec.args[0], env)
                if not isinstance(names, str):
                    continue
                cols = [c.strip() for c in names.split(",")]
                if len(cols) < 3 or cols[-1] != "should_flag":
                    continue
                col = next((i for i, c in enumerate(cols) if c in ("payload", "line")), None)
                if col is None or not isinstance(dec.args[1], (ast.List, ast.Tuple)):
                    continue
                for r in dec.args[1].elts:
                    if isinstance(r, ast.Tuple) and len(r.elts) == len(cols):
                        t, lab = r5.ev(r.elts[col], env), r5.ev(r.elts[-1], env)
                        if isinstance(t, str) and isinstance(lab, bool):
                            items.append((t, int(lab), cat))


def main():
    out, others = sys.argv[1], sys.argv[2:]
    seen = set()
    for s in others:
        for line in open(s):
            seen.add(json.loads(line)["text"])
    items = []
    r5.detect_secrets(items)
    wide_tables(items)
    labels = collections.defaultdict(set)
    for t, lab, _ in items:
        labels[t].add(lab)
    kept, texts = [], set()
    for t, lab, cat in items:
        if t in seen or t in texts or len(labels[t]) > 1:
            continue
        texts.add(t)
        kept.append({"text": t, "label": lab, "category": cat})
    with open(out, "w") as f:
        for d in kept:
            f.write(json.dumps(d) + "\n")
    c = collections.Counter(d["label"] for d in kept)
    h = hashlib.sha256(open(out, "rb").read()).hexdigest()
    cats = sorted({d["category"] for d in kept})
    print(f"ibm-detect-secrets: {len(kept)} items ({c[1]} / {c[0]}), "
          f"{len(cats)} files {cats}, sha256 {h}")


if __name__ == "__main__":
    main()
