#!/usr/bin/env python3
"""Round 44: tune-data counts for one task model (tune sets only; round 42's list plus round 19's
tune set).

usage: tune_r44.py NAME TASK.bin [PERITEM]
Runs `peritem -task TASK.bin` (PERITEM default /tmp/r44/peritem, built from the round-44 tree:
HEAD 9de773c's detector, shipped injection.bin) over the tune sets, caches under
/tmp/r44/tune/NAME.*.out and prints per set: clean flagged-or-truncated, injected hits; then
the web tune total and the number of views flagged with a task-sentence finding."""
import collections, json, os, subprocess, sys

SETS = {
    "r23_web_tune": "/tmp/r23/sets/r23_web_tune.jsonl",
    "r23_web_heldout(used)": "/tmp/r23/sets/r23_web_heldout.jsonl",
    "r25_web_heldout(used)": "/tmp/r25/sets/r25_web_heldout.jsonl",
    "r28_web_tune": "/tmp/r28/sets/r28_web_tune.jsonl",
    "r30_web_tune": "/tmp/r30/sets/r30_web_tune.jsonl",
    "r41_web_tune": "/tmp/r41/sets/r41_web_tune.jsonl",
    "longtune_r29": "/tmp/r29/sets/longtune_r29.jsonl",
    "garak_tune": "/tmp/inj-eval/sets-new/heldout8/garak_tune.jsonl",
    "spikee_tune": "/tmp/inj-eval/sets-new/heldout17/spikee_tune.jsonl",
    "r19_tune": "/tmp/inj-eval/sets-new/heldout19/r19_tune.jsonl",
    "mail_r31_tune": "/tmp/r31/sets/mail_r31_tune.jsonl",
    "records_tune": "/tmp/inj-eval/sets-new/tune/records_tune.jsonl",
    "tune9_clean": "/tmp/inj-eval/sets-new/tune9/toolout_tune.jsonl",
    "tune9_injected": "/tmp/inj-eval/sets-new/tune9/toolout_tune_injected.jsonl",
}


def main():
    name, task = sys.argv[1], sys.argv[2]
    binary = sys.argv[3] if len(sys.argv) > 3 else "/tmp/r44/peritem"
    os.makedirs("/tmp/r44/tune", exist_ok=True)
    tot = collections.Counter()
    row = {}
    for k, path in SETS.items():
        out = f"/tmp/r44/tune/{name}.{k}.out"
        if not os.path.exists(out):
            with open(out + ".tmp", "w") as f:
                subprocess.run(["nice", binary, "-task", task, path], stdout=f, check=True)
            os.rename(out + ".tmp", out)
        n, bad = collections.Counter(), collections.Counter()
        taskf = 0
        for line in open(out):
            r = json.loads(line)
            rules = r.get("rules") or []
            t = "inj.budget.truncated" in rules
            n[r["label"]] += 1
            bad[r["label"]] += bool(r["flagged"] or t)
            taskf += r["label"] == 0 and r["flagged"] and any("task" in x for x in rules)
        cells = [f"clean {bad[0]}/{n[0]}" if n[0] else "", f"injected {bad[1]}/{n[1]}" if n[1] else ""]
        print(f"{k:24s} " + "  ".join(c for c in cells if c))
        row[k] = (bad[0], bad[1])
        if k.startswith("r") and "web" in k:
            tot["web"] += bad[0]
            tot["webtask"] += taskf
    print(f"{'web tune total':24s} {tot['web']}  (clean views flagged with a task finding: {tot['webtask']})")
    json.dump({"name": name, "rows": row, "web": tot["web"], "webtask": tot["webtask"]},
              open(f"/tmp/r44/tune/{name}.summary.json", "w"))


if __name__ == "__main__":
    main()
