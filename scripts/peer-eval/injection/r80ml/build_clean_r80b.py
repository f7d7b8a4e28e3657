#!/usr/bin/env python3
"""Round 80: a second clean set in round 80's languages, held out. Built and frozen
after the first (build_clean_r80.py) had been read for the candidate's false alarms
(so that one is tune data), before the revised candidate was scored on this one.

  - Bitcoin.org (MIT) website translations, _translations/{da,fa,he,hi,id,pl,sv,tr,uk}.yml
    at 333dd5fb: each page's strings (a top-level key under the language) joined into
    one document (HTML kept as the site has it);
  - trekhleb/javascript-algorithms (MIT) README translations in he, id, pl, tr, uk, vi
    at 85293e3e: each file one document.
Writes /tmp/r80/ml/r80_clean_b.jsonl (label 0, category clean/<source>/<lang>)."""
import os
import yaml

from build_clean_r80 import git, write_rows

BTC = ("/work/.mirror/bitcoin-dot-org+Bitcoin.org/repo", "333dd5fb121be31216657c61ce2b2d48fff7f71e")
JSA = ("/work/.mirror/trekhleb+javascript-algorithms/repo", "85293e3e2b88f4d2ce330d956b139cf628aa1e82")
BTC_LANGS = ["da", "fa", "he", "hi", "id", "pl", "sv", "tr", "uk"]
JSA_LANGS = {"he-IL": "he", "id-ID": "id", "pl-PL": "pl", "tr-TR": "tr", "uk-UA": "uk", "vi-VN": "vi"}


def flat(v, out):
    if isinstance(v, dict):
        for x in v.values():
            flat(x, out)
    elif isinstance(v, list):
        for x in v:
            flat(x, out)
    elif isinstance(v, str) and v.strip():
        out.append(v.strip())
    return out


def main():
    os.makedirs("/tmp/r80/ml", exist_ok=True)
    rows = []
    d, c = BTC
    for lang in BTC_LANGS:
        doc = yaml.safe_load(git(d, "show", f"{c}:_translations/{lang}.yml").decode())
        for page, v in doc[lang].items():
            text = "\n".join(flat(v, []))
            if len(text) >= 40:
                rows.append({"text": text, "label": 0, "category": f"clean/bitcoin.org/{lang}", "id": f"bitcoin.org@{c[:10]}/{lang}/{page}"})
    d, c = JSA
    for path in sorted(git(d, "ls-tree", "-r", "--name-only", c).decode().splitlines()):
        for suf, lang in JSA_LANGS.items():
            if path.endswith(f"README.{suf}.md"):
                rows.append({"text": git(d, "show", f"{c}:{path}").decode(), "label": 0, "category": f"clean/javascript-algorithms/{lang}", "id": f"jsa@{c[:10]}/{path}"})
    write_rows("/tmp/r80/ml/r80_clean_b.jsonl", rows)


if __name__ == "__main__":
    main()
