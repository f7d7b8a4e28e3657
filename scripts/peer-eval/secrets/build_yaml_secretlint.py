#!/usr/bin/env python3
"""Build labelled JSONL sets for `warden eval secrets` from three more
scanners' own labelled examples, read from bare git mirrors (fetched with the
library's fetch tool into /work/.mirror/OWNER+NAME/repo) at pinned commits.

  noseyparker  rules' `examples` (label 1) and `negative_examples` (label 0)
  kingfisher   the same fields (kingfisher started as a noseyparker fork, so
               its examples that noseyparker already has are dropped)
  secretlint   rule test snapshots: input split into blank-line separated
               blocks; a block is positive when output.json reports a message
               on one of its lines. Cases with their own .secretlintrc.json
               (rule options) are skipped.

usage: build_yaml_secretlint.py OUTDIR   (needs PyYAML; nothing is written
into the repository)
"""
import json, os, re, subprocess, sys
import yaml

M = os.environ.get("MIRROR", "/work/.mirror")
SRC = {
    "noseyparker": ("praetorian-inc+noseyparker", "2e6e7f36ce36619852532bbe698d8cb7a26d2da7", "crates/noseyparker/data/default/builtin/rules/"),
    "kingfisher": ("mongodb+kingfisher", "ee7c0db3ef87575768f817820c24736249ffcdef", "data/rules/"),
    "secretlint": ("secretlint+secretlint", "18346ba31b8173d52060b971221ab38c1943def0", "packages/@secretlint/"),
}


def git(repo, *args):
    return subprocess.run(["git", "--git-dir", f"{M}/{repo}/repo", *args], check=True, capture_output=True).stdout


def files(repo, commit, prefix):
    out = git(repo, "ls-tree", "-r", "--name-only", commit, "--", prefix).decode()
    return [l for l in out.splitlines() if l]


def show(repo, commit, path):
    return git(repo, "show", f"{commit}:{path}").decode("utf-8", "replace")


# Rules that find identifiers or public values, not secrets (a DLP engine
# should not report a bucket name, a client id or a public key); kingfisher
# marks its helper rules for such parts `visible: false`.
NOT_SECRET = re.compile(
    r"(?i)(\bclient id\b|\bapp(lication)? id\b|\baccount id\b|\bbot id\b|\bapi id\b|"
    r"\bproduct id\b|\borganization id\b|\bdomain\b|\bbucket\b|\busername\b|\brecipient\b|"
    r"public access token|public key|\bhost\b|resource name|\barn\b|private key id|account name|"
    r"org name|instance url|search url|account identifier)")


def rules(name):
    repo, commit, prefix = SRC[name]
    for p in files(repo, commit, prefix):
        if p.endswith((".yml", ".yaml")):
            yield from (yaml.safe_load(show(repo, commit, p)) or {}).get("rules") or []


def compiled(rs):
    """Patterns of the secret rules that Python's re can compile (Rust regex
    syntax is close enough for nearly all of them)."""
    out = []
    for r in rs:
        try:
            out.append((r.get("id"), re.compile(r.get("pattern", ""))))
        except re.error:
            pass
    return out


def yaml_items(name, seen, dropped):
    """Examples of the secret rules. A rule's negative example that another
    rule of the same scanner matches (a Slack bot token in the negatives of
    the Slack user-token rule) is a secret of another kind and is dropped."""
    all_rules = [r for r in rules(name) if r.get("visible", True) and not NOT_SECRET.search(r.get("name", ""))]
    dropped[name] = len(list(rules(name))) - len(all_rules)
    pats = compiled(all_rules)
    items = []
    for r in all_rules:
        cat = f"{name}/{r.get('id')}"
        for label, key in ((1, "examples"), (0, "negative_examples")):
            for ex in r.get(key) or []:
                if not isinstance(ex, str) or not ex.strip():
                    continue
                if label == 0 and any(i != r.get("id") and p.search(ex) for i, p in pats):
                    dropped[name + " negatives of another rule"] = dropped.get(name + " negatives of another rule", 0) + 1
                    continue
                k = (label, ex.strip())
                if k in seen:
                    continue
                seen.add(k)
                items.append({"text": ex, "label": label, "category": cat})
    return items


def secretlint_items():
    repo, commit, prefix = SRC["secretlint"]
    paths = files(repo, commit, prefix)
    cases = {}
    for p in paths:
        parts = p.split("/")
        if len(parts) < 6 or parts[3] != "test" or parts[4] != "snapshots":
            continue
        if not parts[2].startswith("secretlint-rule-"):
            continue
        cases.setdefault("/".join(parts[:6]), []).append(parts[-1])
    items = []
    for case, names in sorted(cases.items()):
        if ".secretlintrc.json" in names or "output.json" not in names:
            continue
        inputs = [n for n in names if n.startswith("input")]
        if len(inputs) != 1:
            continue
        try:
            text = show(repo, commit, f"{case}/{inputs[0]}")
            out = json.loads(show(repo, commit, f"{case}/output.json"))
        except (subprocess.CalledProcessError, ValueError) as e:
            print(f"skipped {case}: {e}", file=sys.stderr)
            continue
        hit = set()
        for m in out.get("messages", []):
            loc = m.get("loc") or {}
            a, b = loc.get("start", {}).get("line"), loc.get("end", {}).get("line")
            if a and b:
                hit.update(range(a, b + 1))
        rule = case.split("/")[2].removeprefix("secretlint-rule-")
        block, start = [], 1
        lines = text.split("\n") + [""]
        for i, line in enumerate(lines, 1):
            if line.strip():
                if not block:
                    start = i
                block.append(line)
                continue
            if block:
                body = [l for l in block if not l.lstrip().startswith(("#", "//"))]
                if body:
                    label = int(any(start <= n < start + len(block) for n in hit))
                    items.append({"text": "\n".join(block), "label": label, "category": f"secretlint/{rule}"})
            block = []
    return items


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/secrets-eval"
    os.makedirs(out, exist_ok=True)
    seen, dropped = set(), {}
    sets = {
        "noseyparker": yaml_items("noseyparker", seen, dropped),
        "kingfisher": yaml_items("kingfisher", seen, dropped),
        "secretlint": secretlint_items(),
    }
    for k, v in dropped.items():
        print(f"dropped {k}: {v}" + (" rules (not secrets)" if "negatives" not in k else ""))
    for name, items in sets.items():
        with open(os.path.join(out, name + ".jsonl"), "w") as f:
            for it in items:
                f.write(json.dumps(it) + "\n")
        pos = sum(it["label"] for it in items)
        print(f"{name}: {len(items)} items, {pos} positive, {len(items) - pos} negative")


if __name__ == "__main__":
    main()
