#!/usr/bin/env python3
"""Round 11 held-out set: trivy's secret scanner tests.

usage: build_round11.py TRIVY_GIT_DIR COMMIT OUT.jsonl

Reads pkg/fanal/secret/scanner_test.go (TestSecretScanner) at COMMIT and
keeps the cases run with testdata/skip-test.yaml (the built-in rules, with
the test-path allow rule off) or testdata/config.yaml (the same plus the
authors' generic rule `rule1`, a `secret=` / `secret:` assignment of a
quoted 8-64 character value). For each input file the lines of every
expected finding (StartLine..EndLine, joined) are one item labelled 1;
every other non-blank line of the file is an item labelled 0 (the test
asserts that trivy reports exactly the listed findings). A file used by
several such cases is taken once, from its first case; Markdown files and
paths holding "example" are left out (trivy's built-in allow rules skip
them by path, whatever they hold).
"""
import json
import re
import subprocess
import sys


def show(git, commit, path):
    return subprocess.run(["git", "--git-dir", git, "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout.decode("utf-8", "replace")


def main():
    git, commit, out = sys.argv[1:4]
    src = show(git, commit, "pkg/fanal/secret/scanner_test.go")
    body = src[src.index("func TestSecretScanner("):src.index("func TestSecretScannerWithStreaming(")]
    # Named expected findings: var := types.SecretFinding{ ... StartLine: n, EndLine: m
    spans = {}
    for m in re.finditer(r"\n\t(\w+) := types\.SecretFinding\{(.*?)\n\t\}", body, re.S):
        s = re.search(r"StartLine:\s*(\d+)", m.group(2))
        e = re.search(r"EndLine:\s*(\d+)", m.group(2))
        spans[m.group(1)] = (int(s.group(1)), int(e.group(1)))
    # openAIFinding(...) builds a finding on line 1.
    for m in re.finditer(r"\n\t(\w+) := openAIFinding\(", body):
        spans[m.group(1)] = (1, 1)
    cases = re.split(r"\n\t\t\{\n", body)[1:]
    seen = set()
    items = []
    for c in cases:
        cfg = re.search(r'configPath:\s*filepath\.Join\("testdata",\s*"([^"]+)"\)', c)
        if not cfg or cfg.group(1) not in ("skip-test.yaml", "config.yaml"):
            continue
        inp = re.search(r'inputFilePath:\s*(?:"([^"]+)"|filepath\.Join\("testdata",\s*"([^"]+)"\))', c)
        path = inp.group(1) or "testdata/" + inp.group(2)
        # trivy allows Markdown files and paths holding "example" by path,
        # so their lines carry no label.
        if path in seen or path.endswith(".md") or "example" in path:
            continue
        seen.add(path)
        want = c[c.index("want:"):]
        found = []
        fl = re.search(r"Findings:\s*\[\]types\.SecretFinding\{(.*?)\n\t\t\t\t\},?\n", want, re.S) or \
            re.search(r"Findings:\s*\[\]types\.SecretFinding\{([^\n]*)\}", want)
        if fl:
            for name in re.findall(r"\b(wantFinding\w*|\w+Finding\w*)\b", fl.group(1)):
                if name in spans:
                    found.append(spans[name])
            for s, e in re.findall(r"StartLine:\s*(\d+),\s*EndLine:\s*(\d+)", fl.group(1)):
                found.append((int(s), int(e)))
        text = show(git, commit, "pkg/fanal/secret/" + path)
        lines = text.split("\n")
        inpos = set()
        for s, e in sorted(set(found)):
            items.append({"text": "\n".join(lines[s - 1:e]), "label": 1, "category": "trivy/" + path[9:]})
            inpos.update(range(s, e + 1))
        for i, ln in enumerate(lines, 1):
            if i not in inpos and ln.strip():
                items.append({"text": ln, "label": 0, "category": "trivy/" + path[9:]})
    with open(out, "w") as f:
        for it in items:
            f.write(json.dumps(it) + "\n")
    pos = sum(it["label"] for it in items)
    print(f"{len(items)} items ({pos} / {len(items) - pos}), {len(seen)} files", file=sys.stderr)


if __name__ == "__main__":
    main()
