#!/usr/bin/env python3
"""Round 13 training contexts: raw e-mail messages (RFC 5322 / MIME source) of other mail
software's test data, as benign window-model contexts (the trainer writes attacks into them
too, and trains on each clean copy beside its injected one), so that the window model learns
that bounce, spam, list and ordinary message text and address lines are no evidence of
injection by themselves.

Writes /tmp/inj-train/mail13.jsonl (label 0, category mail/SOURCE). Sources (permissive
licences; none is measured anywhere):
  apache/spamassassin t/data/** (Apache-2.0): ham, spam, DKIM, phishing, welcomelist messages
  zbateson/mail-mime-parser tests/_data/emails/*.txt (BSD-2-Clause), without the Hunny
    Software samples m*.txt (no licence; also in round 12's held-out set)
  rspamd/rspamd test/functional/messages/** (Apache-2.0): spam, bounce, alias, DMARC messages
  jstedfast/MimeKit UnitTests/TestData messages and mbox files (MIT; as build_train_r12.py)
A message whose text or body also appears in a round-11/12/13 e-mail set is left out, and only
every STRIDE-th message is kept: with all 447 the window model lost 5 points of recall on the
round-11 e-mail attacks and LLMail-Inject (tune), with every second one (224) and -per 14 it
kept them (docs/injection-rounds.md, "Round 13").
Deterministic (sorted paths, exact duplicates dropped, messages of 40 B to 16 KiB).
"""
import hashlib, json, re
from build_heldout_r9 import files, show, write

OUT = "/tmp/inj-train/mail13.jsonl"
MAXDOC = 16 << 10
STRIDE = 2
EVAL = ("/tmp/inj-eval/sets-new/heldout11/mail11_heldout.jsonl",
        "/tmp/inj-eval/sets-new/heldout12/mail12_heldout.jsonl",
        "/tmp/inj-eval/sets-new/heldout13/mail13_heldout.jsonl")
HEADER = re.compile(r"^[\w-]+: ", re.M)
SOURCES = (
    ("apache+spamassassin", lambda n: n.startswith("t/data/") and n.count("/") >= 3
     and not n.startswith(("t/data/geodb/", "t/data/etc/", "t/data/txrep/"))),
    ("zbateson+mail-mime-parser", lambda n: n.startswith("tests/_data/emails/") and n.count("/") == 3 and n.endswith(".txt")
     and not re.match(r"m\d", n.rsplit("/", 1)[1])),
    ("rspamd+rspamd", lambda n: n.startswith("test/functional/messages/")),
    ("jstedfast+MimeKit", lambda n: n.startswith("UnitTests/TestData/messages/") and n.endswith((".txt", ".eml"))),
)


def body(t):
    parts = re.split(r"\r?\n\r?\n", t, maxsplit=1)
    return hashlib.sha256(re.sub(r"\s+", " ", parts[-1]).strip().encode()).hexdigest()


def main():
    held = set()
    for f in EVAL:
        for l in open(f, encoding="utf-8"):
            t = json.loads(l)["text"]
            held.update((t.strip("\r\n"), body(t)))
    seen, out = set(), []

    def add(t, cat):
        t = t.strip("\r\n")
        if not (40 <= len(t) <= MAXDOC) or "\x00" in t or t in seen or not HEADER.search(t[:2000]):
            return
        if t in held or body(t) in held:
            return
        seen.add(t)
        out.append({"text": t, "label": 0, "category": cat})

    for repo, pred in SOURCES:
        cat = "mail/" + repo.split("+")[0]
        for p in files(repo, pred):
            add(show(repo, p), cat)
    for p in files("jstedfast+MimeKit", lambda n: n.startswith("UnitTests/TestData/mbox/") and n.endswith(".mbox.txt")):
        for m in re.split(r"(?m)^From .*\r?\n", show("jstedfast+MimeKit", p)):
            add(m, "mail/jstedfast")
    write(OUT, out[::STRIDE])


if __name__ == "__main__":
    main()
