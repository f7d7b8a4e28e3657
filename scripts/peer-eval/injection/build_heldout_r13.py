#!/usr/bin/env python3
"""Round 13: raw e-mail messages of yet other mail libraries' test fixtures, clean and with a
prompt-extraction attack written into the body, frozen before the round-13 change (the window
model retrained with e-mail messages of other sources as benign contexts, build_train_r13.py).

Writes, under /tmp/inj-eval/sets-new/heldout13/:
  mail13_heldout.jsonl   clean messages (label 0), one "id" per message
  mail13_injected.jsonl  twins with a Tensor Trust extraction attack written into the first
                         prose paragraph (label 1, same "id"), placed as in round 11
                         (build_heldout_r11.inject), using only attacks round 11 did not use

Carriers never used before (not in rounds 1-12, not in round 13's training):
php-mime-mail-parser tests/mails, jhillyerd/enmime testdata/{mail,low-quality} and dsn/testdata, SpamScope/mail-parser
tests/mails, nodemailer/mailparser test/fixtures, haraka/Haraka test/mail_specimen.
Deterministic: sorted paths, sha256 choices, exact duplicates dropped.
"""
from build_heldout_r9 import files, show, h, write
from build_heldout_r11 import MODES, attacks, inject

OUT = "/tmp/inj-eval/sets-new/heldout13"
MAXDOC = 32 << 10
CARRIERS = (
    ("php-mime-mail-parser+php-mime-mail-parser", "tests/mails/", "php-mime-mail-parser"),
    ("jhillyerd+enmime", "testdata/mail/", "enmime"),
    ("jhillyerd+enmime", "testdata/low-quality/", "enmime"),
    ("jhillyerd+enmime", "dsn/testdata/", "enmime-dsn"),
    ("SpamScope+mail-parser", "tests/mails/", "spamscope"),
    ("nodemailer+mailparser", "test/fixtures/", "nodemailer"),
    ("haraka+Haraka", "test/mail_specimen/", "haraka"),
)
EXT = (".eml", ".raw", ".msg", ".txt", "")


def has_ext(path):
    base = path.rsplit("/", 1)[-1]
    return "." not in base or "." + base.rsplit(".", 1)[-1] in EXT


def looks_like_message(t):
    # a header block first: "Name: value" on one of the first lines
    head = t.lstrip()[:2000].split("\n\n")[0]
    return any(":" in l and not l.startswith((" ", "\t")) and l.split(":")[0].replace("-", "").isalnum()
               for l in head.splitlines()[:5])


def used_r11(att):
    # the attacks round 11 wrote into its messages (same choice as build_heldout_r11.main)
    from build_heldout_r11 import messages
    return {att[h("att" + m["id"]) % len(att)] for m in messages()}


def main():
    att = attacks()
    used = used_r11(att)
    fresh = [a for a in att if a not in used]
    seen, clean, inj = set(), [], []
    for repo, under, cat in CARRIERS:
        for p in files(repo, lambda n: n.startswith(under) and has_ext(n)):
            t = show(repo, p)
            if not (40 <= len(t) <= MAXDOC) or "\x00" in t or t in seen or not looks_like_message(t):
                continue
            seen.add(t)
            mid = repo + ":" + p
            clean.append({"text": t, "label": 0, "category": cat, "id": mid})
            mode = MODES[h("mode" + mid) % len(MODES)]
            a = fresh[h("att" + mid) % len(fresh)]
            x = inject(t, a, mode)
            if x is None and mode == "sentence":
                mode, x = "paragraph", inject(t, a, "paragraph")
            if x is not None:
                inj.append({"text": x, "label": 1, "category": cat + "/" + mode, "id": mid})
    print("attacks", len(att), "unused by round 11", len(fresh))
    write(OUT + "/mail13_heldout.jsonl", clean)
    write(OUT + "/mail13_injected.jsonl", inj)


if __name__ == "__main__":
    main()
