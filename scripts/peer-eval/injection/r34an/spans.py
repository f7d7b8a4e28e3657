#!/usr/bin/env python3
"""Round 34: the inserted span of each injected tune item, found without a stored twin.
twin mode: the clean item of a pool that shares the longest prefix+suffix (the attack inserted
into that carrier); peers mode (garak: no clean twin, the same report carries many attacks):
the shortest common prefix/suffix over other injected items with the same first and last 40
chars; whole: the item is the attacker's own text (LLMail, CSE indirect, SEP probes fall back).
Writes /tmp/r34/sets/NAME.jsonl with text, id, category, a, b, how. Tune data only."""
import json, sys, collections
N = "/tmp/inj-eval/sets-new"
def rd(f): return [json.loads(l) for l in open(f)]
def lab(r): return int(r.get("label", 1))
def cp(x, y):
    n = min(len(x), len(y)); i = 0
    while i < n and x[i] == y[i]: i += 1
    return i
def cs(x, y, p):
    n = min(len(x), len(y)) - p; i = 0
    while i < n and x[-1-i] == y[-1-i]: i += 1
    return i
def twin(inj, pool):
    by = collections.defaultdict(list)
    for t in pool: by[t[:40]].append(t); by["$" + t[-40:]].append(t)
    out = []
    for r in inj:
        x = r["text"]; best = None
        for t in by.get(x[:40], []) + by.get("$" + x[-40:], []):
            p = cp(x, t); s = cs(x, t, p)
            lost = len(t) - p - s  # carrier bytes not kept: 0 for a pure insertion
            if lost > 0.3 * len(t) + 20:
                continue
            if best is None or (lost, -(p + s)) < best[2]: best = (p, s, (lost, -(p + s)))
        if best: out.append((r, best[0], len(x) - best[1], "twin" if best[2][0] == 0 else "twin-replaced"))
        else: out.append((r, 0, len(x), "whole"))
    return out
def peers(inj):
    g = collections.defaultdict(list)
    for r in inj: g[(r["category"], r["text"][:40], r["text"][-40:])].append(r)
    out = []
    for r in inj:
        x = r["text"]; ps = [q["text"] for q in g[(r["category"], x[:40], x[-40:])] if q["text"] != x]
        if not ps: out.append((r, 0, len(x), "whole")); continue
        p = min(cp(x, t) for t in ps); s = min(cs(x, t, p) for t in ps)
        out.append((r, p, len(x) - s, "peers"))
    return out
SETS = {
  "garak_tune": lambda: peers([r for r in rd(f"{N}/heldout8/garak_tune.jsonl") if lab(r) == 1]),
  "longtune": lambda: twin(rd("/tmp/r29/sets/longtune_r29.jsonl"),
      [r["text"] for f in ("/tmp/r23/sets/r23_web_tune.jsonl", "/tmp/r28/sets/r28_web_tune.jsonl", f"{N}/tune/rustbook_benign.jsonl") for r in rd(f)]),
  "spikee_tune": lambda: twin([r for r in rd(f"{N}/heldout17/spikee_tune.jsonl") if lab(r) == 1], [r["text"] for r in rd(f"{N}/heldout17/spikee_tune.jsonl") if lab(r) == 0]),
  "r19_tune": lambda: twin([r for r in rd(f"{N}/heldout19/r19_tune.jsonl") if lab(r) == 1], [r["text"] for r in rd(f"{N}/heldout19/r19_tune.jsonl") if lab(r) == 0]),
  "mail11": lambda: twin(rd(f"{N}/heldout11/mail11_injected.jsonl"), [r["text"] for r in rd(f"{N}/heldout11/mail11_heldout.jsonl")]),
  "asb": lambda: twin([r for r in rd(f"{N}/heldout6/asb.jsonl") if lab(r) == 1], [r["text"] for r in rd(f"{N}/heldout6/asb.jsonl") if lab(r) == 0]),
  "sep": lambda: twin([r for r in rd(f"{N}/heldout/sep.jsonl") if lab(r) == 1], [r["text"] for r in rd(f"{N}/heldout/sep.jsonl") if lab(r) == 0]),
  "llmail": lambda: [(r, 0, len(r["text"]), "whole") for r in rd(f"{N}/heldout5/llmail.jsonl") if lab(r) == 1],
  "cse_indirect": lambda: [(r, 0, len(r["text"]), "whole") for r in rd(f"{N}/tune/cse_indirect.jsonl")],
}
for name in (sys.argv[1:] or SETS):
    rows = SETS[name](); c = collections.Counter(h for *_, h in rows)
    with open(f"/tmp/r34/sets/{name}.jsonl", "w") as f:
        for i, (r, a, b, how) in enumerate(rows):
            x = r["text"]  # byte offsets for the Go side
            a, b = len(x[:a].encode("utf-8", "surrogatepass")), len(x[:b].encode("utf-8", "surrogatepass"))
            f.write(json.dumps({"text": x, "id": r.get("id", str(i)), "category": r.get("category", ""), "a": a, "b": b, "how": how}) + "\n")
    print(name, len(rows), dict(c))
