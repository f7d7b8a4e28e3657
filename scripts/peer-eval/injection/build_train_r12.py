#!/usr/bin/env python3
"""Round 12 training contexts: raw e-mail messages (RFC 5322 / MIME source) of MimeKit's
test data, as benign window-model contexts (attacks are inserted into them too), so that the
window model learns e-mail bodies with their header fields left out of its view.

Writes /tmp/inj-train/mail.jsonl (label 0). Source: jstedfast/MimeKit UnitTests/TestData
(MIT): messages/*.txt|*.eml and the mbox files split at "From " lines. Never measured;
deterministic (sorted paths, exact duplicates dropped, messages of 40 B to 16 KiB).
"""
import re
from build_heldout_r9 import files, show, write

REPO = "jstedfast+MimeKit"
OUT = "/tmp/inj-train/mail.jsonl"
MAXDOC = 16 << 10


def main():
    seen, out = set(), []
    def add(t, cat):
        t = t.strip("\r\n")
        if 40 <= len(t) <= MAXDOC and "\x00" not in t and t not in seen and re.search(r"^[\w-]+: ", t, re.M):
            seen.add(t)
            out.append({"text": t, "label": 0, "category": cat})
    for p in files(REPO, lambda n: n.startswith("UnitTests/TestData/messages/") and n.endswith((".txt", ".eml"))):
        add(show(REPO, p), "mail/mimekit-messages")
    for p in files(REPO, lambda n: n.startswith("UnitTests/TestData/mbox/") and n.endswith(".mbox.txt")):
        for m in re.split(r"(?m)^From .*\r?\n", show(REPO, p)):
            add(m, "mail/mimekit-mbox")
    write(OUT, out)


if __name__ == "__main__":
    main()
