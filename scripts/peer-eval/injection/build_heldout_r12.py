#!/usr/bin/env python3
"""Round 12: clean raw e-mail messages of other mail libraries' test fixtures, frozen before
the round-12 change (false positives on raw RFC 5322 / MIME source).

Writes /tmp/inj-eval/sets-new/heldout12/mail12_heldout.jsonl (label 0, one "id" per
message). Carriers never used before: stalwartlabs/mail-parser resources/eml (Hunny
Software MUA samples, Dovecot's malformed and third-party messages, RFC examples) and
apache/james-mime4j core/src/test/resources/{testmsgs,mimetools-testmsgs} (*.msg).
Deterministic: sorted paths, exact duplicates dropped.
"""
from build_heldout_r9 import files, show, write

OUT = "/tmp/inj-eval/sets-new/heldout12"
MAXDOC = 32 << 10
CARRIERS = (
    ("stalwartlabs+mail-parser", "resources/eml/", ".eml", "mail-parser/"),
    ("apache+james-mime4j", "core/src/test/resources/testmsgs/", ".msg", "mime4j/"),
    ("apache+james-mime4j", "core/src/test/resources/mimetools-testmsgs/", ".msg", "mimetools/"),
)


def main():
    seen, clean = set(), []
    for repo, under, ext, cat in CARRIERS:
        for p in files(repo, lambda n: n.startswith(under) and n.endswith(ext)):
            t = show(repo, p)
            if not (40 <= len(t) <= MAXDOC) or "\x00" in t or t in seen:
                continue
            seen.add(t)
            sub = p[len(under):].split("/")[0] if "/" in p[len(under):] else ""
            clean.append({"text": t, "label": 0, "category": cat + sub, "id": repo + ":" + p})
    write(OUT + "/mail12_heldout.jsonl", clean)


if __name__ == "__main__":
    main()
