#!/usr/bin/env python3
"""Round 31: clean raw e-mail messages (RFC 5322 / MIME source, as an IMAP or mail tool returns a
message) from the test fixtures of mail software never used in rounds 1-30, split by message
into a tune half and a held-out half. Clean only: the round measures false positives.

Writes /tmp/r31/sets/mail_r31_tune.jsonl and mail_r31_heldout.jsonl (label 0; one "id" per
message, repo:path). Split: sha256("r31|" + id), even -> tune, odd -> held-out.

Sources (bare mirrors under /work/.mirror, HEAD of each snapshot; commits in SOURCES.md,
"Round 31"): notmuch/notmuch test/corpora/** (LKML and notmuch/cairo list messages, threading,
protected-headers, crypto), djcb/mu testdata/**, rjbs/Email-MIME t/Mail/*,
postalsys/postal-mime test/fixtures/*.eml, staktrace/mailparse tests/files/*.{eml,txt}.
Left out: messages under 300 bytes or over 32 KiB, with NUL bytes, without a header line in
their first five lines, exact duplicates (within the round and of any used e-mail set: rounds
11-13 held-out and injected sets, round 12/13 training messages), and any message whose body
(text after the first blank line) equals a used message's body.
Deterministic: sorted paths.
"""
import hashlib, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import subprocess
from build_heldout_r9 import M, files, show, write
from build_heldout_r13 import looks_like_message

OUT = "/tmp/r31/sets"
MINDOC, MAXDOC = 300, 32 << 10
N = "/tmp/inj-eval/sets-new"
USED = [f"{N}/heldout11/mail11_heldout.jsonl", f"{N}/heldout11/mail11_injected.jsonl",
        f"{N}/heldout12/mail12_heldout.jsonl", f"{N}/heldout13/mail13_heldout.jsonl",
        f"{N}/heldout13/mail13_injected.jsonl"]
# every file of the mail repositories used before (held-out sets and round 12/13 training): a
# candidate whose git blob equals one of theirs is a duplicate
USED_REPOS = ("mikel+mail", "mailgun+flanker", "mailgun+talon", "stalwartlabs+mail-parser",
              "apache+james-mime4j", "php-mime-mail-parser+php-mime-mail-parser", "jhillyerd+enmime",
              "SpamScope+mail-parser", "nodemailer+mailparser", "haraka+Haraka", "apache+spamassassin",
              "rspamd+rspamd", "jstedfast+MimeKit", "zbateson+mail-mime-parser")
BIN = (".gif", ".png", ".jpg", ".pdf", ".gz", ".asc", ".pem", ".key", ".gpg", ".json", ".c", ".h",
       ".py", ".sh", ".el", ".scm", ".expected", ".cc", ".rs", ".js", ".ts", ".md", ".go", ".pl", ".t", ".pm")
CARRIERS = (
    ("notmuch+notmuch", "test/corpora/", "notmuch"),
    ("djcb+mu", "testdata/", "mu"),
    ("rjbs+Email-MIME", "t/Mail/", "email-mime"),
    ("postalsys+postal-mime", "test/fixtures/", "postal-mime"),
    ("staktrace+mailparse", "tests/files/", "mailparse"),
)


def body(t):
    t = t.replace("\r\n", "\n")
    i = t.find("\n\n")
    return t[i + 2:] if i >= 0 else ""


def blobs(repo):
    out = subprocess.run(["git", "--git-dir", f"{M}/{repo}/repo", "ls-tree", "-r", "HEAD"],
                         capture_output=True, check=True).stdout.decode()
    return {l.split("\t", 1)[1]: l.split()[2] for l in out.splitlines()}


def main():
    used_blob = set()
    for r in USED_REPOS:
        used_blob |= set(blobs(r).values())
    used_text, used_body = set(), set()
    for fn in USED:
        if not os.path.exists(fn):
            sys.exit("missing used set " + fn)
        for l in open(fn):
            t = json.loads(l).get("text", "")
            used_text.add(t)
            b = body(t)
            if len(b.strip()) >= 40:
                used_body.add(b)
    seen, tune, held, drop = set(), [], [], {}
    for repo, under, cat in CARRIERS:
        bl = blobs(repo)
        for p in files(repo, lambda n: n.startswith(under) and not n.lower().endswith(BIN)):
            t = show(repo, p)
            why = None
            if not (MINDOC <= len(t.encode()) <= MAXDOC):
                why = "size"
            elif "\x00" in t or not looks_like_message(t):
                why = "not a message"
            elif t in seen:
                why = "duplicate"
            elif bl[p] in used_blob or t in used_text or body(t) in used_body:
                why = "used"
            if why:
                drop[why] = drop.get(why, 0) + 1
                continue
            seen.add(t)
            mid = repo + ":" + p
            row = {"text": t, "label": 0, "category": cat, "id": mid}
            (tune if int(hashlib.sha256(("r31|" + mid).encode()).hexdigest(), 16) % 2 == 0 else held).append(row)
    print("dropped", drop)
    for name, rows in (("tune", tune), ("heldout", held)):
        c = {}
        for r in rows:
            c[r["category"]] = c.get(r["category"], 0) + 1
        print(name, sorted(c.items()))
    write(OUT + "/mail_r31_tune.jsonl", tune)
    write(OUT + "/mail_r31_heldout.jsonl", held)


if __name__ == "__main__":
    main()
