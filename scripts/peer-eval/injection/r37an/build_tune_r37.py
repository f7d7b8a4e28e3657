"""Round 37 tune set: tune-side attacks (Mosscap prompts of round 33's tune half, sha256("r33tune"+p)
even) as a paragraph after an unpunctuated line and the same line with '.', in r23 web tune markdown
carriers (clean/web/md/*). Also the carriers with each line (both forms) and no attack."""
import json, sys
sys.path.insert(0, "/work/main/scripts/peer-eval/injection")
from build_heldout_r9 import h, write
from build_heldout_r14 import mosscap
from build_r36 import LINES, place
docs = [x for x in map(json.loads, open("/tmp/r23/sets/r23_web_tune.jsonl")) if x["category"].startswith("clean/web/md/")]
docs = [d for d in docs if "\n\n" in d["text"].strip() and len(d["text"]) <= 20000]
moss = sorted({a for a in mosscap() if h("r33tune" + a) % 2 == 0}, key=lambda a: h("r37" + a))[:60]
inj, line = [], []
for a in moss:
    d = docs[h("r37doc" + a) % len(docs)]
    for name, ln in LINES:
        for p, l in (("unpunct", ln), ("punct", ln + ".")):
            inj.append({"text": place(d["text"], l, a), "label": 1, "id": d["id"], "category": f"r37tune/{name}/{p}"})
for d in docs:
    for name, ln in LINES:
        for p, l in (("unpunct", ln), ("punct", ln + ".")):
            line.append({"text": place(d["text"], l, None), "label": 0, "id": d["id"], "category": f"r37tune/lineonly/{name}/{p}"})
clean = [{"text": d["text"], "label": 0, "id": d["id"], "category": "r37tune/clean"} for d in docs]
print("docs", len(docs), "attacks", len(moss), "inj", len(inj), "lineonly", len(line))
write("/tmp/r37/sets/r37tune_injected.jsonl", inj)
write("/tmp/r37/sets/r37tune_lineonly.jsonl", line)
write("/tmp/r37/sets/r37tune_clean.jsonl", clean)
