#!/usr/bin/env python3
"""Round 63: the deciding signal (round 59/61 classes) of each flagged-or-truncated RAW view of the web tune
sets, and for views whose signal involves the window classifier, which raw-HTML region carries the
best window (regions_r63 output: byte shares and the probability with each region blanked).
Tune data only. usage: tune_sig_r63.py DIR NAME... (reads DIR/an59_NAME.jsonl, DIR/reg_NAME.jsonl)"""
import collections, json, sys


def winscore(w):
    return 1 - (1 - w["rule"]) * (1 - max(0, (w["prob"] - 0.5) / 0.5))


def signal(r):
    best = max(r["wins"] or [{"rule": 0, "prob": 0}], key=winscore)
    bw = winscore(best)
    tk = [t for t in (r["tasks"] or []) if t["p"] >= t["floor"] and not t.get("prose")]
    if r["trunc"]:
        return "budget", best
    if tk:
        return ("task alone" if bw < 0.5 else "task + window"), best
    if best["rule"] >= 0.5:
        return "rules", best
    if best["prob"] >= 0.75:
        return "window classifier", best
    return "rule + classifier", best


def carrier(w):
    """The region whose blanking lowers the window most; 'mixed' if none takes it under 0.5 alone."""
    drops = sorted(((w["Prob"] - p, c) for c, p in w["Without"].items()), reverse=True)
    if not drops:
        return "none"
    d, c = drops[0]
    main = max(w["Share"].items(), key=lambda kv: kv[1])[0]
    return c if w["Prob"] - d < 0.5 else f"mixed(max drop {c}; bytes {main})"


def main():
    d, names = sys.argv[1], sys.argv[2:]
    sig = collections.Counter()
    car = collections.Counter()
    rows = []
    for n in names:
        reg = {}
        for l in open(f"{d}/reg_{n}.jsonl"):
            r = json.loads(l)
            reg[r["line"]] = r
        for l in open(f"{d}/an59_{n}.jsonl"):
            r = json.loads(l)
            if not (r["flagged"] or r["trunc"]):
                continue
            s, best = signal(r)
            sig[s, n] += 1
            sig[s, "all"] += 1
            if s in ("window classifier", "rule + classifier", "task + window") and r["line"] in reg:
                w = max(reg[r["line"]]["wins"], key=lambda w: w["Prob"])
                c = carrier(w)
                car[c, n] += 1
                car[c, "all"] += 1
                share = " ".join(f"{k}={v:.2f}" for k, v in sorted(w["Share"].items(), key=lambda kv: -kv[1]) if v >= 0.05)
                wo = " ".join(f"{k}:{v:.2f}" for k, v in w["Without"].items())
                rows.append(f"{n} line {r['line']:4d} {s:18s} p={w['Prob']:.2f} carrier={c} | {share} | without {wo} | {' '.join(w.get('Feats', [])[:8])}")
    cols = names + ["all"]
    print("signal of flagged raw tune views")
    print("| signal | " + " | ".join(cols) + " |")
    for s in sorted({s for s, _ in sig}, key=lambda s: -sig[s, "all"]):
        print(f"| {s} | " + " | ".join(str(sig[s, c]) for c in cols) + " |")
    print("\nregion carrying the best window (classifier-involved views)")
    print("| region | " + " | ".join(cols) + " |")
    for s in sorted({s for s, _ in car}, key=lambda s: -car[s, "all"]):
        print(f"| {s} | " + " | ".join(str(car[s, c]) for c in cols) + " |")
    print()
    print("\n".join(rows))


if __name__ == "__main__":
    main()
