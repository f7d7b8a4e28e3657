#!/usr/bin/env python3
"""Round 28: candidate A's tune sweep (per-window contrast), from an `opsweep -dump` of the tune files.

usage: round28_sweep.py OPSWEEP_BIN TUNE_DUMP.jsonl [POLICY ...]
Without policies, runs the grid written in SOURCES.md ("Round 28") before any policy was evaluated.
Prints per policy: web tune flagged or truncated (r23 tune + r28 tune), tune injected caught
(r9 tune injected + garak tune), and the tune clean groups of the selection rule. Aggregates only."""
import collections, json, subprocess, sys

GROUPS = {
    "web": ["r23_web_tune.jsonl", "r28_web_tune.jsonl"],
    "inj": ["tune9/toolout_tune_injected.jsonl", "heldout8/garak_tune.jsonl"],
    "toolout": ["tune9/toolout_tune.jsonl"],
    "records": ["tune/records_tune.jsonl"],
    "docs": ["tldr_unseen.jsonl", "bipia_test_clean.jsonl", "heldout/sep.jsonl", "heldout5/llmail.jsonl",
             "heldout6/asb.jsonl", "heldout2/moltshield_indirect.jsonl"],
    "trigger": ["tldr_trigger_unseen.jsonl", "benign_trigger_words.jsonl"],
}
LABEL = {"web": 0, "inj": 1, "toolout": 0, "records": 0, "docs": 0, "trigger": 0}


def grid():
    out = ["head"]
    for stat in (0, 1, 2):
        for k in (0.5, 0.75, 1):
            for b in (0, 0.1, 0.2, 0.3):
                out.append(f"k={k},b={b},g=0.5,stat={stat}")
    return out


def main():
    binary, dump = sys.argv[1], sys.argv[2]
    pols = sys.argv[3:] or grid()
    r = subprocess.run([binary, "-eval", ";".join(pols), dump], capture_output=True, check=True, text=True)
    agg = collections.defaultdict(lambda: collections.Counter())
    web = collections.defaultdict(lambda: collections.Counter())
    for line in r.stdout.splitlines():
        x = json.loads(line)
        for g, fs in GROUPS.items():
            if x["label"] == LABEL[g] and any(x["file"].endswith(f) for f in fs):
                agg[x["policy"]][g] += x["flagged"]
                if g == "web":
                    web[x["policy"]][x["file"].rsplit("/", 1)[-1][:3]] += x["flagged"]
    head = agg["head"]
    print("policy                              web (r23+r28)   inj   Δinj  clean toolout/records/docs/trigger")
    for p in pols:
        a = agg[p]
        up = [g for g in ("toolout", "records", "docs", "trigger") if a[g] > head[g]]
        print(f"{p:36s} {a['web']:4d} ({web[p]['r23']:3d}+{web[p]['r28']:3d})  {a['inj']:4d} {a['inj'] - head['inj']:+4d}  "
              f"{a['toolout']}/{a['records']}/{a['docs']}/{a['trigger']}{'  UP ' + ','.join(up) if up else ''}")


if __name__ == "__main__":
    main()
