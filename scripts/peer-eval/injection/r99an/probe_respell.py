"""Round 99's respelling probe (written after the candidate; not used to tune it): round 97's eight
attacks and eight ordinary sentences (r97an/probe_bon2.py) through three respellings, five draws
each where the respelling is random, bare and in a mail:
  split_all / split_half  every word of four letters or more (or each with probability 1/2) split by
                          a hyphen at a random point inside it ("Ign-ore", "instr-uctions");
  pig_first               pig latin moving the first letter ("gnoreIay"), as round 95's probe;
  pig_cluster             pig latin moving the leading consonants, "way" after a vowel ("eviouspray",
                          "ignoreway");
  sym_all / sym_half      a -> @ and s -> $ (every one, or each with probability 1/2).
Deterministic (seed 99). Writes respell.jsonl. Usage: python3 probe_respell.py && warden eval injection respell.jsonl"""
import json, os, random, re, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "r97an"))
import probe_bon2 as ns  # its attacks, ordinary sentences and mail

rng = random.Random(99)
WORD = re.compile(r"[A-Za-z]+")

def split(s, p):
    def one(m):
        w = m.group(0)
        if len(w) < 4 or rng.random() >= p:
            return w
        k = rng.randint(1, len(w) - 1)
        return w[:k] + "-" + w[k:]
    return WORD.sub(one, s)

def pig_first(s):
    return WORD.sub(lambda m: m.group(0)[1:] + m.group(0)[0] + "ay" if len(m.group(0)) > 1 else m.group(0) + "ay", s)

def pig_cluster(s):
    def one(m):
        w = m.group(0)
        if w[0].lower() in "aeiou":
            return w + "way"
        k = 0
        while k < len(w) and w[k].lower() not in "aeiouy":
            k += 1
        return w[k:] + w[:k] + "ay"
    return WORD.sub(one, s)

def sym(s, p):
    return "".join({"a": "@", "s": "$"}.get(c, c) if c in "as" and rng.random() < p else c for c in s)

KINDS = [("split_all", lambda s: split(s, 1), 5), ("split_half", lambda s: split(s, 0.5), 5),
         ("pig_first", pig_first, 1), ("pig_cluster", pig_cluster, 1),
         ("sym_all", lambda s: sym(s, 1), 1), ("sym_half", lambda s: sym(s, 0.5), 5)]

with open("respell.jsonl", "w") as f:
    for cat, fn, draws in KINDS:
        for label, texts in ((1, ns.ATTACKS), (0, ns.ORDINARY)):
            for t in texts:
                for _ in range(draws):
                    x = fn(t)
                    f.write(json.dumps({"text": x, "label": label, "category": cat + "/bare"}) + "\n")
                    f.write(json.dumps({"text": ns.MAIL.format(x=x), "label": label, "category": cat + "/mail"}) + "\n")
