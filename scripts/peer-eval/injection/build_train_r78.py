#!/usr/bin/env python3
"""Round 78: the attack texts of used fresh sets (rounds 64 and 65; the licence table below can take
68, 74 and 76 too) as training data for the window classifier, and their benign look-alikes as
window-model negatives. Measured and not shipped (docs/injection-rounds.md, "Round 78"; the model
README's "round-78 candidate").

Why: the shipped window model (round 41) was trained on about 440 real attack texts of four
collections plus Warden's own synthetic families; rounds 64-76 measured about 2,700 attack texts
of 25 other owners, all of them now used (rounds 66-77 were designed with them in view). Training
on them is the plainest way to widen what the model has seen; the judge is round 78's fresh set,
which none of them overlaps (its builder drops texts found in any of these sets).

Reads the frozen bare views (each kept text once, as its round's builder wrote it):
  /tmp/r64/sets/r64_bare.jsonl  /tmp/r65/sets/r65_bare.jsonl  /tmp/r68/sets/r68_bare.jsonl
  /tmp/inj74/sets/r74_bare.jsonl  /tmp/inj76/sets/r76_bare.jsonl
(rebuilt by build_fresh_r64/r65/r68/r74/r76.py; sums in SOURCES.md). Category of an item:
"{inj|clean}/bare/{group}". Licences per group come from SOURCES.md (rounds 64-76) and are
listed in GROUPS below; a group not listed stops the build (nothing is trained on unread terms).
Left out: PromptWall (round 64, "pw"): its MIT grant is a pyproject.toml field with no LICENSE
file, so it stays measurement only.

Writes OUT/fresh_attacks.jsonl: label 1 items {text, label 1, category "fresh/r<round>/<group>",
licence} (attacks the trainer inserts into benign contexts), and label 0 items with category
"window-neg/r<round>-<group>" (window-model negatives only: prompts to an AI that are benign).
Deterministic (input order). usage: build_train_r78.py [--rounds 64,65] [--out DIR] [--list-groups]
Round 78's file: --rounds 64,65 --out /tmp/train78a (sha256 e6e126a0...4693, 1,277 attacks and 477
window negatives). A round without entries in GROUPS stops the build until its licences are added.
"""
import argparse, hashlib, json, os, sys

SETS = {
    "64": "/tmp/r64/sets/r64_bare.jsonl",
    "65": "/tmp/r65/sets/r65_bare.jsonl",
    "68": "/tmp/r68/sets/r68_bare.jsonl",
    "74": "/tmp/inj74/sets/r74_bare.jsonl",
    "76": "/tmp/inj76/sets/r76_bare.jsonl",
}

# group (first part after inj|clean/bare/) -> licence, per SOURCES.md. None: not trained on.
GROUPS = {
    "64": {"pw": None, "pw-safe": None, "sn": "Apache-2.0", "sn-lookalike": "Apache-2.0", "sn-plain": "Apache-2.0"},
    "65": {"ia": "MIT", "px": "MIT", "pg": "MIT", "ia-lookalike": "MIT", "px-plain": "MIT",
           "xs-lookalike": "CC-BY-4.0"},
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", default="64,65")
    ap.add_argument("--out", default="/tmp/train78a")
    ap.add_argument("--list-groups", action="store_true", help="print the groups found and stop")
    a = ap.parse_args()
    rounds = a.rounds.split(",")
    found = {}
    out = []
    for r in rounds:
        with open(SETS[r]) as f:
            for line in f:
                it = json.loads(line)
                pre, view, grp = it["category"].split("/", 2)
                assert view == "bare", it["category"]
                key = grp.split("/")[0]
                found[(r, pre, key)] = found.get((r, pre, key), 0) + 1
                if a.list_groups:
                    continue
                if key not in GROUPS.get(r, {}):
                    sys.exit(f"round {r}: group {key!r} has no licence entry")
                lic = GROUPS[r][key]
                if lic is None:
                    continue
                if it["label"] == 1:
                    out.append({"text": it["text"], "label": 1, "category": f"fresh/r{r}/{grp}", "licence": lic})
                else:
                    out.append({"text": it["text"], "label": 0, "category": f"window-neg/r{r}-{key}", "licence": lic})
    if a.list_groups:
        for k, n in sorted(found.items()):
            print(*k, n)
        return
    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, "fresh_attacks.jsonl")
    with open(path, "w") as f:
        for it in out:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    sha = hashlib.sha256(open(path, "rb").read()).hexdigest()
    n1 = sum(it["label"] for it in out)
    print(path, sha, f"{n1} attacks, {len(out) - n1} window negatives")


if __name__ == "__main__":
    main()
