"""Round 43: offline sweep of line scores over the dumps (tune data only; r40an/sweep.py's idea).
A unit (line: split on \\n; para: split on blank lines) of >= N words counts when p >= F and
p - w >= M (w: its window's classifier score); one counting unit flags the item (floor and
threshold 0.5). Candidate flag = the model's own flag (its dump) or a counting unit. Deltas are
against HEAD (W3 dump, no line scores). Clean items count when flagged or truncated.
usage: sweep.py MODEL [MODEL...] [-all]    (dumps in /tmp/r43/dump/NAME/)"""
import json, os, sys
D = "/tmp/r43/dump"
CLEAN = ["r23_web_tune", "r23_web_heldout", "r25_web_heldout", "r28_web_tune", "r30_web_tune", "r41_web_tune",
         "mail_r31_tune", "records_tune", "tldr_unseen", "tldr_trigger_unseen", "benign_trigger_words"]
INJ = ["longtune_r29", "garak_tune", "spikee_tune"]
def pos(l): return l in (1, "1", True, "injection", "injected", "malicious")
def load(m, n):
    p = f"{D}/{m}/{n}.jsonl"
    return [json.loads(l) for l in open(p)] if os.path.exists(p) else None
def counts(items, k, N, F, M):
    ps = lambda it: any(p["k"] in k and p["n"] >= N and p["p"] >= F and p["p"] - p["w"] >= M for p in (it["ps"] or []))
    return [(it["flagged"] or (F <= 1 and ps(it))) for it in items]
base = {n: load("W3", n) for n in CLEAN + INJ}
GRID = [(("line",), N, F, M) for N in (4, 5, 6, 8) for F in (0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999) for M in (0.2, 0.3, 0.5)]
GRID += [(("line", "para"), N, F, M) for N in (5, 6, 8) for F in (0.9, 0.95, 0.98, 0.99, 0.999) for M in (0.3,)]
def row(m, k, N, F, M):
    cost, gain, detail = 0, 0, {}
    for n in CLEAN + INJ:
        b, c = base[n], load_c[m][n]
        if b is None or c is None: continue
        bf = [it["flagged"] or (not pos(it["label"]) and it["trunc"]) for it in b]
        cf = [f or (not pos(it["label"]) and it["trunc"]) for f, it in zip(counts(c, k, N, F, M), c)]
        if n in CLEAN:
            up = sum(1 for x, y, it in zip(bf, cf, c) if y and not x and not pos(it["label"]))
            dn = sum(1 for x, y, it in zip(bf, cf, c) if x and not y and not pos(it["label"]))
            cost += up - dn
            if up or dn: detail[n] = f"+{up}-{dn}"
        else:
            up = sum(1 for x, y, it in zip(bf, cf, c) if y and not x and pos(it["label"]))
            dn = sum(1 for x, y, it in zip(bf, cf, c) if x and not y and pos(it["label"]))
            gain += up - dn
            detail[n] = f"+{up}-{dn}"
    return cost, gain, detail
models = [a for a in sys.argv[1:] if not a.startswith("-")]
load_c = {m: {n: load(m, n) for n in CLEAN + INJ} for m in models}
for m in models:
    c, g, d = row(m, ("line",), 99, 2, 0)
    print(f"{m} model only: clean net {c:+d} gain {g:+d} {d}")
    for k, N, F, M in GRID:
        c, g, d = row(m, k, N, F, M)
        if "-all" in sys.argv or (g > 0 and (c <= 0 or g >= 5 * c)):
            print(f"{m} {'+'.join(k)} N={N} F={F} M={M}: clean net {c:+d} gain {g:+d} {d}")
