#!/usr/bin/env python3
"""The tldr pages the window model never saw, as round16_compare.py reads them.

build_train_r5.py trains on every 5th page of /tmp/inj-eval/sets/tldr_all.jsonl
(index % 5 == 0); the other 4/5 are round 7's "clean documents never trained on"
(5313 pages), and the trigger-word pages among them (tldr_trigger.jsonl minus the
trained pages, 561) its trigger-word set. Writes /tmp/inj16/sets/tldr_unseen.jsonl
and tldr_trigger_unseen.jsonl. Deterministic (file order of build.py's output)."""
import hashlib, json, os

S = "/tmp/inj-eval/sets"
OUT = "/tmp/inj16/sets"
TLDR_EVERY = 5  # as build_train_r5.py


def rows(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def write(name, items):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(hashlib.sha256(open(path, "rb").read()).hexdigest(), path, len(items))


def main():
    os.makedirs(OUT, exist_ok=True)
    allp = rows(f"{S}/tldr_all.jsonl")
    trained = {r["page"] for i, r in enumerate(allp) if i % TLDR_EVERY == 0}
    write("tldr_unseen.jsonl", [r for r in allp if r["page"] not in trained])
    write("tldr_trigger_unseen.jsonl", [r for r in rows(f"{S}/tldr_trigger.jsonl") if r["page"] not in trained])


if __name__ == "__main__":
    main()
