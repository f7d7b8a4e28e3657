#!/usr/bin/env python3
"""Round 62: tune-data counts (round 59 script with r61 tune and the r52 chat-line evasion set) (flagged or truncated) for one peritem binary (tune sets only).
usage: tune_r59.py NAME PERITEM_BINARY  (outputs cached under /tmp/r62/tune/NAME.*.out)"""
import collections, json, os, subprocess, sys

SETS = {
    "r61_web_tune": "/tmp/r61/sets/r61_web_tune.jsonl",
    "r52_chatline_evasion": "/tmp/r52/sets/r52_chatline_evasion.jsonl",
    "r48_web_tune": "/tmp/r48/sets/r48_web_tune.jsonl",
    "r41_web_tune": "/tmp/r41/sets/r41_web_tune.jsonl",
    "r28_web_tune": "/tmp/r28/sets/r28_web_tune.jsonl",
    "r30_web_tune": "/tmp/r30/sets/r30_web_tune.jsonl",
    "r23_web_tune": "/tmp/r23/sets/r23_web_tune.jsonl",
    "r56_tickets_tune": "/tmp/r56/sets/r56_tickets_tune.jsonl",
    "r50_tickets_tune": "/tmp/r50/sets/r50_tickets_tune.jsonl",
    "r50_chat_tune": "/tmp/r50/sets/r50_chat_tune.jsonl",
    "r50_code_tune": "/tmp/r50/sets/r50_code_tune.jsonl",
    "r50_tables_tune": "/tmp/r50/sets/r50_tables_tune.jsonl",
    "longtune_r29": "/tmp/r29/sets/longtune_r29.jsonl",
    "garak_tune": "/tmp/inj-eval/sets-new/heldout8/garak_tune.jsonl",
    "spikee_tune": "/tmp/inj-eval/sets-new/heldout17/spikee_tune.jsonl",
    "r19_tune": "/tmp/inj-eval/sets-new/heldout19/r19_tune.jsonl",
    "json_tune_r33_asb": "/tmp/r33/sets/json_tune_r33_asb.jsonl",
    "json_tune_r33_mosscap": "/tmp/r33/sets/json_tune_r33_mosscap.jsonl",
    "json_tune_r33_clean": "/tmp/r33/sets/json_tune_r33_clean.jsonl",
    "mail_r31_tune": "/tmp/r31/sets/mail_r31_tune.jsonl",
    "records_tune": "/tmp/inj-eval/sets-new/tune/records_tune.jsonl",
    "tune9_clean": "/tmp/inj-eval/sets-new/tune9/toolout_tune.jsonl",
    "tune9_injected": "/tmp/inj-eval/sets-new/tune9/toolout_tune_injected.jsonl",
}

def main():
    name, binary = sys.argv[1], sys.argv[2]
    os.makedirs("/tmp/r62/tune", exist_ok=True)
    for k, path in SETS.items():
        out = f"/tmp/r62/tune/{name}.{k}.out"
        if not os.path.exists(out):
            with open(out + ".tmp", "w") as f:
                subprocess.run(["nice", "-n", "10", binary, path], stdout=f, check=True)
            os.rename(out + ".tmp", out)
        n, bad = collections.Counter(), collections.Counter()
        for line in open(out):
            r = json.loads(line)
            t = "inj.budget.truncated" in (r.get("rules") or [])
            n[r["label"]] += 1
            bad[r["label"]] += bool(r["flagged"] or t)
        cells = [f"clean {bad[0]}/{n[0]}" if n[0] else "", f"injected {bad[1]}/{n[1]}" if n[1] else ""]
        print(f"{k:24s} " + "  ".join(c for c in cells if c), flush=True)

if __name__ == "__main__":
    main()
