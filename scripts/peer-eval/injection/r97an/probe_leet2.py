"""Round 98's leetspeak probe (tried after round 97; see README.md): round 97's eight attacks and eight ordinary sentences
(probe_bon2.py) through PyRIT's leetspeak substitutions as round 96d's probe applies them
(a->4/@, e->3, i->1/!, o->0, s->5/$, t->7, l->1, g->9, b->8, z->2, a random choice per
character), five draws each, bare and in a mail. Deterministic (seed 98). Writes leet2.jsonl.
Usage: python3 probe_leet2.py && warden eval injection leet2.jsonl"""
import json, os, random, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import probe_bon2 as ns  # its attacks, ordinary sentences and mail
LEET = {"a": ["4", "@"], "e": ["3"], "i": ["1", "!"], "o": ["0"], "s": ["5", "$"], "t": ["7"], "l": ["1"], "g": ["9"], "b": ["8"], "z": ["2"]}
rng = random.Random(98)
def leet(s):
    return "".join(rng.choice(LEET[c.lower()]) if c.lower() in LEET else c for c in s)
with open("leet2.jsonl", "w") as f:
    for label, texts in ((1, ns.ATTACKS), (0, ns.ORDINARY)):
        for t in texts:
            for k in range(5):
                x = leet(t)
                f.write(json.dumps({"text": x, "label": label, "category": "bare"}) + "\n")
                f.write(json.dumps({"text": ns.MAIL.format(x=x), "label": label, "category": "mail"}) + "\n")
