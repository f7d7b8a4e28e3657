#!/usr/bin/env python3
"""Round 22: clean non-English documentation of another project, frozen before any
round-22 candidate (a language gate on the English window classifier) was scored.

Astro's translated documentation (withastro/docs, MIT; src/content/docs/<lang>/**/*.mdx,
translations of the English guides and reference, written by volunteer translators; full of
code blocks, imports of MDX components, config keys and CLI commands). Each file is split at
its "## " headings (the first section keeps the front matter and imports, as a tool that reads
the file returns them); sections of MINLEN..MAXLEN characters are candidates, and PER_LANG of
them per language are chosen by sha256 of the path and section index. Never used before in
this project; not FastAPI (rounds 20's source).

Writes /tmp/inj22/sets/r22_clean_astro.jsonl ({"text","label":0,"category":"clean/astro/<lang>","id"}).
Deterministic."""
import hashlib, json, os, subprocess, sys

GIT = "/work/.mirror/withastro+docs/repo"
COMMIT = "741c1b89ba13cf9b4ac4087ef09dc269e113fa77"
LANGS = ["de", "es", "fr", "it", "pt-br", "ru", "zh-cn", "ja", "ko"]
PER_LANG = 40
MINLEN, MAXLEN = 300, 6000
OUT = "/tmp/inj22/sets/r22_clean_astro.jsonl"


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
    names = git("ls-tree", "-r", "--name-only", COMMIT, "src/content/docs").splitlines()
    rows = []
    for lang in LANGS:
        pre = f"src/content/docs/{lang}/"
        cands = []
        for p in sorted(n for n in names if n.startswith(pre) and n.endswith((".md", ".mdx"))):
            for i, s in enumerate(sections(git("show", f"{COMMIT}:{p}"))):
                if MINLEN <= len(s) <= MAXLEN:
                    cands.append((h(f"r22|{p}|{i}"), f"{p}#{i}", s))
        cands.sort()
        if len(cands) < PER_LANG:
            sys.exit(f"{lang}: only {len(cands)} candidate sections")
        for _, ident, s in cands[:PER_LANG]:
            rows.append({"text": s, "label": 0, "category": f"clean/astro/{lang}", "id": ident})
        print(lang, len(cands), "candidates", file=sys.stderr)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(hashlib.sha256(open(OUT, "rb").read()).hexdigest(), OUT, len(rows))


if __name__ == "__main__":
    main()
