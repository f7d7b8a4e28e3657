#!/usr/bin/env python3
"""Round-7 fresh held-out set: Samsung/CredSweeper's sample files.

usage: build_round7.py OUTDIR

Reads the bare mirror of Samsung/CredSweeper (MIT) at a pinned commit and
writes OUTDIR/credsweeper.jsonl ({"text", "label", "category"}).

CredSweeper's tests scan tests/samples/ and compare the findings with the
authors' expected reports in tests/data/*.json. Items are findings:

  label 1  a finding of tests/data/output.json (the default configuration,
           filters and ML model on: what the authors expect reported),
           except rules that find identifiers, not secrets (ID_RULES).
  label 0  a candidate of tests/data/no_filters_no_ml.json (every regex
           match, no filter, no model) none of whose lines is reported in
           output.json, doc.json or depth_3_pedantic.json: a candidate the
           authors' filters or model reject in every mode.

The text of an item is the lines of the sample file its finding spans
(first to last line of its line_data_list; a PEM block through its END
line). Texts that occur with both labels are dropped, duplicates kept
once. Labels come from the authors' files only.
"""
import functools
import json
import os
import subprocess
import sys

MIRROR = os.environ.get("MIRROR_ROOT", "/work/.mirror")
CS = ("Samsung+CredSweeper", "1ed2ca5cdd480667b938024464a37589b9af8564")

# Rules that report identifiers or public values, not credentials (as the
# noseyparker set leaves out bucket, client-id and domain rules).
ID_RULES = {
    "AWS Client ID", "Alibaba Access Key ID", "AWS S3 Bucket",
    "Firebase Domain", "Tencent WeChat API App ID", "UUID", "Salt", "Nonce",
}


def git(*args):
    return subprocess.run(
        ["git", "--git-dir", f"{MIRROR}/{CS[0]}/repo", *args],
        check=True, capture_output=True,
    ).stdout


def report(name):
    return json.loads(git("show", f"{CS[1]}:tests/data/{name}.json"))


@functools.lru_cache(maxsize=None)
def sample_lines(path):
    try:
        raw = git("show", f"{CS[1]}:{path.removeprefix('./')}")
        return raw.decode("utf-8").split("\n")
    except (subprocess.CalledProcessError, UnicodeDecodeError):
        return None


def span(finding):
    """(path, first, last) line numbers (1-based) of a finding."""
    lds = finding["line_data_list"]
    path = lds[0]["path"]
    nums = [ld["line_num"] for ld in lds if ld["path"] == path]
    if not nums or min(nums) < 1:
        return None
    return path, min(nums), max(nums)


def text_of(path, first, last):
    lines = sample_lines(path)
    if lines is None or last > len(lines):
        return None
    if "PRIVATE KEY" in lines[first - 1] and "BEGIN" in lines[first - 1]:
        for i in range(first - 1, min(len(lines), first + 80)):
            if "END" in lines[i]:
                last = max(last, i + 1)
                break
    if last - first > 80:
        return None
    return "\n".join(lines[first - 1:last])


def covered(reports):
    lines = set()
    for r in reports:
        for f in r:
            for ld in f["line_data_list"]:
                lines.add((ld["path"], ld["line_num"]))
    return lines


def main():
    out = sys.argv[1]
    expected = report("output")
    reported = covered([expected, report("doc"), report("depth_3_pedantic")])
    items = {}
    conflict = set()

    def add(text, label, path):
        if text is None or not text.strip():
            return
        if text in items and items[text]["label"] != label:
            conflict.add(text)
        items.setdefault(text, {"text": text, "label": label,
                                "category": "credsweeper/" + path.split("/")[-1]})

    for f in expected:
        if f["rule"] in ID_RULES:
            continue
        s = span(f)
        if s:
            add(text_of(*s), 1, s[0])
    for f in report("no_filters_no_ml"):
        s = span(f)
        if not s:
            continue
        path, first, last = s
        if any((path, n) in reported for n in range(first, last + 1)):
            continue
        add(text_of(*s), 0, path)
    keep = [it for t, it in items.items() if t not in conflict]
    with open(os.path.join(out, "credsweeper.jsonl"), "w") as fh:
        for it in keep:
            fh.write(json.dumps(it) + "\n")
    pos = sum(it["label"] for it in keep)
    files = len({it["category"] for it in keep})
    print(f"credsweeper: {len(keep)} items ({pos} / {len(keep) - pos}), "
          f"{files} files, {len(conflict)} conflicting texts dropped")


if __name__ == "__main__":
    main()
