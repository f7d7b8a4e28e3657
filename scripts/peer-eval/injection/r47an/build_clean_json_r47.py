#!/usr/bin/env python3
"""Round 47: a clean check set (tune data only): the clean items of tune9, records_tune,
mail_r31_tune and the garak/spikee tune sets, each the value of a JSON string in a small document
written as Python's json.dumps writes it by default (non-ASCII as \\uXXXX) with "<", ">", "&"
also escaped as Go's encoder does (\\u003c, \\u003e, \\u0026).
usage: build_clean_json_r47.py [OUT]   (default /tmp/r47/ev/clean_json_r47.jsonl)"""
import json, sys
from tune_r47 import SETS

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/r47/ev/clean_json_r47.jsonl"
n = 0
with open(out, "w") as f:
    for k in ("tune9_clean", "records_tune", "mail_r31_tune", "garak_tune", "spikee_tune"):
        for i, line in enumerate(open(SETS[k])):
            r = json.loads(line)
            if r["label"] != 0:
                continue
            doc = json.dumps({"id": f"{k}-{i}", "status": "ok", "notes": r["text"]})
            doc = doc.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            f.write(json.dumps(dict(r, text=doc, category="r47json/" + r.get("category", k))) + "\n")
            n += 1
print(n, "clean items")
