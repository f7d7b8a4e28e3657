#!/usr/bin/env python3
"""Round 56 (analysis only, TUNE data): how much of the flags on rendered Stack Exchange threads
comes from the renderer's own post header word. Rewrites each "Answer N (score ..." header line of
build_tickets_r56.py's SE rendering to WORD (default "Reply") and writes a copy of the set.

usage: hdrsim_r56.py IN.jsonl OUT.jsonl [WORD]"""
import json, re, sys


def main():
    word = sys.argv[3] if len(sys.argv) > 3 else "Reply"
    n = 0
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        for line in open(sys.argv[1], encoding="utf-8"):
            it = json.loads(line)
            it["text"], k = re.subn(r"(?m)^Answer (\d+ \(score )", word + r" \1", it["text"])
            n += k
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"headers rewritten: {n}", file=sys.stderr)


if __name__ == "__main__":
    main()
