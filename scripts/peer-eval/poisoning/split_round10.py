#!/usr/bin/env python3
"""Round 10: split MPMA's six held-out server families, and build the
persuasive-but-honest benign check set.

Family split: random.Random(10).sample(sorted families, 3) become tune; the
other three stay held out. Written before any scoring of round 10.

Check set: benign tools (label 0) of the tune/seen/other sets only and the npm tools in internal/detect/data (never a
held-out file) whose description uses marketing words. They may be read.

Writes /tmp/poison-eval/r10/{mpma_tune,mpma_heldout,persuasive_benign}.jsonl
and prints their sha256 and counts (not the texts).
"""
import glob
import hashlib
import json
import os
import random
import re

ROOT = "/tmp/poison-eval"
OUT = os.path.join(ROOT, "r10")
R9_TUNE = {"Weather", "HotNews"}
MARKETING = re.compile(
    r"\b(best|powerful|seamless(ly)?|effortless(ly)?|trusted|expert|premium|"
    r"recommended|leading|world[- ]class|cutting[- ]edge|state[- ]of[- ]the[- ]art|"
    r"robust|reliable|comprehensive|advanced|intelligent|smart|ultimate|"
    r"enterprise[- ]grade|blazing|lightning|industry)\b",
    re.I,
)


def split_families(rows):
    held = sorted({r["server"] for r in rows if r["part"] == "heldout"})
    tune = set(random.Random(10).sample(held, 3))
    return tune, [f for f in held if f not in tune]


def write(path, rows):
    with open(path, "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    h = hashlib.sha256(open(path, "rb").read()).hexdigest()
    pos = sum(r.get("label") == 1 for r in rows)
    print(f"{path}\t{pos}/{len(rows) - pos}\t{h}")


def persuasive(paths):
    seen, out = set(), []
    for p in paths:
        for line in open(p):
            r = json.loads(line)
            d = r.get("description") or ""
            if r.get("label", 0) != 0 or not MARKETING.search(d) or d in seen:
                continue
            seen.add(d)
            r["label"] = 0
            r["_file"] = os.path.basename(p)
            out.append(r)
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    rows = [json.loads(l) for l in open(os.path.join(ROOT, "heldout/r9_mpma.jsonl"))]
    tune, held = split_families(rows)
    print("tune families:", sorted(tune | R9_TUNE), "held out:", held)
    write(os.path.join(OUT, "mpma_tune.jsonl"),
          [r for r in rows if r["server"] in tune | R9_TUNE])
    write(os.path.join(OUT, "mpma_heldout.jsonl"),
          [r for r in rows if r["server"] in held])
    benign = sorted(glob.glob(os.path.join(ROOT, d, "*.jsonl"))
                    for d in ("tune", "seen", "other"))
    npm = os.path.join(os.path.dirname(__file__), "../../../internal/detect/data/benign_npm_tools.jsonl")
    write(os.path.join(OUT, "persuasive_benign.jsonl"),
          persuasive([p for ps in benign for p in ps] + [os.path.normpath(npm)]))


if __name__ == "__main__":
    main()
