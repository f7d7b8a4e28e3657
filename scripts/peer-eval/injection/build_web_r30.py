#!/usr/bin/env python3
"""Round 30: a second fresh frozen set of clean real web pages (r30), tune and held-out halves.

Sources (saved real pages kept as test fixtures of other HTML-extraction libraries; measurement
only, no text enters the repository, nothing here is trained on):
  scrapinghub/article-extraction-benchmark html/*.html.gz (MIT), with ground-truth.json's
    articleBody as the article view;
  AndyTheFactory/newspaper4k tests/data/html/*.html (MIT; goose-derived parts Apache-2.0), with
    tests/data/txt/<name>.txt (the expected full text) as the article view where it exists;
  buriy/python-readability tests/samples, jmriebold/BoilerPy3 tests, weblyzard/inscriptis
    tests/html, dragnet-org/dragnet test/datafiles, Alir3z4/html2text test (no article view).
Pages under MIN_RAW bytes are left out; duplicates by content sha256 are dropped, and so is any
page whose sha256 equals an .html/.htm(.gz) file anywhere in the source trees of rounds 23, 25 and
28 (Readability, Trafilatura, htmldate, Mercury, goose3) or of go-shiori/go-readability, and any
page whose <title> (lower-cased, spaces folded, > 10 chars) equals the title of such a file: a
re-saved copy of a used page. grangier/python-goose's test pages were checked and are not used:
every one is a copy or a lightly edited copy of a goose3 test page (round 25).

Views per page, made with round 23's functions (`build_web_r23.py`: visible_text, turndown
7.2.5), category "clean/web/<view>/<source>": raw, text, md, and article (the library's expected
extraction, plain text, as is) where the library ships a full one.
Split by page BEFORE scoring: pages sorted by sha256("r30|" + page id); the first half is tune,
the rest held-out; all views of a page go to the same half.
Writes /tmp/r30/sets/r30_web_{tune,heldout}.jsonl. Deterministic (needs TURNDOWN_DIR, as round 23)."""
import gzip, hashlib, json, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_web_r23 as r23  # noqa: E402
import build_web_r25 as r25  # noqa: E402
import build_web_r28 as r28  # noqa: E402

M = "/work/.mirror"
BENCH = (f"{M}/scrapinghub+article-extraction-benchmark/repo", "4a3bc979f76c0df73cb95fe272e2fc1b96f9f010")
NP4K = (f"{M}/AndyTheFactory+newspaper4k/repo", "540bff3e8344cb8291c4829fafd98860f30d9692")
# (source name, git dir, commit, path prefix)
SMALL = (
    ("python-readability", f"{M}/buriy+python-readability/repo", "b220919186d0db2a006bbabb910b602056b3f51a", "tests/samples/"),
    ("boilerpy3", f"{M}/jmriebold+BoilerPy3/repo/.git", "bbdc31d1197f896194abd175ffd01ac227cc484f", "tests/"),
    ("inscriptis", f"{M}/weblyzard+inscriptis/repo", "b7b0a9a678fc3374471f839a0f487316c5cbe76d", "tests/html/"),
    ("dragnet", f"{M}/dragnet-org+dragnet/repo", "4a1649d9b29bf64ccc5a86200e415e8b04cd257b", "test/datafiles/"),
    ("html2text", f"{M}/Alir3z4+html2text/repo", "5cf85510a2498546d5b48ad1bf7d75b146aac591", "test/"),
)
GOREAD = (f"{M}/go-shiori+go-readability/repo", "5db1dc9836f0dda58b8112d3a93141b25eeeb454")
MIN_RAW = 5000
OUTDIR = "/tmp/r30/sets"
HTML_EXT = (".html", ".htm", ".html.gz", ".htm.gz")


def blob(gitdir, commit, n):
    b = r23.git(gitdir, "show", f"{commit}:{n}")
    return gzip.decompress(b) if n.endswith(".gz") else b


TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.S | re.I)


def title(b):
    m = TITLE.search(b)
    t = re.sub(rb"\s+", b" ", m.group(1)).strip().lower() if m else b""
    return t if len(t) > 10 else None


def old_pages():
    """sha256 and titles of every HTML file in the earlier rounds' source trees and go-readability's."""
    hashes, titles = set(), set()
    for gitdir, commit in ((r23.READ_GIT, r23.READ_COMMIT), (r23.TRAF_GIT, r23.TRAF_COMMIT),
                           (r25.POST_GIT, r25.POST_COMMIT), (r25.GOOSE_GIT, r25.GOOSE_COMMIT),
                           (r28.HD_GIT, r28.HD_COMMIT), GOREAD):
        for n in r23.git(gitdir, "ls-tree", "-r", "--name-only", commit).decode().splitlines():
            if n.lower().endswith(HTML_EXT):
                try:
                    b = blob(gitdir, commit, n)
                except (OSError, EOFError):
                    continue
                hashes.add(hashlib.sha256(b).hexdigest())
                t = title(b)
                if t:
                    titles.add(t)
    return hashes, titles


def ls(gitdir, commit, under):
    return sorted(r23.git(gitdir, "ls-tree", "-r", "--name-only", commit, under).decode().splitlines())


def pages():
    """(source, name, raw bytes, article text or None)."""
    out = []
    gitdir, commit = BENCH
    gt = json.loads(r23.git(gitdir, "show", f"{commit}:ground-truth.json"))
    for n in ls(gitdir, commit, "html/"):
        if n.endswith(".html.gz"):
            key = n.split("/")[-1][: -len(".html.gz")]
            art = gt.get(key, {}).get("articleBody")
            out.append(("aebench", key[:16], blob(gitdir, commit, n), art))
    gitdir, commit = NP4K
    txt = set(ls(gitdir, commit, "tests/data/txt/"))
    for n in ls(gitdir, commit, "tests/data/html/"):
        if n.endswith(".html"):
            stem = n.split("/")[-1][: -len(".html")]
            t = f"tests/data/txt/{stem}.txt"
            art = r23.decode(r23.git(gitdir, "show", f"{commit}:{t}")) if t in txt else None
            out.append(("newspaper4k", stem, blob(gitdir, commit, n), art))
    for src, gitdir, commit, under in SMALL:
        for n in ls(gitdir, commit, under):
            if n.lower().endswith((".html", ".htm")):
                out.append((src, n[len(under):], blob(gitdir, commit, n), None))
    return out


def main():
    old, old_titles = old_pages()
    seen, kept, stats = set(), [], {"small": 0, "dup": 0, "old": 0, "old_title": 0}
    per = {}
    for src, name, b, art in pages():
        key = hashlib.sha256(b).hexdigest()
        if len(b) < MIN_RAW:
            stats["small"] += 1
            continue
        if key in old:
            stats["old"] += 1
            per.setdefault(src, [0, 0])[1] += 1
            continue
        if title(b) in old_titles:
            stats["old_title"] += 1
            per.setdefault(src, [0, 0])[1] += 1
            continue
        if key in seen:
            stats["dup"] += 1
            continue
        seen.add(key)
        per.setdefault(src, [0, 0])[0] += 1
        kept.append((src, name, r23.decode(b), art))
    print("kept", len(kept), stats, "per source [kept, old]", per, file=sys.stderr)
    mds = r23.turndown([k[2] for k in kept])
    rows = []
    for (src, name, raw, art), md in zip(kept, mds):
        pid = f"{src}/{name}"
        views = [("raw", raw), ("text", r23.visible_text(raw)), ("md", md)]
        if art is not None:
            views.append(("article", art))
        for v, t in views:
            if t is None or not t.strip():
                print("empty view", pid, v, file=sys.stderr)
                continue
            rows.append((r23.h("r30|" + pid), pid, {"text": t, "label": 0, "category": f"clean/web/{v}/{src}", "id": f"{pid}#{v}"}))
    order = sorted({(k, p) for k, p, _ in rows})
    tune = {p for _, p in order[: len(order) // 2]}
    os.makedirs(OUTDIR, exist_ok=True)
    for part in ("tune", "heldout"):
        fn = os.path.join(OUTDIR, f"r30_web_{part}.jsonl")
        n, views = 0, {}
        with open(fn, "w", encoding="utf-8") as f:
            for k, p, r in sorted(rows, key=lambda x: (x[0], x[2]["id"])):
                if (p in tune) == (part == "tune"):
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
                    n += 1
                    v = r["category"].split("/")[2]
                    views[v] = views.get(v, 0) + 1
        pages_n = len(tune) if part == "tune" else len(order) - len(tune)
        print(hashlib.sha256(open(fn, "rb").read()).hexdigest(), fn, pages_n, "pages", n, "items", views)


if __name__ == "__main__":
    main()
