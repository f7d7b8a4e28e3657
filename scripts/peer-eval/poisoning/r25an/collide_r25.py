#!/usr/bin/env python3
"""Round 25 (poisoning): which words of the unscrambling vocabulary (VOCAB, or the list in
internal/detect/poisoning_variants.go when it exists) share a key (first letter, last letter,
sorted middle letters) with a different word of the benign tune tool sets: such a word would be
read as the vocabulary word. Tune and check files only (label 0 items, every string of the item).
usage: collide_r25.py [--go FILE]"""
import argparse, collections, glob, json, re, sys

P = "/tmp/poison-eval"
FILES = sorted(glob.glob(f"{P}/tune/*.jsonl") + glob.glob(f"{P}/seen/*.jsonl") + glob.glob(f"{P}/other/*.jsonl")
               + [f"{P}/r10/persuasive_benign.jsonl", f"{P}/r10/mpma_tune.jsonl", f"{P}/r13/r13_tune.jsonl",
                  f"{P}/r14/r14_tune.jsonl", f"{P}/r22/r22_tune.jsonl", f"{P}/r23/tune.jsonl", f"{P}/r24/tune.jsonl",
                  "/work/main/internal/detect/data/benign_npm_tools.jsonl", "/work/main/internal/detect/data/benign_hard.jsonl"])
WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{4,14}(?![A-Za-z0-9])")


def key(w):
    return w[0] + w[-1] + "".join(sorted(w[1:-1]))


def strings(x):
    if isinstance(x, str):
        yield x
    elif isinstance(x, dict):
        for k, v in x.items():
            yield k
            yield from strings(v)
    elif isinstance(x, list):
        for v in x:
            yield from strings(v)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--go", default="/work/main/internal/detect/poisoning_variants.go")
    a = ap.parse_args()
    src = open(a.go).read()
    vocab = src.split("var poisonScrambleVocab = strings.Fields(`")[1].split("`")[0].split()
    cnt = collections.Counter()
    items = 0
    for f in FILES:
        for line in open(f):
            r = json.loads(line)
            if r.get("label") != 0:
                continue
            items += 1
            for s in strings(r):
                for w in WORD.findall(s):
                    cnt[w.lower()] += 1
    print(f"files {len(FILES)} benign items {items} distinct words {len(cnt)} vocab {len(vocab)}")
    vk = collections.defaultdict(list)
    for v in vocab:
        if 4 <= len(v) <= 14:
            vk[key(v)].append(v)
    for k, vs in vk.items():
        if len(vs) > 1:
            print("vocab words sharing a key:", vs)
    coll = collections.defaultdict(list)
    for w, c in cnt.items():
        for v in vk.get(key(w), []):
            if w != v:
                coll[v].append((w, c))
    for v, l in sorted(coll.items()):
        print(v, sorted(l, key=lambda x: -x[1])[:8])


if __name__ == "__main__":
    main()
