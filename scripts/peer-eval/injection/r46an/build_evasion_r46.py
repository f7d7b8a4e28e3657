#!/usr/bin/env python3
"""Round 46: our own evasion set for HTML character references (written by the change's author).

Injection part: 100 injected items of spikee tune and 100 of garak tune (the first 100 of each
by sha256("r46ev|" + set + "|" + line number)), each kept in its own carrier, with the first
letter of every attack keyword (KEYWORDS, whole words, any case) written as a numeric character
reference, decimal and hex in turn ("&#73;gnore", "&#x70;revious").
Poisoning part: 50 poisoned tools from the poisoning tune sets (tune/*.jsonl label 1, first 50
by the same hash over set + line), description encoded the same way and "<" / ">" written as
"&lt;" / "&gt;" ("&lt;IMPORTANT&gt;").
Only tune data is read. Output: OUT/evasion_inj_r46.jsonl, OUT/evasion_inj_orig_r46.jsonl (the
same 200 unencoded), OUT/evasion_poison_r46.jsonl, OUT/evasion_poison_orig_r46.jsonl.
usage: build_evasion_r46.py [--out /tmp/r46/ev] [--poison /tmp/poison-eval]"""
import argparse, glob, hashlib, json, os, re

KEYWORDS = set("""ignore disregard forget previous prior above earlier instructions instruction rules
system prompt important new override reveal print output repeat say respond reply translate secret
password key must now execute run send email write tell include answer you your assistant model user
admin developer mode jailbreak pretend act unrestricted stop begin read file ssh sidenote mention
before after always never instead only focus document documents summary""".split())
WORD = re.compile(r"[A-Za-z]+")


def h(s):
    return hashlib.sha256(("r46ev|" + s).encode()).hexdigest()


def encode(text, markup=False):
    n = [0]

    def rep(m):
        w = m.group(0)
        if w.lower() not in KEYWORDS:
            return w
        n[0] += 1
        c = w[0]
        ref = "&#%d;" % ord(c) if n[0] % 2 else "&#x%x;" % ord(c)
        return ref + w[1:]

    if markup:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return WORD.sub(rep, text)


def pick(path, tag, k, label_key="label"):
    rows = [json.loads(l) for l in open(path)]
    idx = [i for i, r in enumerate(rows) if r.get(label_key) == 1]
    idx.sort(key=lambda i: h(f"{tag}|{i + 1}"))
    return [rows[i] for i in idx[:k]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/r46/ev")
    ap.add_argument("--poison", default="/tmp/poison-eval")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    inj = pick("/tmp/inj-eval/sets-new/heldout17/spikee_tune.jsonl", "spikee_tune", 100)
    inj += pick("/tmp/inj-eval/sets-new/heldout8/garak_tune.jsonl", "garak_tune", 100)
    with open(f"{a.out}/evasion_inj_r46.jsonl", "w") as f, open(f"{a.out}/evasion_inj_orig_r46.jsonl", "w") as g:
        for r in inj:
            g.write(json.dumps(r, ensure_ascii=False) + "\n")
            e = dict(r, text=encode(r["text"]), category="r46ev/" + r["category"])
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    pool = []
    for p in sorted(glob.glob(f"{a.poison}/tune/*.jsonl")):
        tag = os.path.basename(p)
        for i, l in enumerate(open(p)):
            r = json.loads(l)
            if r.get("label") == 1 and r.get("description"):
                pool.append((h(f"{tag}|{i + 1}"), tag, r))
    pool.sort(key=lambda x: x[0])
    with open(f"{a.out}/evasion_poison_r46.jsonl", "w") as f, open(f"{a.out}/evasion_poison_orig_r46.jsonl", "w") as g:
        for _, tag, r in pool[:50]:
            g.write(json.dumps(r, ensure_ascii=False) + "\n")
            e = dict(r, description=encode(r["description"], markup=True))
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    print(len(inj), "injected items;", min(50, len(pool)), "poisoned tools of", len(pool))


if __name__ == "__main__":
    main()
