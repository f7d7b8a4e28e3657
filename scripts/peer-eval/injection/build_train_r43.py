#!/usr/bin/env python3
"""Round 43: short benign units (single lines and paragraphs) of the permissive benign contexts, as
window-model negatives read alone (`train -extra` items of category "window-neg/r43-<unit>/<cat>":
loadExtra adds them as samples by themselves, never as contexts for insertions).

Why: round 40's line scores read each line of a low-scoring window alone, but the window model was
trained on whole windows only and gives emphatic lines of ordinary pages 0.9-0.99 alone
(docs/injection-rounds.md, "Round 40"). Training on lines and paragraphs alone (and, with the
trainer's -alone flag, on each attack alone) is meant to make a line's score mean the same alone
and in a window.

Input: the benign -extra files already trained on (all permissively licensed; sources and licences
in internal/detect/model/README.md and scripts/peer-eval/injection/SOURCES.md):
  /tmp/inj-train/r41/w3.jsonl   blog/announcement/PEP prose (round 41; MIT/Apache-2.0, CC-BY-4.0, CC0)
  /tmp/inj-train/benign.jsonl   tldr pages (CC-BY-4.0), Rust book (MIT/Apache-2.0), BIPIA e-mails (MIT)
  /tmp/inj-train/mail13.jsonl   raw e-mails (Apache-2.0, MIT, BSD-2)
  /tmp/inj-train/records.jsonl  WHOIS responses (MIT), licence texts (BSD-3-Clause repo)
No new source: every unit is a substring of a context the shipped model already trains on.

Units per context: lines (split on "\\n", trimmed) and multi-line paragraphs (split on blank lines,
at most --maxpara characters) with at least --minw words and shorter than the whole context.
Picked per context by sha256("r43|" + unit), the first --cap-<file> of them; duplicates across the
whole output dropped. Deterministic: two runs give the same bytes.

usage: build_train_r43.py [--minw N] [--cap-web N] [--cap-benign N] [--cap-mail N] [--cap-records N]
                          [--out FILE]
Writes FILE (default /tmp/inj-train/r43/units.jsonl: {text, label 0, category, _source, licence})
and prints its sha256 and counts per category.
"""
import argparse, collections, hashlib, json, os

FILES = [  # key, path
    ("web", "/tmp/inj-train/r41/w3.jsonl"),
    ("benign", "/tmp/inj-train/benign.jsonl"),
    ("mail", "/tmp/inj-train/mail13.jsonl"),
    ("records", "/tmp/inj-train/records.jsonl"),
]
LICENCE = {"tldr": "CC-BY-4.0", "rustbook": "MIT OR Apache-2.0", "bipia-test-email": "MIT",
           "mail": "Apache-2.0 / MIT / BSD-2-Clause (per message, SOURCES.md round 13)",
           "records": "MIT (whois-parser) / BSD-3-Clause (licensecheck)"}


def h(s):
    return hashlib.sha256(("r43|" + s).encode()).hexdigest()


def units(text, minw, maxpara):
    out = []
    for line in text.split("\n"):
        line = line.strip()
        if len(line.split()) >= minw and len(line) < len(text.strip()) - 8:
            out.append(("line", line))
    for para in text.split("\n\n"):
        para = para.strip()
        if "\n" in para and len(para) <= maxpara and len(para.split()) >= minw and len(para) < len(text.strip()) - 8:
            out.append(("para", para))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minw", type=int, default=4)
    ap.add_argument("--maxpara", type=int, default=600)
    ap.add_argument("--cap-web", type=int, default=12)
    ap.add_argument("--cap-benign", type=int, default=3)
    ap.add_argument("--cap-mail", type=int, default=6)
    ap.add_argument("--cap-records", type=int, default=3)
    ap.add_argument("--out", default="/tmp/inj-train/r43/units.jsonl")
    a = ap.parse_args()
    caps = {"web": a.cap_web, "benign": a.cap_benign, "mail": a.cap_mail, "records": a.cap_records}
    seen, rows, count = set(), [], collections.Counter()
    for key, path in FILES:
        for n, l in enumerate(open(path, encoding="utf-8")):
            it = json.loads(l)
            if it.get("label") not in (0, "0", False):
                continue
            cat = it.get("category", key)
            top = cat.split("/")[0]
            lic = it.get("licence") or LICENCE.get(top, LICENCE.get(key, "see README"))
            src = it.get("_source") or f"{os.path.basename(path)}#{n + 1}"
            us = sorted(units(it["text"], a.minw, a.maxpara), key=lambda u: h(u[1]))
            k = 0
            for kind, u in us:
                if k >= caps[key]:
                    break
                if u in seen:
                    continue
                seen.add(u)
                k += 1
                rows.append({"text": u, "label": 0, "category": f"window-neg/r43-{kind}/{top}",
                             "_source": src, "licence": lic})
                count[(key, kind)] += 1
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    print(hashlib.sha256(open(a.out, "rb").read()).hexdigest(), a.out, len(rows))
    for k, v in sorted(count.items()):
        print(" ", k, v)


if __name__ == "__main__":
    main()
