#!/usr/bin/env python3
"""Round 107: score one `warden` binary once on the frozen r107 sets and keep aggregates only.

Usage: summarise_r107.py --bin WARDEN --out DIR --sets /tmp/r107/sets

Round 84's script with round 107's names (r74an/summarise_r74.py, main(r="107"), then recall by language
read from the two eval files already written, no second scoring): every category is English except
build_fresh_r107.lang_of (a type ending in _fr, _de, _it, _es, _nl, _ru, _ja, _zh, _ko, _ar or _mixed
counts in that language; every other category counts as English). Nothing item-level is printed or kept (no --verbose).
"""
import os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "r74an"))
sys.path.insert(0, os.path.join(HERE, "..", "r84an"))
sys.path.insert(0, HERE)
import summarise_r74  # noqa: E402
import summarise_r84  # noqa: E402
from build_fresh_r107 import lang_of  # noqa: E402

R = "107"


def lang_lines(out):
    return summarise_r84.lang_lines(out, R, lang_of)


if __name__ == "__main__":
    summarise_r74.main(R)
    out = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else os.path.join(HERE)
    lines = lang_lines(out)
    with open(os.path.join(out, "summary.txt"), "a") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
