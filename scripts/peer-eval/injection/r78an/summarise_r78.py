#!/usr/bin/env python3
"""Round 78: score one `warden` binary once on the frozen r78 sets and keep aggregates only.

Usage: summarise_r78.py --bin WARDEN --out DIR --sets /tmp/r78/sets

Runs `BIN eval injection --json` once on r78_bare.jsonl and once on r78_doc.jsonl (recall per
category comes from the tool). The tool reports rates for malicious categories only, so every clean
category is written to its own file and scored once for its flagged count. Nothing item-level is
printed or kept (no --verbose). Writes, in DIR: r78_bare_eval.json, r78_doc_eval.json (the tool's
stdout), r78_clean_by_category.txt ("category flagged n") and summary.txt (round 68's layout,
Wilson 95% intervals; recall per source, per source/type in the bare view and in all three carriers,
and per carrier kind x source; the worst and best TOP types with at least MIN_TYPE items).
Round 74's script with round 78's names (r74an/summarise_r74.py, main(r="78")).
"""
import os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "r74an"))
import summarise_r74  # noqa: E402

if __name__ == "__main__":
    summarise_r74.main("78")
