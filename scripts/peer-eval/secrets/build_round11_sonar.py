#!/usr/bin/env python3
"""Round 11 held-out set: SonarSource sonar-text secret rule examples.

usage: build_round11_sonar.py SONAR_TEXT_GIT_DIR COMMIT OUT.jsonl

Every `examples` entry of every rule in
sonar-text-plugin/src/main/resources/org/sonar/plugins/secrets/configuration/*.yaml
at COMMIT is one item: `containsSecret: true` = 1, false = 0. The text is
taken as written (a multi-line example stays one item). Identical texts
with the same label are kept once; a text labelled both ways is left out.
Measurement only (Sonar Source-Available License): nothing is copied into
the repository and nothing is tuned on it.
"""
import json
import subprocess
import sys

import yaml

PREFIX = "sonar-text-plugin/src/main/resources/org/sonar/plugins/secrets/configuration/"


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True).stdout.decode()


def main():
    gitdir, commit, out = sys.argv[1:4]
    paths = [p for p in git(gitdir, "ls-tree", "-r", "--name-only", commit).split("\n")
             if p.startswith(PREFIX) and p.endswith((".yaml", ".yml"))]
    labels = {}
    order = []
    for p in sorted(paths):
        src = git(gitdir, "show", f"{commit}:{p}")
        # ${common/…} lines are include directives of sonar's loader, not YAML.
        src = "\n".join(l for l in src.split("\n") if not l.strip().startswith("${"))
        doc = yaml.safe_load(src) or {}
        for rule in (doc.get("provider") or {}).get("rules") or []:
            for ex in rule.get("examples") or []:
                if "text" not in ex or "containsSecret" not in ex:
                    continue
                key = ex["text"]
                lab = 1 if ex["containsSecret"] else 0
                if key not in labels:
                    labels[key] = (set(), p[len(PREFIX):])
                    order.append(key)
                labels[key][0].add(lab)
    n = pos = 0
    with open(out, "w") as f:
        for key in order:
            labs, cat = labels[key]
            if len(labs) != 1:
                continue
            lab = labs.pop()
            f.write(json.dumps({"text": key, "label": lab, "category": "sonar/" + cat}) + "\n")
            n += 1
            pos += lab
    print(f"{n} items ({pos} / {n - pos}) from {len(paths)} files", file=sys.stderr)


if __name__ == "__main__":
    main()
