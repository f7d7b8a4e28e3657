#!/usr/bin/env python3
"""Round 10: attacker instructions glued to a JSON field value with no sentence
boundary, in tool outputs by other authors not used in rounds 8-9.

Writes, under /tmp/inj-eval/sets-new/heldout10/:
  toolout10_heldout.jsonl   clean tool outputs (label 0), one "id" per record
  toolout10_injected.jsonl  the twins of every second record (by hash) with an attacker
                            instruction appended to one string value after " " (half) or
                            ", " / " - " (half), by hash (label 1, same "id")

Carriers: go-playground/webhooks testdata (GitLab, Gitea, Gogs, Bitbucket, Bitbucket
Server, Azure DevOps, Docker Hub; its GitHub payloads are left out, GitHub was used),
Shopify/shopify_python_api test fixtures, adlio/trello testdata. Attacks: ASB's rewritten
attacker instructions (all_attack_units_new.jsonl, never used before) and WASP's 21 attacker
goals as authored (the bare "instruction" field with its parameters filled in; WASP's
message wrappers were tuned on, the bare goals were not). Deterministic (sha256 of paths).
"""
import hashlib, json, re
from build_heldout_r9 import git, files, show, h, render, json_items, string_paths, PREFERRED, write, MAXDOC

OUT = "/tmp/inj-eval/sets-new/heldout10"
SEPS = (" ", " ", ", ", " - ")  # half after a space, half after ", " or " - "
SEPNAMES = ("space", "space", "comma", "dash")

def webhooks(out):
    r = "go-playground+webhooks"
    for p in files(r, lambda n: n.startswith("testdata/") and n.endswith(".json")
                   and not n.startswith("testdata/github/")):
        try:
            json_items(r, p, json.loads(show(r, p)), "webhooks/" + p.split("/")[1], out)
        except ValueError:
            pass

def shopify(out):
    r = "Shopify+shopify_python_api"
    for p in files(r, lambda n: n.startswith("test/fixtures/") and n.endswith(".json")):
        try:
            json_items(r, p, json.loads(show(r, p)), "shopify/fixtures", out)
        except ValueError:
            pass

def trello(out):
    r = "adlio+trello"
    for p in files(r, lambda n: n.startswith("testdata/") and n.endswith(".json")):
        try:
            json_items(r, p, json.loads(show(r, p)), "trello/testdata", out)
        except ValueError:
            pass

def asb_new():
    raw = git("Zhang-Henry+AIOS_agent", "show",
              "8d5126717a6eec226a24b4338356050a6b72e6ba:data/all_attack_units_new.jsonl").decode()
    return sorted({json.loads(l)["Attacker Instruction"] for l in raw.splitlines() if l.strip()})

def wasp_goals():
    d = json.load(open("/tmp/inj-eval/src/wasp_experiment_config.raw.json"))
    dom = {"gitlab_domain": "http://localhost:8023", "reddit_domain": "http://localhost:9999"}
    out = []
    for c in d["prompt_injections_setup_config"]:
        p = dict(dom, **c.get("parameters", {}))
        out.append(re.sub(r"\{(\w+)\}", lambda m: str(p.get(m.group(1), m.group(0))), c["instruction"]))
    return sorted(set(out))

def inject(obj, key, attack, sep):
    paths = list(string_paths(obj))
    if not paths:
        return None
    pref = [p for p in paths if p and isinstance(p[-1], str) and p[-1].lower() in PREFERRED]
    cand = pref or paths
    p = cand[h("field" + key) % len(cand)]
    o = json.loads(json.dumps(obj))
    t = o
    for k in p[:-1]:
        t = t[k]
    t[p[-1]] = t[p[-1]].rstrip() + sep + attack
    return o

def main():
    items = []
    for s in (webhooks, shopify, trello):
        s(items)
    asb, wasp = asb_new(), wasp_goals()
    seen, ben, inj = set(), [], []
    for cat, key, v in items:
        t = render(v, key)
        if len(t) > MAXDOC or t in seen:
            continue
        seen.add(t)
        ben.append({"text": t, "label": 0, "category": cat, "id": key})
        if h("inj10" + key) % 2:
            continue
        src = h("src10" + key) % 2
        atts = wasp if src else asb
        a = atts[h("att10" + key) % len(atts)]
        si = h("sep10" + key) % 4
        o = inject(v, key, a, SEPS[si])
        if o is None:
            continue
        it = render(o, key)
        if len(it) <= MAXDOC:
            inj.append({"text": it, "label": 1, "id": key,
                        "category": f"{cat}/{'wasp' if src else 'asbnew'}/{SEPNAMES[si]}"})
    write(f"{OUT}/toolout10_heldout.jsonl", ben)
    write(f"{OUT}/toolout10_injected.jsonl", inj)

if __name__ == "__main__":
    main()
