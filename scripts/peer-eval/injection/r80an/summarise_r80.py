#!/usr/bin/env python3
"""Round 80: score one `warden` binary once on the frozen r80 sets and keep aggregates only.

Usage: summarise_r80.py --bin WARDEN --out DIR --sets /tmp/r80/sets

Round 78's script with round 80's names (r74an/summarise_r74.py, main(r="80")): runs
`BIN eval injection --json` once on r80_bare.jsonl and once on r80_doc.jsonl, scores every clean
category once as its own file for its flagged count, and writes r80_bare_eval.json, r80_doc_eval.json,
r80_clean_by_category.txt and summary.txt in DIR. Nothing item-level is printed or kept (no --verbose).
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "r74an"))
import summarise_r74  # noqa: E402

if __name__ == "__main__":
    summarise_r74.main("80")
