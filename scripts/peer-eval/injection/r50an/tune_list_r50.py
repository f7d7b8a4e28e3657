#!/usr/bin/env python3
"""Round 50: per flagged clean TUNE item of the r50 sets, the deciding signal (round 42's
causes.decide) and the text behind it (task sentence, rule span, or the classifier window's
top features and a slice of its view). Tune data only: it prints text of the input.

usage: tune_list_r50.py AN.jsonl [--table]   (AN from r42an/main.go on r50_*_tune.jsonl)
--table prints only the signal-by-source counts."""
import collections, json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "r42an"))
from causes import decide, item


def main():
    table = "--table" in sys.argv
    by = collections.Counter()
    for l in open(sys.argv[1]):
        r = json.loads(l)
        sig, sh, obj = decide(r)
        src = r["cat"].split("/")[2]
        by[(sig, src)] += 1
        if table:
            continue
        x = item(r["file"], r["line"])["text"].encode()
        d = lambda a, b: x[max(0, a):b].decode("utf-8", "replace").replace("\n", "\\n")
        print(f"== {r['cat']} line {r['line']} len {r['len']} score {r['score']:.2f} signal {sig}")
        if sig == "task":
            print(f"   task p={obj['p']:.2f} floor={obj['floor']:.2f}: …{d(obj['a'] - 100, obj['a'])}[[{d(obj['a'], obj['b'])}]]{d(obj['b'], obj['b'] + 60)}…")
        elif sig in ("rule", "clf", "combo") and obj:
            print(f"   win {obj['a']}-{obj['b']} clf={obj['clf']:.2f} rule={obj['rule']:.2f} ids={obj['ids']} spans={[s[:120] for s in obj['spans'] or []]}")
            print(f"   top={obj.get('top')}")
            print(f"   view: {(obj.get('view') or '')[:400]!r}")
    srcs = sorted({s for _, s in by})
    sigs = sorted({g for g, _ in by})
    print("| signal | " + " | ".join(srcs) + " | all |")
    print("|---" * (len(srcs) + 2) + "|")
    for g in sigs:
        print(f"| {g} | " + " | ".join(str(by[(g, s)]) for s in srcs) + f" | {sum(by[(g, s)] for s in srcs)} |")


if __name__ == "__main__":
    main()
