"""Round 40: offline sweep of candidate D over the dumps (tune data only).
A paragraph (kind k: line = split on \n, para = split on blank lines) of >= N words counts when
p >= F and p - w >= M (w = its window's classifier score). With the document floor 0.5 and the
threshold 0.5, one counting paragraph with p >= 0.9 flags the item; so new = base or any counting."""
import json, sys, glob, os
D = "/tmp/r40/dump"
CLEAN = ["r23_web_tune", "r28_web_tune", "r30_web_tune", "mail_r31_tune", "json_tune_r33_clean",
         "tldr_unseen", "tldr_trigger_unseen", "benign_trigger_words"]
INJ = ["longtune_r29", "garak_tune"]
def load(n):
    p = f"{D}/{n}.jsonl"
    return [json.loads(l) for l in open(p)] if os.path.exists(p) else None
def pos(lbl):
    return lbl in (1, "1", True, "injection", "injected", "malicious")
data = {n: load(n) for n in CLEAN + INJ}
def newflag(it, k, N, F, M):
    return any(p["k"] in k and p["n"] >= N and p["p"] >= F and p["p"] - p["w"] >= M for p in (it["ps"] or []))
rows = []
for k in (("line",), ("para",), ("line", "para")):
    for N in (4, 5, 6, 8, 10, 12, 16, 20, 24, 32):
        for F in (0.9, 0.95, 0.98, 0.99, 0.995, 0.999):
            for M in (0.2, 0.3, 0.5, 0.7):
                cost = {}; gain = {}
                for n in CLEAN + INJ:
                    if data[n] is None: continue
                    c = sum(1 for it in data[n] if not pos(it["label"]) and not it["flagged"] and newflag(it, k, N, F, M))
                    if n in CLEAN or c: cost[n] = c
                for n in INJ:
                    if data[n] is None: continue
                    gain[n] = sum(1 for it in data[n] if pos(it["label"]) and not it["flagged"] and newflag(it, k, N, F, M))
                rows.append(("+".join(k), N, F, M, sum(cost.values()), sum(gain.values()), cost, gain))
for r in rows:
    if r[5] > 0 or "-v" in sys.argv:
        print(r[0], r[1], r[2], r[3], "cost", r[4], "gain", r[5], {a: b for a, b in r[6].items() if b}, r[7])
