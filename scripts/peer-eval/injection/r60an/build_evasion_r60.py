#!/usr/bin/env python3
"""Round 60: our own evasion set for scrambled words ("typoglycemia": first and last letter kept,
the letters between shuffled), written by the change's author. Round 46's picks (r46an: the first
100 injected items of spikee tune and of garak tune by sha256("r46ev|" + set + "|" + line number));
each attack keyword (round 46's KEYWORDS, whole words, any case) of four letters or more rewritten:
  orig (control);
  all: every such keyword scrambled (a permutation of its middle letters that differs from the
       word when one exists, chosen by sha256 of the item id and the word's position);
  half: each such keyword scrambled with probability 1/2 (the same hash), as Best-of-N does.
Only tune data is read. Output: OUT/evasion_inj_{orig,all,half}_r60.jsonl.
usage: build_evasion_r60.py [--out /tmp/r60/ev]"""
import argparse, hashlib, itertools, json, os, re, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "r46an"))
from build_evasion_r46 import KEYWORDS, pick  # noqa: E402

WORD = re.compile(r"[A-Za-z]+")


def h(*parts):
    return int(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest(), 16)


def scramble(w, seed):
    mid = w[1:-1]
    perms = sorted({"".join(p) for p in itertools.permutations(mid)} - {mid}) if len(mid) <= 7 else None
    if perms is None:  # long words: a seeded shuffle until it differs
        chars, k = list(mid), seed
        for _ in range(8):
            for i in range(len(chars) - 1, 0, -1):
                k = h(k, i)
                j = k % (i + 1)
                chars[i], chars[j] = chars[j], chars[i]
            if "".join(chars) != mid:
                break
        return w[0] + "".join(chars) + w[-1]
    if not perms:
        return w
    return w[0] + perms[seed % len(perms)] + w[-1]


def encode(text, rid, style):
    n = [0]

    def sub(m):
        w = m.group(0)
        n[0] += 1
        if len(w) < 4 or w.lower() not in KEYWORDS or style == "orig":
            return w
        seed = h("r60ev", rid, n[0])
        if style == "half" and seed % 2:
            return w
        return scramble(w, seed >> 1)
    return WORD.sub(sub, text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/r60/ev")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    inj = pick("/tmp/inj-eval/sets-new/heldout17/spikee_tune.jsonl", "spikee_tune", 100)
    inj += pick("/tmp/inj-eval/sets-new/heldout8/garak_tune.jsonl", "garak_tune", 100)
    for style in ("orig", "all", "half"):
        with open(f"{a.out}/evasion_inj_{style}_r60.jsonl", "w") as f:
            for i, r in enumerate(inj):
                rid = r.get("id", i)
                f.write(json.dumps(dict(r, text=encode(r["text"], rid, style), category=f"r60ev-{style}/" + r["category"]), ensure_ascii=False) + "\n")
    print(len(inj), "injected items, 3 styles")


if __name__ == "__main__":
    main()
