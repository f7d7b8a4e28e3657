#!/usr/bin/env python3
"""Round-5 fresh sets: labelled examples of three more scanners.

usage: build_round5.py OUTDIR

Reads bare mirrors (fetched with the library's fetch tool) at pinned
commits and writes {"text", "label", "category"} JSONL:

  detect-secrets.jsonl  Yelp/detect-secrets tests/plugins/*_test.py:
      pytest parametrize tables with a should_flag column (True = 1,
      False = 0), single-column tables whose test asserts one finding
      (= 1) or none (= 0), and the keyword plugin's *_TEST_CASES lists
      (expected secret = 1, None = 0). Strings are evaluated with the
      test module's own constants; entries that do not evaluate are
      skipped.
  ripsecrets.jsonl      sirwart/ripsecrets test/: every line of
      test/one_per_line/* = 1 (their test asserts one finding per line),
      every file of test/one_per_file/* = 1, every line of test/none = 0.
  whispers.jsonl        Skyscanner/whispers tests/fixtures/*.yml with
      top-level `compliant:` / `noncompliant:` sections: each leaf line
      under noncompliant = 1, under compliant = 0, kept only for files
      whose count in tests/unit/test_secrets.py equals the number of
      noncompliant leaves (so the authors' test agrees with the split).

Texts already in another set of OUTDIR (build.sh and
build_trufflehog_new.sh output, not trufflehog-changed.jsonl) are dropped,
and duplicates within a set are kept once.
"""
import ast
import json
import os
import re
import subprocess
import sys
import textwrap

MIRROR = os.environ.get("MIRROR_ROOT", "/work/.mirror")
DS = ("Yelp+detect-secrets", "5e141933554a0b74e7341841f318be21e895339c")
RS = ("sirwart+ripsecrets", "416e9d04d6ba8941fc3106bf986b6c8aa875767e")
WH = ("Skyscanner+whispers", "5832bf74dcb127128ba653ed87601c927124b5aa")


def git(repo, *args):
    return subprocess.run(
        ["git", "--git-dir", f"{MIRROR}/{repo[0]}/repo", *args],
        check=True, capture_output=True,
    ).stdout


def ls(repo, path):
    out = git(repo, "ls-tree", "-r", "--name-only", repo[1], path).decode()
    return [p for p in out.splitlines() if p]


def show(repo, path):
    return git(repo, "show", f"{repo[1]}:{path}").decode("utf-8", "replace")


def module_env(tree):
    """Module-level and class-level constants, evaluated in order."""
    env = {"textwrap": textwrap, "__builtins__": {"str": str, "len": len, "range": range}}
    nodes = list(tree.body)
    for n in tree.body:
        if isinstance(n, ast.ClassDef):
            nodes += n.body
    for n in nodes:
        if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name):
            try:
                env[n.targets[0].id] = eval(compile(ast.Expression(n.value), "<c>", "eval"), env)
            except Exception:
                pass
    return env


def ev(node, env):
    try:
        return eval(compile(ast.Expression(node), "<c>", "eval"), env)
    except Exception:
        return None


def asserts(fn):
    """+1 if the test asserts exactly one finding, 0 if none, None if unclear."""
    src = ast.unparse(fn)
    if re.search(r"==\s*1\b", src) and "assert" in src:
        return 1
    if re.search(r"==\s*0\b|assert not ", src):
        return 0
    return None


def detect_secrets(items):
    for path in ls(DS, "tests/plugins"):
        name = os.path.basename(path)
        if not name.endswith("_test.py") or name in ("base_test.py", "ip_public_test.py", "high_entropy_strings_test.py"):
            continue
        cat = "detect-secrets/" + name[: -len("_test.py")]
        tree = ast.parse(show(DS, path))
        env = module_env(tree)
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            for dec in fn.decorator_list:
                if not (isinstance(dec, ast.Call) and ast.unparse(dec.func).endswith("parametrize") and len(dec.args) >= 2):
                    continue
                names = ev(dec.args[0], env)
                if isinstance(names, (tuple, list)):
                    names = ",".join(names)
                if not isinstance(names, str):
                    continue
                cols = [c.strip() for c in names.split(",")]
                rows = dec.args[1]
                if not isinstance(rows, (ast.List, ast.Tuple)):
                    continue
                if len(cols) == 2 and cols[1] == "should_flag":
                    for r in rows.elts:
                        if isinstance(r, ast.Tuple) and len(r.elts) == 2:
                            t, lab = ev(r.elts[0], env), ev(r.elts[1], env)
                            if isinstance(t, str) and isinstance(lab, bool):
                                items.append((t, int(lab), cat))
                elif len(cols) == 1 and cols[0] in ("line", "payload", "file_content"):
                    lab = asserts(fn)
                    if lab is None:
                        continue
                    for r in rows.elts:
                        t = ev(r, env)
                        if isinstance(t, str):
                            items.append((t, lab, cat))
        # keyword plugin: lists of (line, expected secret or None).
        for n in tree.body:
            if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name) and n.targets[0].id.endswith("_TEST_CASES"):
                for r in getattr(n.value, "elts", []):
                    if isinstance(r, ast.Tuple) and len(r.elts) == 2:
                        t, want = ev(r.elts[0], env), ev(r.elts[1], env)
                        if isinstance(t, str) and (want is None or isinstance(want, str)):
                            items.append((t, int(want is not None), cat + "/" + n.targets[0].id.lower()))


def ripsecrets(items):
    for path in ls(RS, "test"):
        text = show(RS, path)
        cat = "ripsecrets/" + path[len("test/"):]
        if path == "test/none":
            items += [(l, 0, cat) for l in text.splitlines() if l.strip()]
        elif path.startswith("test/one_per_line/"):
            items += [(l, 1, cat) for l in text.splitlines() if l.strip()]
        elif path.startswith("test/one_per_file/"):
            items.append((text, 1, cat))


def whispers(items):
    counts = dict(re.findall(r'\("([\w.]+\.yml)", (\d+)\)', show(WH, "tests/unit/test_secrets.py")))
    for path in ls(WH, "tests/fixtures"):
        name = os.path.basename(path)
        if name not in counts:
            continue
        sect, got = None, []
        for line in show(WH, path).splitlines():
            m = re.match(r"(non)?compliant:\s*$", line)
            if m:
                sect = 1 if m.group(1) else 0
                continue
            if re.match(r"\S", line):
                sect = None
            s = line.strip().lstrip("- ").strip()
            # a leaf: key: value or KEY=value with a value.
            if sect is not None and re.match(r"[\w.\-\"']+\s*[:=]\s*\S", s):
                got.append((s, sect, "whispers/" + name))
        if got and sum(l for _, l, _ in got) == int(counts[name]):
            items += got


def main():
    out = sys.argv[1]
    seen = set()
    for f in os.listdir(out):
        # trufflehog-changed.jsonl was added after these sets were frozen.
        if f.endswith(".jsonl") and not f.startswith(("detect-secrets", "ripsecrets", "whispers", "trufflehog-changed")):
            for line in open(os.path.join(out, f)):
                seen.add(json.loads(line)["text"])
    for name, fn in (("detect-secrets", detect_secrets), ("ripsecrets", ripsecrets), ("whispers", whispers)):
        items, texts = [], set()
        fn(items)
        n = 0
        with open(os.path.join(out, name + ".jsonl"), "w") as f:
            for t, lab, cat in items:
                if t in seen or t in texts:
                    continue
                texts.add(t)
                f.write(json.dumps({"text": t, "label": lab, "category": cat}) + "\n")
                n += 1
        print(f"{name}: {n} items")


if __name__ == "__main__":
    main()
