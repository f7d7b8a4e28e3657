#!/usr/bin/env python3
"""Round 14: clean JSON tool outputs of API recorders never used before, and their
injected twins.

Writes, under /tmp/inj-eval/sets-new/heldout14/:
  toolout14_heldout.jsonl   clean tool outputs (label 0), one "id" per record
  toolout14_injected.jsonl  the twins of every second record (by hash): one attack
                            appended to one string value after " ", ". ", a JSON-escaped
                            line break or " - ", by hash (label 1, same "id")

Carriers: nukosuke/go-zendesk `fixture/**/*.json` (Zendesk REST responses) and the JSON
response bodies of tweepy/tweepy's vcrpy cassettes (`cassettes/*.yaml|json`, Twitter API
v1.1/v2 responses, gzip bodies decoded). A response object is one item; a list (top level,
or the one list of dicts inside a response object) also yields up to 8 elements.
Attacks: Lakera's Mosscap prompt-injection prompts as sampled by Parapet
(`schema/eval/opensource_mosscap_attacks.yaml`, 40-400 characters), never used before.
Deterministic (sha256 of paths).
"""
import gzip, json, yaml
from build_heldout_r9 import git, files, h, render, json_items, MAXDOC, write
from build_heldout_r10 import inject

OUT = "/tmp/inj-eval/sets-new/heldout14"
SEPS = (" ", ". ", "\n", " - ")
SEPNAMES = ("space", "period", "newline", "dash")

def items_of(repo, path, obj, cat, out):
    json_items(repo, path, obj, cat, out)
    if isinstance(obj, dict):
        lists = [v for v in obj.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        if len(lists) == 1:
            for i, e in enumerate(lists[0][:8]):
                out.append((cat, f"{repo}:{path}@{i}", e))

def zendesk(out):
    r = "nukosuke+go-zendesk"
    for p in files(r, lambda n: n.startswith("fixture/") and n.endswith(".json")):
        try:
            items_of(r, p, json.loads(git(r, "show", f"HEAD:{p}")), "zendesk/fixture", out)
        except ValueError:
            pass

def bodies(raw, path):
    if path.endswith(".yaml"):
        d = yaml.safe_load(raw)
        inter = d.get("interactions", []) if isinstance(d, dict) else []
        for it in inter:
            b = it["response"]["body"].get("string")
            if isinstance(b, bytes):
                try:
                    b = gzip.decompress(b)
                except OSError:
                    pass
                b = b.decode("utf-8", "replace")
            yield b
    else:
        d = json.loads(raw)
        for it in d.get("interactions", []) if isinstance(d, dict) else []:
            b = it["response"]["body"]
            yield b.get("string") if isinstance(b, dict) else b

def tweepy(out):
    r = "tweepy+tweepy"
    for p in files(r, lambda n: n.startswith("cassettes/") and n.endswith((".yaml", ".json"))):
        for i, b in enumerate(bodies(git(r, "show", f"HEAD:{p}"), p)):
            try:
                obj = json.loads(b or "")
            except ValueError:
                continue
            items_of(r, f"{p}#r{i}", obj, "tweepy/cassettes", out)

def mosscap():
    raw = git("Parapet-Tech+parapet", "show",
              "17394b7ef07d93cd480f8a2b1609ba251f8c4629:schema/eval/opensource_mosscap_attacks.yaml")
    rows = yaml.safe_load(raw)
    return sorted({" ".join(r["content"].split()) for r in rows
                   if r.get("label") == "malicious" and 40 <= len(r["content"]) <= 400})

def main():
    items = []
    zendesk(items)
    tweepy(items)
    atts = mosscap()
    seen, ben, inj = set(), [], []
    for cat, key, v in items:
        t = render(v, key)
        if len(t) > MAXDOC or len(t) < 40 or t in seen:
            continue
        seen.add(t)
        ben.append({"text": t, "label": 0, "category": cat, "id": key})
        if h("inj14" + key) % 2:
            continue
        a = atts[h("att14" + key) % len(atts)]
        si = h("sep14" + key) % 4
        o = inject(v, key, a, SEPS[si])
        if o is None:
            continue
        it = render(o, key)
        if len(it) <= MAXDOC:
            inj.append({"text": it, "label": 1, "id": key, "category": f"{cat}/mosscap/{SEPNAMES[si]}"})
    write(f"{OUT}/toolout14_heldout.jsonl", ben)
    write(f"{OUT}/toolout14_injected.jsonl", inj)

if __name__ == "__main__":
    main()
