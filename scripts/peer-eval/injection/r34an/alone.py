#!/usr/bin/env python3
"""Round 34: each missed item's inserted span as a document of its own (sets/alone_NAME.jsonl),
to see whether the carrier hides it. Run after r34an wrote /tmp/r34/an_NAME.jsonl."""
import json
for n in ["longtune", "mail11", "spikee_tune", "asb", "sep"]:
    with open(f"/tmp/r34/sets/alone_{n}.jsonl", "w") as f:
        for l in open(f"/tmp/r34/an_{n}.jsonl"):
            r = json.loads(l)
            if r["flagged"] or r["how"] == "whole":
                continue
            t = r["inserted"].strip()
            f.write(json.dumps({"text": t, "id": r["id"], "category": r["cat"], "a": 0, "b": len(t.encode()), "how": "alone"}) + "\n")
