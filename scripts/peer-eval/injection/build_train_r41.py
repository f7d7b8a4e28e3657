#!/usr/bin/env python3
"""Round 41 (W3): permissively licensed blog, announcement and community prose as window-model
negatives (benign contexts of `train -extra`; attacks are inserted into them like any context).

Why: the window classifier reads blog prose and titled link lists of real web pages as addressed
messages (docs/injection.md, rounds 23-32, "Known limits"). Round 23's W2 trained on the test
pages themselves (not permissive, never shipped); this trains on prose of the same genre whose
licence permits it, and on nothing the eval sets hold.

Sources (bare mirrors under /work/.mirror, the commit below; the licence read from each
repository's own files):
  rust-lang/blog.rust-lang.org  content/**/*.md                      MIT OR Apache-2.0 (README.md
                                "the blog is licensed MIT/Apache 2.0", LICENSE-MIT, LICENSE-APACHE)
  nodejs/nodejs.org             apps/site/pages/en/blog/**/*.md(x)   MIT (LICENSE; English blog only:
                                the id/ro pages are round 24's clean eval set)
  golang/website                _content/blog/*.md                   CC-BY-4.0 (_content/copyright.md:
                                "the contents of this site are licensed under the Creative Commons
                                Attribution 4.0 License"; attribution: The Go Authors)
  reactjs/react.dev             src/content/blog/**/*.md             CC-BY-4.0 (LICENSE-DOCS.md; README
                                "Content submitted to react.dev is CC-BY-4.0 licensed")
  python/peps                   peps/pep-*.rst                       public domain or CC0-1.0, per file:
                                only PEPs whose Copyright section says so are read

Per post (front matter dropped, its title kept as a heading), views (category "web3/<view>"):
  md    the markdown/reST as written;
  text  a plain-text view (link targets, emphasis and heading marks dropped);
  html  (--html) the post in a minimal page written here (no site's template): a nav and a
        footer of links to other posts of the same source (their real titles), paragraphs as <p>.
Posts are picked per source by sha256("r41w3|" + repo + path), the first --cap of each
(nodejs release changelogs at most a quarter of nodejs' picks); texts cut at --maxlen characters
at a paragraph break. Deterministic: two runs give the same bytes.

Writes OUT/w3.jsonl ({text, label 0, category, _source: repo@commit:path, licence}) and
OUT/w3_manifest.tsv (repo@commit, path, licence, views) and prints sha256 and counts.

usage: build_train_r41.py [--cap N] [--maxlen N] [--html] [--views md,text] [--out DIR]
Defaults (--cap 150, md and text, out /tmp/inj-train/r41) give round 41's W3 data: w3.jsonl
7a959e5d...4dabc (1,246 items), w3_manifest.tsv 22c36d87...ced2. Then, in a tree of 8034066
(internal/detect/model/README.md), the round-13 command with
`-extra ...,/tmp/inj-train/mail13.jsonl,/tmp/inj-train/r41/w3.jsonl` (seed 1: sha256 36af12e3...87bc4;
not shipped: docs/injection.md, round 41).
"""
import argparse, hashlib, json, os, re, subprocess

M = "/work/.mirror"
SOURCES = [
    # key, mirror, commit, licence, path filter
    ("rust-blog", "rust-lang+blog.rust-lang.org", "0243724c2e50ad2b7ebd3d9dbc7cd88aed7605a3", "MIT OR Apache-2.0",
     lambda p: p.startswith("content/") and p.endswith(".md")),
    ("nodejs-blog", "nodejs+nodejs.org", "6f94c8a6ab643beeee7038eba3fb521207d4b345", "MIT",
     lambda p: p.startswith("apps/site/pages/en/blog/") and p.endswith((".md", ".mdx"))),
    ("go-blog", "golang+website", "b02076ae6df08ee9d495fe4b283f88ac18e51012", "CC-BY-4.0",
     lambda p: p.startswith("_content/blog/") and p.count("/") == 2 and p.endswith(".md")),
    ("react-blog", "reactjs+react.dev", "12d692da47e77cdc558b928fcfbaf4e71c6d0cec", "CC-BY-4.0",
     lambda p: p.startswith("src/content/blog/") and p.endswith(".md") and not p.endswith("/index.md")),
    ("peps", "python+peps", "ba4deeb7969588d937da609008d05bb83a47b1ab", "public-domain OR CC0-1.0",
     lambda p: re.fullmatch(r"peps/pep-\d{4}\.rst", p) is not None),
]
PEP_FREE = re.compile(r"placed in the public domain|CC0-1\.0-Universal|CC0 1\.0", re.I)


def git(mirror, *args):
    return subprocess.run(["git", "--git-dir", f"{M}/{mirror}/repo", *args], check=True, capture_output=True).stdout


def h(s):
    return hashlib.sha256(s.encode()).hexdigest()


def split_front(src):
    """Front matter (--- yaml ---, +++ toml +++) off; returns (title, body)."""
    title = ""
    m = re.match(r"\A(---|\+\+\+)\n(.*?)\n\1\n", src, re.S)
    if m:
        t = re.search(r"^title\s*[:=]\s*['\"]?(.*?)['\"]?\s*$", m.group(2), re.M)
        title = t.group(1) if t else ""
        src = src[m.end():]
    return title, src.strip("\n")


def pep_split(src):
    """PEP header block off (Title: kept); returns (title, body) or None unless public domain/CC0."""
    head, _, body = src.partition("\n\n")
    cp = body.rsplit("Copyright\n=========", 1)
    if len(cp) < 2 or not PEP_FREE.search(cp[1]):
        return None
    t = re.search(r"^Title:\s*(.*)$", head, re.M)
    return (t.group(1).strip() if t else ""), body.strip("\n")


def plain(md):
    t = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", md)
    t = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", t)
    t = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", t)
    t = re.sub(r"^\[[^\]]+\]:\s*\S+.*$", "", t, flags=re.M)
    t = re.sub(r"`_+", "", t)  # reST link ends
    t = re.sub(r"^#{1,6}\s*", "", t, flags=re.M)
    t = re.sub(r"^[=\-~^*]{4,}\s*$", "", t, flags=re.M)
    t = re.sub(r"(\*\*|__|\*|`)", "", t)
    t = re.sub(r"<[^>\n]+>", " ", t)
    t = re.sub(r"[ \t]+", " ", t)
    return re.sub(r"\n{3,}", "\n\n", t).strip()


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def html_view(title, body, others):
    """A minimal page of our own: nav of other posts' titles, the post, a footer of links."""
    nav = "\n".join(f'<li><a href="/posts/{i}">{esc(t)}</a></li>' for i, t in others[:8])
    foot = "\n".join(f'<li><a href="/posts/{i}">{esc(t)}</a></li>' for i, t in others[8:14])
    paras = "\n".join(f"<p>{esc(p.strip())}</p>" for p in plain(body).split("\n\n") if p.strip())
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{esc(title)}</title></head>\n<body>\n"
            f"<nav><a href=\"/\">Home</a> <a href=\"/posts/\">All posts</a>\n<ul>\n{nav}\n</ul></nav>\n"
            f"<article><h1>{esc(title)}</h1>\n{paras}\n</article>\n"
            f"<footer><h2>Recent posts</h2><ul>\n{foot}\n</ul></footer>\n</body></html>")


def cut(t, n):
    if len(t) <= n:
        return t
    p = t.rfind("\n\n", 0, n)
    return t[:p if p > n // 2 else n]


def posts(key, mirror, commit, licence, keep):
    names = git(mirror, "ls-tree", "-r", "--name-only", commit).decode().splitlines()
    out = []
    for p in sorted(n for n in names if keep(n)):
        src = git(mirror, "show", f"{commit}:{p}").decode("utf-8", "replace").replace("\r\n", "\n")
        tb = pep_split(src) if key == "peps" else split_front(src)
        if tb is None or len(tb[1]) < 400:
            continue
        out.append({"key": key, "repo": mirror.replace("+", "/"), "commit": commit, "path": p,
                    "licence": licence, "title": tb[0] or os.path.basename(p), "body": tb[1]})
    return out


def pick(ps, cap):
    ps = sorted(ps, key=lambda x: h("r41w3|" + x["repo"] + x["path"]))
    if ps and ps[0]["key"] == "nodejs-blog":
        rel = [x for x in ps if "/blog/release/" in x["path"]][: cap // 4]
        ps = sorted(rel + [x for x in ps if "/blog/release/" not in x["path"]],
                    key=lambda x: h("r41w3|" + x["repo"] + x["path"]))
    return ps[:cap]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cap", type=int, default=150)
    ap.add_argument("--maxlen", type=int, default=12000)
    ap.add_argument("--views", default="md,text")
    ap.add_argument("--html", action="store_true")
    ap.add_argument("--out", default="/tmp/inj-train/r41")
    a = ap.parse_args()
    views = a.views.split(",") + (["html"] if a.html else [])
    os.makedirs(a.out, exist_ok=True)
    rows, man, counts = [], [], {}
    for key, mirror, commit, licence, keep in SOURCES:
        allp = posts(key, mirror, commit, licence, keep)
        chosen = pick(allp, a.cap)
        titles = [(h(x["path"])[:10], x["title"]) for x in allp]
        for x in chosen:
            src = f"{x['repo']}@{x['commit']}:{x['path']}"
            md = f"# {x['title']}\n\n{x['body']}"
            text = {"md": md, "text": f"{x['title']}\n\n{plain(x['body'])}"}
            if "html" in views:
                others = sorted(titles, key=lambda t: h(x["path"] + "|" + t[0]))
                others = [t for t in others if t[1] != x["title"]]
                text["html"] = html_view(x["title"], x["body"], others)
            for v in views:
                rows.append({"text": cut(text[v], a.maxlen), "label": 0, "category": f"web3/{v}/{key}",
                             "_source": src, "licence": x["licence"]})
            man.append(f"{x['repo']}@{x['commit']}\t{x['path']}\t{x['licence']}\t{','.join(views)}")
        counts[key] = (len(allp), len(chosen))
    out = os.path.join(a.out, "w3.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(a.out, "w3_manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("repo@commit\tpath\tlicence\tviews\n" + "\n".join(man) + "\n")
    for k, (n, c) in counts.items():
        print(f"{k}: {c} of {n} posts")
    print(hashlib.sha256(open(out, "rb").read()).hexdigest(), out, len(rows), "items")


if __name__ == "__main__":
    main()
