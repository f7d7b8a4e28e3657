#!/usr/bin/env python3
"""Round 34: what the missed injected text is (keyword families, checked by reading samples), and
whether it is plausibly detectable without the user's task (it addresses the assistant, its
prompt, instructions or answer, or fakes a role turn): yes for the first four families.
usage: fam.py an_*.jsonl [-v]"""
import json, re, sys, collections
FAMS = [
  ("other-language attack", re.compile(r"[\u0400-\u04ff\u4e00-\u9fff]|\b(?:Usebenza|Tha thu|Tá tú|Je duke|Më fal|Tá brón|UDHËZIME|TREORACHA|IMIYALELO|STIÙIREADH|Ngincede|Nginike|Por favor|Para la)\b")),
  ("fake role turn / system or developer notice", re.compile(r"^\W*(?:SYSTEM|Assistant|AI agents|System notice)\s*:|\nAssistant:|DEVELOPER MODE|\[system\]|<\|", re.I | re.M)),
  ("prompt/instruction extraction or secret", re.compile(r"pass ?(?:word|code)|access (?:code|granted|denied)|(?:your|the|prior|previous|above|hidden) (?:instructions|rules|words|prompt|conditions)|system (?:prompt|message)|unique id", re.I)),
  ("writes into the answer (format, links, images, ads)", re.compile(r"\b(?:your|the) (?:answer|response|reply|summary|output)\b|\brespond\b|\breply\b|!\[|base64|emojis?", re.I)),
  ("jailbreak persona", re.compile(r"\bDAN\b|ChatGPT|GPTchat|unfiltered|jailbr|developer mode|act (?:like|as)|personify", re.I)),
  ("tool action on the user's data (send, share, access, modify records)", re.compile(r"\b(?:send|forward|e-?mail|transfer|share|access|transmit|intercept|delete|modify|adjust|update|create|manage|secure|verify|audit|review)\b", re.I)),
  ("false claim or fact to repeat (garak WHOIS/Eiffel, CSE claims)", re.compile(r"not malicious|repeat <|Zubrowka|calculate_area|output (?:could|is) '10'|Tower", re.I)),
  ("plain question or unrelated task", re.compile(r".", re.S)),
]
DETECT = set(f for f, _ in FAMS[:4])
def fam(t):
    for f, rx in FAMS:
        if rx.search(t): return f
if __name__ == "__main__":
    v = "-v" in sys.argv; tab = collections.Counter(); ex = collections.defaultdict(list); sets = []
    for fn in [a for a in sys.argv[1:] if a != "-v"]:
        n = fn.split("an_")[-1].split(".")[0]; sets.append(n)
        for l in open(fn):
            r = json.loads(l)
            if r["flagged"]: continue
            f = fam(r["inserted"]); tab[(n, f)] += 1; tab[(n, "ALL")] += 1; ex[f].append(r["inserted"][:140])
            if f in DETECT: tab[(n, "DETECT")] += 1
    print("%-72s" % "family \\ set" + " ".join("%7s" % s[:7] for s in sets) + "   total")
    for f in [f for f, _ in FAMS] + ["ALL", "DETECT"]:
        row = [tab[(s, f)] for s in sets]; print("%-72s" % f[:72] + " ".join("%7d" % x for x in row) + "   %5d" % sum(row))
    if v:
        import random; random.seed(4)
        for f in ex:
            print("==", f)
            for e in random.sample(ex[f], min(6, len(ex[f]))): print("   ", repr(e))
