#!/usr/bin/env python3
"""Round 15: clean JSON tool outputs of three fixture sets never used before, mostly short
text written by people (forum posts, helpdesk tickets and replies, chat-bot API answers),
and their injected twins.

Writes, under /tmp/inj-eval/sets-new/heldout15/:
  toolout15_heldout.jsonl   clean tool outputs (label 0), one "id" per record
  toolout15_injected.jsonl  the twins of every second record (by hash), as round 14

Carriers: discourse/discourse_api `spec/fixtures/*.json` (Discourse forum API),
sjkingo/python-freshdesk `freshdesk/v*/tests/sample_json_data/*.json` (Freshdesk helpdesk
API) and the `response` objects of zulip/python-zulip-api
`zulip_bots/zulip_bots/bots/*/fixtures/*.json` (the third-party APIs Zulip's bots call).
Items as round 14 (`items_of`). Attacks: the Mosscap prompts (as rounds 14 and 14b) that
neither round 14 nor 14b inserted. Deterministic (sha256 of paths).
"""
import json
from build_heldout_r9 import files, show, h, render, MAXDOC, write
from build_heldout_r10 import inject
from build_heldout_r14 import items_of, mosscap, SEPS, SEPNAMES

OUT = "/tmp/inj-eval/sets-new/heldout15"

def fixtures(repo, pred, cat, out, field=None):
    for p in files(repo, pred):
        try:
            obj = json.loads(show(repo, p) or "")
        except ValueError:
            continue
        if field is not None:
            obj = obj.get(field) if isinstance(obj, dict) else None
            if not isinstance(obj, (dict, list)) or not obj:
                continue
        items_of(repo, p, obj, cat, out)

def main():
    items = []
    fixtures("discourse+discourse_api", lambda n: n.startswith("spec/fixtures/") and n.endswith(".json"),
             "discourse/fixtures", items)
    fixtures("sjkingo+python-freshdesk", lambda n: "/tests/sample_json_data/" in n and n.endswith(".json"),
             "freshdesk/fixtures", items)
    fixtures("zulip+python-zulip-api", lambda n: n.startswith("zulip_bots/zulip_bots/bots/") and "/fixtures/" in n
             and n.endswith(".json"), "zulipbots/fixtures", items, field="response")
    used = "".join(open(f"/tmp/inj-eval/sets-new/{d}").read() for d in
                   ("heldout14/toolout14_injected.jsonl", "heldout14b/toolout14b_injected.jsonl"))
    atts = [a for a in mosscap() if a not in used]
    seen, ben, inj = set(), [], []
    for cat, key, v in items:
        t = render(v, key)
        if len(t) > MAXDOC or len(t) < 40 or t in seen:
            continue
        seen.add(t)
        ben.append({"text": t, "label": 0, "category": cat, "id": key})
        if h("inj15" + key) % 2:
            continue
        a = atts[h("att15" + key) % len(atts)]
        si = h("sep15" + key) % 4
        o = inject(v, key, a, SEPS[si])
        if o is None:
            continue
        it = render(o, key)
        if len(it) <= MAXDOC:
            inj.append({"text": it, "label": 1, "id": key, "category": f"{cat}/mosscap/{SEPNAMES[si]}"})
    write(f"{OUT}/toolout15_heldout.jsonl", ben)
    write(f"{OUT}/toolout15_injected.jsonl", inj)

if __name__ == "__main__":
    main()
