#!/usr/bin/env python3
"""Round 61: the deciding signal of each flagged-or-truncated view of a trace_r59 output (round 59's
classes: budget, task sentence alone (best window < 0.5), task and a window >= 0.5, window classifier,
rules, rule + classifier), by view and source. Tune data only (it prints ids and task sentences).
usage: tune_sig_r61.py AN59.jsonl SET.jsonl"""
import collections, json, linecache, sys


def winscore(w):
    return 1 - (1 - w["rule"]) * (1 - max(0, (w["prob"] - 0.5) / 0.5))


def signal(r):
    best = max(r["wins"] or [{"rule": 0, "prob": 0}], key=winscore)
    bw = winscore(best)
    tk = [t for t in r["tasks"] if t["p"] >= t["floor"] and not t.get("prose")]
    if r["trunc"]:
        return "budget", best, None
    if tk:
        return ("task alone" if bw < 0.5 else "task + window"), best, max(tk, key=lambda t: t["p"])
    if best["rule"] >= 0.5:
        return "rules", best, None
    if best["prob"] >= 0.75:
        return "window classifier", best, None
    return "rule + classifier", best, None


def main():
    by = collections.Counter()
    rows = []
    for l in open(sys.argv[1]):
        r = json.loads(l)
        if not (r["flagged"] or r["trunc"]):
            continue
        pid = json.loads(linecache.getline(sys.argv[2], r["line"]))["id"]
        sig, w, t = signal(r)
        _, _, view, src = r["cat"].split("/")
        by[sig, "all"] += 1
        by[sig, view] += 1
        by[sig, src] += 1
        ids = sorted({i.split("@")[0] for x in r["wins"] for i in (x.get("ids") or [])} - {"hidden.comment"})
        rows.append(f"{pid:50s} {sig:18s} score {r['score']:.2f} clf {w['prob']:.2f} rule {w['rule']:.2f} {ids}"
                    + (f" task p={t['p']:.2f} floor={t['floor']:.2f} {t['text'][:80]!r}" if t else ""))
    cols = ["raw", "text", "md"] + sorted({k for _, k in by} - {"raw", "text", "md", "all"}) + ["all"]
    print("| signal | " + " | ".join(cols) + " |\n|---" * 1 + "|---" * len(cols) + "|")
    for s in sorted({s for s, _ in by}, key=lambda s: -by[s, "all"]):
        print(f"| {s} | " + " | ".join(str(by[s, c]) for c in cols) + " |")
    print()
    print("\n".join(sorted(rows)))


if __name__ == "__main__":
    main()
