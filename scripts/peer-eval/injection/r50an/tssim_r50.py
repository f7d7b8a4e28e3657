#!/usr/bin/env python3
"""Round 50 (tune only, analysis): how many flagged chat-log chunks stay flagged when each
line's timestamp prefix ("chan YYYY-MM-DD [HH:MM(:SS)] ", "[HH:MM] ", "[DD Mon HH:MM] ") is
removed? Writes a copy of the tune set with the prefixes stripped; score it with peritem.

usage: tssim_r50.py IN.jsonl OUT.jsonl"""
import json, re, sys

TS = re.compile(r"^(?:[a-z-]+ \d{4}-\d\d-\d\d )?\[(?:\d\d [A-Z][a-z]{2} )?\d\d:\d\d(?::\d\d)?\] ?", re.M)


def main():
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        for l in open(sys.argv[1], encoding="utf-8"):
            d = json.loads(l)
            d["text"] = TS.sub("", d["text"])
            f.write(json.dumps(d, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
