#!/usr/bin/env python3
"""Round 20: clean non-English documentation, frozen before any round-20 rule was written.

FastAPI's translated documentation (fastapi/fastapi, MIT; docs/<lang>/docs/**/*.md, the
translations of the English tutorial), where honest "translate", "include", "respond",
"output" and "encode in base64" occur in many languages. Each file is split at its "## "
headings; sections of MINLEN..MAXLEN characters are candidates, and PER_LANG of them per
language are chosen by sha256 of the path and section index. Left out: `_llm-test.md` and
`llm-prompt.md` (the project's prompts and test page for its LLM translator: instructions
to a model by design, not documentation).

Writes /tmp/inj20/sets/r20_clean_docs.jsonl ({"text","label":0,"category":"clean/fastapi/<lang>","id"}).
Deterministic."""
import hashlib, json, os, subprocess, sys

GIT = "/work/.mirror/fastapi+fastapi/repo"
COMMIT = "c3f316b7e814667e8ee81e03a7330d00ee61e45c"
LANGS = ["es", "fr", "de", "pt", "ru", "zh", "ja", "ko", "tr", "uk"]
PER_LANG = 40
MINLEN, MAXLEN = 300, 6000
SKIP = ("_llm-test.md", "llm-prompt.md")
OUT = "/tmp/inj20/sets/r20_clean_docs.jsonl"
# A disjoint tune part (the next PER_LANG sections of each language by the same hash),
# written after the held-out part was frozen and HEAD scored on it (3.25% flagged):
# HEAD's false positives on such text may be read here, never on OUT.
TUNE = "/tmp/inj20/sets/r20_clean_tune.jsonl"


def git(*args):
    return subprocess.run(["git", "--git-dir", GIT, *args], check=True, capture_output=True).stdout.decode("utf-8")


def h(s):
    return int(hashlib.sha256(s.encode()).hexdigest(), 16)


def sections(text):
    out, cur = [], []
    for line in text.split("\n"):
        if line.startswith("## ") and cur:
            out.append("\n".join(cur).strip())
            cur = []
        cur.append(line)
    out.append("\n".join(cur).strip())
    return out


def main():
    names = git("ls-tree", "-r", "--name-only", COMMIT, "docs").splitlines()
    rows, tune = [], []
    for lang in LANGS:
        pre = f"docs/{lang}/docs/"
        cands = []
        for p in sorted(n for n in names if n.startswith(pre) and n.endswith(".md")):
            if p.endswith(SKIP):
                continue
            for i, s in enumerate(sections(git("show", f"{COMMIT}:{p}"))):
                if MINLEN <= len(s) <= MAXLEN:
                    cands.append((h(f"r20|{p}|{i}"), f"{p}#{i}", s))
        cands.sort()
        for _, ident, s in cands[:PER_LANG]:
            rows.append({"text": s, "label": 0, "category": f"clean/fastapi/{lang}", "id": ident})
        for _, ident, s in cands[PER_LANG:2 * PER_LANG]:
            tune.append({"text": s, "label": 0, "category": f"clean/fastapi/{lang}", "id": ident})
        print(lang, len(cands), "candidates", file=sys.stderr)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    for path, items in ((OUT, rows), (TUNE, tune)):
        with open(path, "w", encoding="utf-8") as f:
            for r in items:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(hashlib.sha256(open(path, "rb").read()).hexdigest(), path, len(items))


if __name__ == "__main__":
    main()
