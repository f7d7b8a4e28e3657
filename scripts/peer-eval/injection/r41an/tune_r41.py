#!/usr/bin/env python3
"""Round 41 W3: tune-only table for several window models (aggregate counts).

usage: tune_r41.py NAME=MODEL.bin ...   (PERITEM = peritem built from a HEAD archive)
Runs `peritem -model` over the tune files below (cache /tmp/r41b/pi/NAME.<set>.jsonl) and prints,
per set: web sets flagged-or-truncated of all views; clean sets flagged + truncated; injected sets
recall. Tune data only (the round's held-out sets are not listed here)."""
import json, os, subprocess, sys

PERITEM = os.environ.get("PERITEM", "/tmp/r41b/peritem")
CACHE = "/tmp/r41b/pi"
N = "/tmp/inj-eval/sets-new"
SETS = [  # name, file, kind
    ("web r23 tune", "/tmp/r23/sets/r23_web_tune.jsonl", "web"),
    ("web r23 used", "/tmp/r23/sets/r23_web_heldout.jsonl", "web"),
    ("web r25 used", "/tmp/r25/sets/r25_web_heldout.jsonl", "web"),
    ("web r28 tune", "/tmp/r28/sets/r28_web_tune.jsonl", "web"),
    ("web r30 tune", "/tmp/r30/sets/r30_web_tune.jsonl", "web"),
    ("web r41 tune", "/tmp/r41/sets/r41_web_tune.jsonl", "web"),
    ("mail r31 tune", "/tmp/r31/sets/mail_r31_tune.jsonl", "clean"),
    ("records tune", f"{N}/tune/records_tune.jsonl", "clean"),
    ("json tune9 clean", f"{N}/tune9/toolout_tune.jsonl", "clean"),
    ("spikee tune", f"{N}/heldout17/spikee_tune.jsonl", "mixed"),
    ("json tune9 injected", f"{N}/tune9/toolout_tune_injected.jsonl", "inj"),
    ("garak tune", f"{N}/heldout8/garak_tune.jsonl", "inj"),
    ("longtune r29", "/tmp/r29/sets/longtune_r29.jsonl", "inj"),
]


def rows(name, model, f):
    out = f"{CACHE}/{name}.{os.path.basename(f)}"
    if not os.path.exists(out):
        with open(out + ".tmp", "w") as o:
            subprocess.run(["nice", PERITEM, "-model", model, f], stdout=o, check=True)
        os.rename(out + ".tmp", out)
    return [json.loads(l) for l in open(out)]


def cell(rs, kind):
    trunc = lambda r: "inj.budget.truncated" in (r.get("rules") or [])
    if kind == "web":
        return f"{sum(r['flagged'] or trunc(r) for r in rs)}/{len(rs)}"
    cl = [r for r in rs if r["label"] == 0]
    inj = [r for r in rs if r["label"] == 1]
    parts = []
    if cl:
        parts.append(f"FP {sum(r['flagged'] for r in cl)}/{len(cl)} tr {sum(trunc(r) and not r['flagged'] for r in cl)}")
    if inj:
        parts.append(f"hit {sum(r['flagged'] for r in inj)}/{len(inj)}")
    return " ".join(parts)


def main():
    models = [a.split("=", 1) for a in sys.argv[1:]]
    os.makedirs(CACHE, exist_ok=True)
    sets = [s for s in SETS if os.path.exists(s[1])]
    print("| set | " + " | ".join(n for n, _ in models) + " |")
    print("|---|" + "---|" * len(models))
    webtot = {n: [0, 0] for n, _ in models}
    for sname, f, kind in sets:
        cells = []
        for n, m in models:
            rs = rows(n, m, f)
            cells.append(cell(rs, kind))
            if kind == "web":
                webtot[n][0] += sum(r["flagged"] or "inj.budget.truncated" in (r.get("rules") or []) for r in rs)
                webtot[n][1] += len(rs)
        print(f"| {sname} | " + " | ".join(cells) + " |")
    print("| web all | " + " | ".join(f"{a}/{b}" for a, b in webtot.values()) + " |")


if __name__ == "__main__":
    main()
