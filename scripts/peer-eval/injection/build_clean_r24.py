#!/usr/bin/env python3
"""Round 24: clean documentation in Latin-script languages outside round 22's language-gate
lists (Swedish, Danish, Hungarian, Romanian, Slovenian, Serbian in Latin script, Catalan,
Indonesian, Vietnamese), frozen before any round-24 candidate was written or scored.

Sources (other authors, MIT; none used before in this project, not FastAPI, not Astro):
  - bitcoin-dot-org/Bitcoin.org, _translations/<lang>.yml: the site's pages translated by
    volunteers on Transifex (prose with HTML links inside YAML strings). One unit per page key,
    cut at entry boundaries into chunks of at most CHUNK characters (MINLEN and more), each returned as the
    YAML a tool reading the file would see (page key line kept).
  - nodejs/nodejs.org, apps/site/pages/{id,ro}/**/*.md(x): translated pages (front matter,
    MDX imports, shell blocks of the package-manager page), split at "## " like round 22.
  - Textualize/rich, README.{sv,id}.md: translated READMEs full of Python examples, split at
    "## ".
  - trekhleb/javascript-algorithms, **/README.{vi-VN,id-ID}.md: translated algorithm READMEs
    (code, formulas), split at "## ".
Each unit is assigned to the tune or the held-out part by sha256 of a language-free key (the
page key, the file path without its language, the section index), so a page translated into
several languages is on one side only. Held-out: at most PER_LANG units per language, chosen
by sha256. Writes /tmp/inj24/sets/r24_clean_{tune,heldout}.jsonl
({"text","label":0,"category":"clean/r24/<source>/<lang>","id"}). Deterministic."""
import hashlib, json, os, re, subprocess, sys

MIRROR = "/work/.mirror"
BITCOIN = ("bitcoin-dot-org+Bitcoin.org", "333dd5fb121be31216657c61ce2b2d48fff7f71e")
NODE = ("nodejs+nodejs.org", "6f94c8a6ab643beeee7038eba3fb521207d4b345")
RICH = ("Textualize+rich", "42899d8a0a96b121a514516f4be9db44ff7aeaf3")
ALGO = ("trekhleb+javascript-algorithms", "85293e3e2b88f4d2ce330d956b139cf628aa1e82")
BITCOIN_LANGS = ["ca", "da", "hu", "id", "ro", "sl", "sr", "sv"]
MINLEN, MAXLEN = 300, 6000
CHUNK = 2500  # Bitcoin.org chunks
PER_LANG = 60
OUTDIR = "/tmp/inj24/sets"


def git(repo, *args):
    gd = f"{MIRROR}/{repo[0]}/repo"
    return subprocess.run(["git", "--git-dir", gd, *args], check=True, capture_output=True).stdout.decode("utf-8")


def show(repo, path):
    return git(repo, "show", f"{repo[1]}:{path}")


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


def yaml_chunks(text):
    """Page blocks of a Bitcoin.org translation file ("  key:" at two spaces), each cut at
    entry lines into chunks of at most CHUNK characters (an entry longer than that is a
    chunk of its own). Yields (page key, chunk index, text)."""
    lines = text.split("\n")
    starts = [i for i, l in enumerate(lines) if re.match(r"^  [A-Za-z0-9_-]+:\s*$", l)]
    for n, s in enumerate(starts):
        e = starts[n + 1] if n + 1 < len(starts) else len(lines)
        key = lines[s].strip().rstrip(":")
        head, cur, k = lines[s], [], 0
        for l in lines[s + 1:e]:
            if cur and len(head) + sum(len(x) + 1 for x in cur) + len(l) > CHUNK:
                yield key, k, "\n".join([head] + cur)
                cur, k = [], k + 1
            cur.append(l)
        if cur:
            yield key, k, "\n".join([head] + cur)


def units():
    """Every candidate unit: (side key, source, lang, id, text)."""
    for lang in BITCOIN_LANGS:
        for key, k, t in yaml_chunks(show(BITCOIN, f"_translations/{lang}.yml")):
            yield f"bitcoin|{key}", "bitcoin", lang, f"_translations/{lang}.yml#{key}.{k}", t
    names = git(NODE, "ls-tree", "-r", "--name-only", NODE[1], "apps/site/pages").splitlines()
    for lang in ["id", "ro"]:
        pre = f"apps/site/pages/{lang}/"
        for p in sorted(n for n in names if n.startswith(pre) and n.endswith((".md", ".mdx"))):
            for i, s in enumerate(sections(show(NODE, p))):
                yield f"node|{p[len(pre):]}", "nodejs", lang, f"{p}#{i}", s
    for lang in ["sv", "id"]:
        p = f"README.{lang}.md"
        for i, s in enumerate(sections(show(RICH, p))):
            yield f"rich|{i}", "rich", lang, f"{p}#{i}", s
    names = git(ALGO, "ls-tree", "-r", "--name-only", ALGO[1]).splitlines()
    for lang in ["vi-VN", "id-ID"]:
        for p in sorted(n for n in names if n.endswith(f"README.{lang}.md")):
            for i, s in enumerate(sections(show(ALGO, p))):
                yield f"algo|{p.replace(lang, '')}|{i}", "jsalgo", lang.split("-")[0], f"{p}#{i}", s


def main():
    tune, held = [], {}
    for side, src, lang, ident, text in units():
        if not MINLEN <= len(text) <= MAXLEN:
            continue
        row = {"text": text, "label": 0, "category": f"clean/r24/{src}/{lang}", "id": f"{src}:{ident}"}
        if h("r24side|" + side) % 2 == 0:
            tune.append(row)
        else:
            held.setdefault(lang, []).append((h("r24|" + row["id"]), row))
    rows = []
    for lang in sorted(held):
        cands = sorted(held[lang], key=lambda x: x[0])
        rows += [r for _, r in cands[:PER_LANG]]
        print(lang, len(cands), "held-out candidates,", min(PER_LANG, len(cands)), "kept", file=sys.stderr)
    os.makedirs(OUTDIR, exist_ok=True)
    for name, rs in (("r24_clean_tune.jsonl", tune), ("r24_clean_heldout.jsonl", rows)):
        out = f"{OUTDIR}/{name}"
        with open(out, "w", encoding="utf-8") as f:
            for r in rs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(hashlib.sha256(open(out, "rb").read()).hexdigest(), out, len(rs))


if __name__ == "__main__":
    main()
