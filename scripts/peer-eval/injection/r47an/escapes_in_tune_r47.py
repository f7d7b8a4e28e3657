#!/usr/bin/env python3
"""Round 47: how many tune items hold a JSON \\u escape, and one that spells an ASCII letter
(tune sets of tune_r47.py only). usage: escapes_in_tune_r47.py"""
import json, re
from tune_r47 import SETS

ANY = re.compile(r'(?<!\\)(?:\\\\)*\\u[0-9A-Fa-f]{4}')
LETTER = re.compile(r'(?<!\\)(?:\\\\)*\\u00(?:4[1-9A-Fa-f]|5[0-9Aa]|6[1-9A-Fa-f]|7[0-9Aa])')
for k, p in SETS.items():
    n = a = l = 0
    for line in open(p):
        t = json.loads(line)["text"]
        n += 1
        a += bool(ANY.search(t))
        l += bool(LETTER.search(t))
    print(f"{k:24s} items {n:5d}  any \\u escape {a:4d}  letter escape {l:3d}")
