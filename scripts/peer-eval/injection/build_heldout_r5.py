#!/usr/bin/env python3
"""Round-5 held-out set: LLMail-Inject (microsoft, MIT) sample, as vendored
unchanged in sileneer/safety-tax@f88747d36c57e2d17e6ba64a18460d5e0476323a
(data/LLMail-Inject/data/). Frozen before any round-5 change; scored once.

Injected: the 250 submissions with attack_attempt == "True" (e-mails written by
challenge participants to make an e-mail assistant call send_email); clean: the
203 e-mails of emails_for_fp_tests.json. "Unclear"/"False" submissions are left out.

Usage: fetch the mirror with the library's fetch tool (github:sileneer/safety-tax),
then python3 build_heldout_r5.py -> /tmp/inj-eval/sets-new/heldout5/llmail.jsonl
"""
import json, os, subprocess

MIRROR = "/work/.mirror/sileneer+safety-tax/repo"
COMMIT = "f88747d36c57e2d17e6ba64a18460d5e0476323a"
OUT = "/tmp/inj-eval/sets-new/heldout5"


def show(path):
    return subprocess.check_output(["git", "-C", MIRROR, "show", f"{COMMIT}:{path}"])


def main():
    subs = json.loads(show("data/LLMail-Inject/data/sampled_submissions.json"))
    clean = json.loads(show("data/LLMail-Inject/data/emails_for_fp_tests.json"))
    os.makedirs(OUT, exist_ok=True)
    n = [0, 0]
    with open(os.path.join(OUT, "llmail.jsonl"), "w", encoding="utf-8") as f:
        for text, meta in subs.items():
            if str(meta.get("attack_attempt")) != "True":
                continue
            f.write(json.dumps({"text": text, "label": 1, "category": "llmail/phase%s" % meta.get("phase")}) + "\n")
            n[1] += 1
        for text in clean:
            f.write(json.dumps({"text": text, "label": 0, "category": "llmail/fp-test-email"}) + "\n")
            n[0] += 1
    print("llmail.jsonl: %d injected, %d clean" % (n[1], n[0]))


if __name__ == "__main__":
    main()
