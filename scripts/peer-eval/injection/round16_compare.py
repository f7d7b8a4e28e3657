#!/usr/bin/env python3
"""Round 16: one table of the tune and used sets for several window models.

usage: round16_compare.py NAME=MODEL.bin ...
Runs `peritem -model MODEL.bin` (binary: $PERITEM, default /tmp/inj16/bin/peritem) over the
tune/used files below once per model (cached in /tmp/inj16/pi/NAME.jsonl) and prints one row
per measure: false positives on clean items, recall on injected items. Aggregate counts only;
no item text. "clean docs" and "trigger" follow docs/injection-rounds.md, round 7's definition.
"""
import collections, json, os, subprocess, sys

E = "/tmp/inj-eval"
N = f"{E}/sets-new"
PERITEM = os.environ.get("PERITEM", "/tmp/inj16/bin/peritem")
CACHE = "/tmp/inj16/pi"
TRIG_WARDEN = "/work/main/internal/detect/data/injection/benign_trigger_words.jsonl"

# (row name, files, label counted): label 0 -> false positives, label 1 -> recall
ROWS = [
    ("JSON r9/10 clean (FP)", [f"{N}/heldout9/toolout_heldout.jsonl", f"{N}/heldout9b/toolout_b_heldout.jsonl",
                               f"{N}/heldout9c/toolout_c_heldout.jsonl", f"{N}/tune9/toolout_tune.jsonl",
                               f"{N}/heldout10/toolout10_heldout.jsonl"], 0),
    ("r14 clean (FP)", [f"{N}/heldout14/toolout14_heldout.jsonl"], 0),
    ("r14b clean (FP)", [f"{N}/heldout14b/toolout14b_heldout.jsonl"], 0),
    ("r15 clean (FP)", [f"{N}/heldout15/toolout15_heldout.jsonl"], 0),
    ("mail11 clean (FP)", [f"{N}/heldout11/mail11_heldout.jsonl"], 0),
    ("mail12 clean (FP)", [f"{N}/heldout12/mail12_heldout.jsonl"], 0),
    ("mail13 clean (FP)", [f"{N}/heldout13/mail13_heldout.jsonl"], 0),
    ("records r8 held+tune (FP)", [f"{N}/heldout8/records_heldout.jsonl", f"{N}/tune/records_tune.jsonl"], 0),
    ("clean docs never trained (FP)", ["/tmp/inj16/sets/tldr_unseen.jsonl", f"{E}/sets/bipia_test_clean.jsonl",
                                       f"{N}/heldout/sep.jsonl", f"{N}/heldout5/llmail.jsonl",
                                       f"{N}/heldout6/asb.jsonl", f"{N}/heldout2/moltshield_indirect.jsonl"], 0),
    ("trigger-word (FP)", ["/tmp/inj16/sets/tldr_trigger_unseen.jsonl", TRIG_WARDEN], 0),
    ("r9 injected (140)", [f"{N}/heldout9/toolout_injected.jsonl"], 1),
    ("r9b injected (268)", [f"{N}/heldout9b/toolout_b_injected.jsonl"], 1),
    ("r9c injected (626)", [f"{N}/heldout9c/toolout_c_injected.jsonl"], 1),
    ("r9 tune injected (207)", [f"{N}/tune9/toolout_tune_injected.jsonl"], 1),
    ("r10 injected (164)", [f"{N}/heldout10/toolout10_injected.jsonl"], 1),
    ("r14 injected (344)", [f"{N}/heldout14/toolout14_injected.jsonl"], 1),
    ("r14b injected (228)", [f"{N}/heldout14b/toolout14b_injected.jsonl"], 1),
    ("r15 injected (145)", [f"{N}/heldout15/toolout15_injected.jsonl"], 1),
    ("mail11 injected (116)", [f"{N}/heldout11/mail11_injected.jsonl"], 1),
    ("mail13 injected (77)", [f"{N}/heldout13/mail13_injected.jsonl"], 1),
    ("LLMail-Inject (250)", [f"{N}/heldout5/llmail.jsonl"], 1),
    ("ASB (400)", [f"{N}/heldout6/asb.jsonl"], 1),
    ("SEP (1000)", [f"{N}/heldout/sep.jsonl"], 1),
    ("moltshield (43)", [f"{N}/heldout2/moltshield_indirect.jsonl"], 1),
    ("garak tune (360)", [f"{N}/heldout8/garak_tune.jsonl"], 1),
    ("garak r8 held (360)", [f"{N}/heldout8/garak_held.jsonl"], 1),
]

def files():
    seen = []
    for _, fs, _ in ROWS:
        seen += [f for f in fs if f not in seen]
    return seen

def run(name, model):
    os.makedirs(CACHE, exist_ok=True)
    out = f"{CACHE}/{name}.jsonl"
    if not os.path.exists(out):
        with open(out + ".tmp", "w") as f:
            subprocess.run(["nice", PERITEM, "-model", model, *files()], stdout=f, check=True)
        os.rename(out + ".tmp", out)
    agg = collections.defaultdict(lambda: [0, 0])
    for l in open(out):
        r = json.loads(l)
        g = agg[(r["file"], r["label"])]
        g[0] += 1
        g[1] += r["flagged"]
        # A truncated, unflagged clean item is one the guard fails closed
        # on (session 6: a rule with common leads truncated 49 of them).
        t = agg[("truncated", r["label"])]
        t[0] += 1
        t[1] += r["label"] == 0 and not r["flagged"] and "inj.budget.truncated" in (r.get("rules") or [])
    return agg

def main():
    models = [a.split("=", 1) for a in sys.argv[1:]]
    res = {n: run(n, m) for n, m in models}
    print("| set | " + " | ".join(n for n, _ in models) + " |")
    print("|---|" + "---|" * len(models))
    for row, fs, lab in ROWS:
        cells = []
        for n, _ in models:
            tot = sum(res[n][(f, lab)][0] for f in fs)
            hit = sum(res[n][(f, lab)][1] for f in fs)
            cells.append(f"{hit}/{tot} ({100*hit/max(tot, 1):.2f}%)" if lab == 0 else f"{100*hit/max(tot, 1):.1f}% ({hit})")
        print(f"| {row} | " + " | ".join(cells) + " |")
    cells = [f"{res[n][('truncated', 0)][1]}/{res[n][('truncated', 0)][0]}" for n, _ in models]
    print("| clean items truncated, not flagged (the guard fails closed) | " + " | ".join(cells) + " |")

if __name__ == "__main__":
    main()
