#!/usr/bin/env python3
"""Round 84: score one `warden` binary once on the frozen r84 sets and keep aggregates only.

Usage: summarise_r84.py --bin WARDEN --out DIR --sets /tmp/r84/sets

Round 80's script with round 84's names (r74an/summarise_r74.py, main(r="84")): runs
`BIN eval injection --json` once on r84_bare.jsonl and once on r84_doc.jsonl, scores every clean
category once as its own file for its flagged count, and writes r84_bare_eval.json, r84_doc_eval.json,
r84_clean_by_category.txt and summary.txt in DIR. Then appends recall by language to summary.txt,
read from the two eval files already written (no second scoring): every category is English except
build_fresh_r84.lang_of (a category ending in a language code). Nothing item-level is printed or kept (no --verbose).
"""
import collections, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "r74an"))
sys.path.insert(0, HERE)
import summarise_r74  # noqa: E402
from build_fresh_r84 import lang_of  # noqa: E402


def lang_lines(out, r="84", lang_of=lang_of):
    """Recall by language from round r's two eval files in out (round 86 reuses it)."""
    agg = collections.defaultdict(lambda: [0, 0])
    for name, setting in ((f"r{r}_bare_eval.json", "bare"), (f"r{r}_doc_eval.json", "doc")):
        js = json.loads(open(os.path.join(out, name)).read().strip().splitlines()[-1])
        for cat, v in js["categories"].items():
            _, _, src, typ = cat.split("/", 3)
            lang = lang_of(f"{src}/{typ}")
            for key in ((setting, lang), (setting, "all")):
                agg[key][0] += v["detected"]
                agg[key][1] += v["items"]
    lines = ["RECALL by language (setting, language): rate (k/n) [Wilson 95%]"]
    lines += [f"  {s:<9} {l:<5} {summarise_r74.fmt(*agg[(s, l)])}" for s, l in sorted(agg)]
    return lines


if __name__ == "__main__":
    summarise_r74.main("84")
    out = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else os.path.join(HERE)
    lines = lang_lines(out)
    with open(os.path.join(out, "summary.txt"), "a") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
