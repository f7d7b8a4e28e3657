#!/usr/bin/env python3
"""Round 9: semgrep-rules' secret rule tests as a labelled set.

usage: build_round9.py GIT_DIR COMMIT OUTDIR [OTHER_SET.jsonl ...]

Reads the test files of semgrep/semgrep-rules under generic/secrets/
(bare mirror GIT_DIR at COMMIT) and writes OUTDIR/semgrep.jsonl. semgrep's
test annotations label the line after a `ruleid: RULE` comment as one the
rule must match (1) and the line after `ok: RULE` as one it must not (0);
`todoruleid:` / `todook:` carry the authors' intended label and are read
the same way. An annotation that ends a line of code labels that line; a labelled
line that begins a PEM block is taken through its END line (as round 7).
Rules that find identifiers (client, account and access-key ids, public
keys) are left out, as in round 7. Texts held by the OTHER_SET files are
dropped; a text labelled both ways is dropped.
"""
import hashlib
import json
import os
import re
import subprocess
import sys

ANNOT = re.compile(r"(?:#|//|<!--|--|;|/\*)\s*(todoruleid|ruleid|todook|ok)\s*:\s*([\w.,\s-]+?)\s*(?:-->|\*/)?\s*$")
IDENTIFIER_RULES = {
    "adobe-client-id", "alibaba-access-key-id", "asana-client-id",
    "bitbucket-client-id", "discord-client-id", "linkedin-client-id",
    "messagebird-client-id", "plaid-client-id", "sendbird-access-id",
    "sumologic-access-id", "new-relic-user-api-id",
    "detected-aws-access-key-id-value", "detected-aws-account-id",
    "flutterwave-public-key", "lob-pub-api-key", "mailgun-pub-key",
}


def git(gd, *args):
    return subprocess.run(["git", "--git-dir", gd, *args], check=True,
                          capture_output=True).stdout


def pem_block(lines, i):
    """The lines from a PEM BEGIN line through its END line (as round 7)."""
    for j in range(i, min(len(lines), i + 200)):
        if "-----END" in lines[j]:
            return "\n".join(l.rstrip() for l in lines[i:j + 1])
    return lines[i].rstrip()


def items_of(path, text):
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        m = ANNOT.search(line)
        if not m:
            continue
        kind, rules = m.group(1), m.group(2)
        rules = [r.strip() for r in rules.split(",") if r.strip()]
        if any(r in IDENTIFIER_RULES for r in rules):
            continue
        code = line[:m.start()].rstrip()
        if code:
            target = code
        elif i + 1 < len(lines):
            target = lines[i + 1].rstrip()
            if "-----BEGIN" in target:
                target = pem_block(lines, i + 1)
        else:
            continue
        if not target.strip() or ANNOT.search(target):
            continue
        label = 1 if kind in ("ruleid", "todoruleid") else 0
        out.append({"text": target, "label": label,
                    "category": "semgrep/" + os.path.basename(path)})
    return out


def main():
    gd, commit, outdir = sys.argv[1:4]
    seen = set()
    for p in sys.argv[4:]:
        for l in open(p):
            seen.add(json.loads(l)["text"])
    names = git(gd, "ls-tree", "-r", "--name-only", commit,
                "generic/secrets").decode().split("\n")
    items = []
    for n in sorted(names):
        if not n or n.endswith((".yaml", ".yml")):
            continue
        items += items_of(n, git(gd, "show", f"{commit}:{n}").decode("utf-8", "replace"))
    labels = {}
    for it in items:
        labels.setdefault(it["text"], set()).add(it["label"])
    kept, done = [], set()
    for it in items:
        t = it["text"]
        if t in seen or len(labels[t]) > 1 or t in done:
            continue
        done.add(t)
        kept.append(it)
    path = os.path.join(outdir, "semgrep.jsonl")
    with open(path, "w") as f:
        for it in kept:
            f.write(json.dumps(it) + "\n")
    pos = sum(it["label"] for it in kept)
    files = len({it["category"] for it in kept})
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    print(f"semgrep: {len(kept)} items ({pos} / {len(kept) - pos}), "
          f"{files} files, sha256 {digest} (read {len(items)})")


if __name__ == "__main__":
    main()
