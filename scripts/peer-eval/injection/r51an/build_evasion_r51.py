#!/usr/bin/env python3
"""Round 51: our own evasion set for letters that normalisation folds to ASCII (written by the
change's author). Round 46's picks (r46an/build_evasion_r46.py: the first 100 injected items of
spikee tune and of garak tune by sha256("r46ev|" + set + "|" + line number)); each attack keyword
(round 46's KEYWORDS, whole words, any case) rewritten letter by letter:
  orig (control), fullwidth (U+FF21..U+FF5A), mathbold (U+1D400..U+1D433), circled (U+24B6..U+24E9);
  pct: each line that holds a keyword percent-encoded whole (every UTF-8 byte as %XX).
Only tune data is read. Output: OUT/evasion_inj_{orig,fullwidth,mathbold,circled}_r51.jsonl.
usage: build_evasion_r51.py [--out /tmp/r51/ev]"""
import argparse, json, os, re, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "r46an"))
from build_evasion_r46 import KEYWORDS, pick  # noqa: E402

WORD = re.compile(r"[A-Za-z]+")


def fold(c, style):
    if style == "fullwidth":
        return chr(ord(c) + 0xFEE0)
    if style == "mathbold":
        return chr(0x1D400 + ord(c) - ord("A")) if c.isupper() else chr(0x1D41A + ord(c) - ord("a"))
    if style == "circled":
        return chr(0x24B6 + ord(c) - ord("A")) if c.isupper() else chr(0x24D0 + ord(c) - ord("a"))
    return c


def pct_lines(text):
    return "\n".join("".join("%%%02X" % b for b in line.encode()) if any(w.lower() in KEYWORDS for w in WORD.findall(line)) else line
                     for line in text.split("\n"))


def encode(text, style):
    if style == "pct":
        return pct_lines(text)
    return WORD.sub(lambda m: "".join(fold(c, style) for c in m.group(0)) if m.group(0).lower() in KEYWORDS else m.group(0), text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp/r51/ev")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    inj = pick("/tmp/inj-eval/sets-new/heldout17/spikee_tune.jsonl", "spikee_tune", 100)
    inj += pick("/tmp/inj-eval/sets-new/heldout8/garak_tune.jsonl", "garak_tune", 100)
    for style in ("orig", "fullwidth", "mathbold", "circled", "pct"):
        with open(f"{a.out}/evasion_inj_{style}_r51.jsonl", "w") as f:
            for r in inj:
                f.write(json.dumps(dict(r, text=encode(r["text"], style), category=f"r51ev-{style}/" + r["category"]), ensure_ascii=False) + "\n")
    print(len(inj), "injected items, 5 styles")


if __name__ == "__main__":
    main()
