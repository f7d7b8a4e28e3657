#!/usr/bin/env python3
"""Round 9, second held-out set (frozen after the first was scored and before the
JSON-escape change was written): GitHub webhook payloads and GitHub CLI API fixtures,
by other authors, never trained on or tuned on.

Writes /tmp/inj-eval/sets-new/heldout9b/toolout_b_heldout.jsonl (label 0) and
toolout_b_injected.jsonl (label 1: an ASB attacker instruction added to one string value
of every second record, after a separator chosen by hash from " ", ". ", "\\n", "\\n\\n":
ASB's naive append, a new sentence, a new line, a new paragraph).
Uses build_heldout_r9.py's helpers; deterministic.
"""
import json
import build_heldout_r9 as b

SEPS = [" ", ". ", "\n", "\n\n"]

def webhooks(out):
    r = "octokit+webhooks"
    for p in b.files(r, lambda n: n.startswith("payload-examples/") and n.endswith(".json")):
        try:
            b.json_items(r, p, json.loads(b.show(r, p)), "github/octokit-webhooks", out)
        except ValueError:
            pass

def ghcli(out):
    r = "cli+cli"
    for p in b.files(r, lambda n: "/fixtures/" in n and n.endswith(".json")):
        try:
            b.json_items(r, p, json.loads(b.show(r, p)), "github/cli-fixtures", out)
        except ValueError:
            pass

def main():
    items = []
    webhooks(items)
    ghcli(items)
    atts = b.asb_attacks()
    seen, ben, inj = set(), [], []
    for cat, key, v in items:
        t = b.to_text(cat, key, v)
        if len(t) > b.MAXDOC or t in seen:
            continue
        seen.add(t)
        ben.append({"text": t, "label": 0, "category": cat, "id": key})
        if b.h("inj" + key) % 2 == 0:
            sep = SEPS[b.h("sep" + key) % len(SEPS)]
            o = b.inject(v, key, sep + atts[b.h("att" + key) % len(atts)])
            if o is not None:
                it = b.render(o, key)
                if len(it) <= b.MAXDOC:
                    inj.append({"text": it, "label": 1, "category": cat + "/sep" + str(SEPS.index(sep)), "id": key})
    b.write(f"{b.OUT}/heldout9b/toolout_b_heldout.jsonl", ben)
    b.write(f"{b.OUT}/heldout9b/toolout_b_injected.jsonl", inj)

if __name__ == "__main__":
    main()
