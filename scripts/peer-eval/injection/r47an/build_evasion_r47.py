#!/usr/bin/env python3
"""Round 47: our own evasion set for JSON \\u escapes (written by the change's author).

Built like round 46's (r46an/build_evasion_r46.py): the same picks (the first 100 injected items
of spikee tune and of garak tune by sha256("r46ev|" + set + "|" + line number), the first 50
poisoned tools of the poisoning tune sets by the same hash).
Injection part: each item's text becomes the value of a JSON string inside a small JSON document
(a tool result carrying JSON in its text block):
  {"id": "doc-N", "status": "ok", "notes": "<text, JSON-escaped>"}
  - orig:  the carrier with the plain text (control; json.dumps, non-ASCII kept);
  - first: the first letter of each attack keyword (KEYWORDS, whole words, any case) written as a
           \\u00XX escape, lower- and upper-case hex in turn ("\\u0049gnore", "\\u0050revious");
  - all:   every letter of each attack keyword so written ("\\u0069\\u0067\\u006E...").
Poisoning part: the description's keywords written as in "first" and "<" / ">" as "\\u003c" /
"\\u003e" ("\\u003cIMPORTANT\\u003e"), the way a JSON encoder that escapes HTML writes them.
Only tune data is read. Output under OUT: evasion_inj_{orig,first,all}_r47.jsonl,
evasion_poison_{orig,first}_r47.jsonl.
usage: build_evasion_r47.py [--out /tmp/r47/ev] [--poison /tmp/poison-eval]"""
import argparse, glob, hashlib, json, os, re, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "r46an"))
from build_evasion_r46 import KEYWORDS, h, pick  # noqa: E402

# a JSON escape ("\\n" before "Ignore") is a token of its own, so the word after it is seen whole
WORD = re.compile(r'\\(?:u[0-9A-Fa-f]{4}|.)|[A-Za-z]+')


def esc(c, n):
    return ("\\u%04x" if n % 2 else "\\u%04X") % ord(c)


def encode(text, every=False):
    n = [0]

    def rep(m):
        w = m.group(0)
        if w[0] == "\\" or w.lower() not in KEYWORDS:
            return w
        n[0] += 1
        if every:
            return "".join(esc(c, n[0] + i) for i, c in enumerate(w))
        return esc(w[0], n[0]) + w[1:]

    return WORD.sub(rep, text)


def carrier(i, inner):
    """inner is already a JSON string body (escaped, without quotes)."""
    return '{"id": "doc-%d", "status": "ok", "notes": "%s"}' % (i, inner)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/r47/ev")
    ap.add_argument("--poison", default="/tmp/poison-eval")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    inj = pick("/tmp/inj-eval/sets-new/heldout17/spikee_tune.jsonl", "spikee_tune", 100)
    inj += pick("/tmp/inj-eval/sets-new/heldout8/garak_tune.jsonl", "garak_tune", 100)
    outs = {k: open(f"{a.out}/evasion_inj_{k}_r47.jsonl", "w") for k in ("orig", "first", "all")}
    for i, r in enumerate(inj):
        body = json.dumps(r["text"], ensure_ascii=False)[1:-1]  # escaping first: keywords hold no quote or backslash
        for k, f in outs.items():
            t = body if k == "orig" else encode(body, every=(k == "all"))
            f.write(json.dumps(dict(r, text=carrier(i, t), category=f"r47ev-{k}/" + r["category"]), ensure_ascii=False) + "\n")
    for f in outs.values():
        f.close()
    pool = []
    for p in sorted(glob.glob(f"{a.poison}/tune/*.jsonl")):
        tag = os.path.basename(p)
        for i, l in enumerate(open(p)):
            r = json.loads(l)
            if r.get("label") == 1 and r.get("description"):
                pool.append((h(f"{tag}|{i + 1}"), tag, r))
    pool.sort(key=lambda x: x[0])
    with open(f"{a.out}/evasion_poison_first_r47.jsonl", "w") as f, open(f"{a.out}/evasion_poison_orig_r47.jsonl", "w") as g:
        for _, tag, r in pool[:50]:
            g.write(json.dumps(r, ensure_ascii=False) + "\n")
            d = encode(r["description"]).replace("<", "\\u003c").replace(">", "\\u003e")
            f.write(json.dumps(dict(r, description=d), ensure_ascii=False) + "\n")
    print(len(inj), "injected items;", min(50, len(pool)), "poisoned tools of", len(pool))


if __name__ == "__main__":
    main()
