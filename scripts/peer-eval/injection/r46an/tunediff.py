#!/usr/bin/env python3
"""Round 46: per-item tune differences between two tune_r46.py runs (tune data only).

usage: tunediff.py BASE CAND   (names as given to tune_r46.py; reads /tmp/r46/tune/NAME.SET.out)
Prints per set: items flagged-or-truncated only by BASE (cleared) and only by CAND (new)."""
import glob, json, os, sys


def bad(path):
    out = []
    for line in open(path):
        r = json.loads(line)
        out.append(bool(r["flagged"] or "inj.budget.truncated" in (r.get("rules") or [])))
    return out


def main():
    a, b = sys.argv[1], sys.argv[2]
    for pa in sorted(glob.glob(f"/tmp/r46/tune/{a}.*.out")):
        s = os.path.basename(pa)[len(a) + 1:-4]
        x, y = bad(pa), bad(f"/tmp/r46/tune/{b}.{s}.out")
        gone = sum(1 for p, q in zip(x, y) if p and not q)
        new = sum(1 for p, q in zip(x, y) if q and not p)
        print(f"{s:24s} cleared {gone:3d}  new {new:3d}")


if __name__ == "__main__":
    main()
