#!/usr/bin/env python3
"""Round 23: clean real web pages, in the views a `fetch` tool returns, frozen before scoring.

Sources (saved real pages, other authors; measurement only, no text enters the repository):
  - mozilla/readability test/test-pages/<name>/source.html (Apache-2.0; news, blog and
    reference pages saved with their scripts, navigation and comments) and its expected.html
    (the article Readability extracts);
  - adbar/trafilatura tests/cache/*.html (Apache-2.0; multilingual news/blog/government pages,
    many German) and EVAL_N pages of tests/eval/*.html chosen by sha256.
Pages under MIN_RAW bytes (readability's hand-written unit pages) are left out; duplicates by
content sha256 are dropped.

Views per page (category "clean/web/<view>/<source>"):
  raw      the HTML as fetched (decoded as UTF-8, else cp1252);
  text     visible text: tags dropped, <script>/<style>/<noscript>/<template>/<svg>/<head>
           contents dropped (the <title> kept), blocks on their own lines, whitespace squeezed;
  md       the whole page through turndown (npm turndown@7, offline, script/style/noscript/
           template removed), as fetch tools that convert the full page return it;
  article  readability pages only: expected.html through turndown, as the reference MCP fetch
           server returns an article (readability extraction, then markdown).

Split by page BEFORE scoring: pages sorted by sha256("r23|" + page id); the first half is
tune, the rest held-out. All views of a page go to the same half.
Writes /tmp/r23/sets/r23_web_{tune,heldout}.jsonl. Deterministic (needs TURNDOWN_DIR with
node_modules/turndown installed: `npm install turndown@7.2.5` there)."""
import hashlib, html, json, os, re, subprocess, sys
from html.parser import HTMLParser

READ_GIT = "/work/.mirror/mozilla+readability/repo"
READ_COMMIT = "ab4027a8b37669745016869a37a504727992b2ba"
TRAF_GIT = "/work/.mirror/adbar+trafilatura/repo"
TRAF_COMMIT = "e90b0ef51ab026fdb905fb6c5b3c84dd3d784fd5"
EVAL_N = 120
MIN_RAW = 5000
TURNDOWN_DIR = os.environ.get("TURNDOWN_DIR", "/tmp/r23/node")
OUTDIR = "/tmp/r23/sets"

SKIP = {"script", "style", "noscript", "template", "svg", "head"}
BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
         "table", "section", "article", "header", "footer", "nav", "aside", "blockquote", "pre",
         "form", "dd", "dt", "dl", "figure", "figcaption", "hr", "title", "main", "option"}
VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
        "track", "wbr", "param"}


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True).stdout


def decode(b):
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return b.decode("cp1252", errors="replace")


def h(s):
    return hashlib.sha256(s.encode()).hexdigest()


class Visible(HTMLParser):
    """Collects the text a browser would show; skipped containers count depth so that
    unbalanced markup inside them does not leak."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip, self.in_title = [], [], False

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            if tag in BLOCK:
                self.out.append("\n")
            return
        if tag == "title":
            self.in_title = True
        if tag in SKIP:
            self.skip.append(tag)
        if tag in BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in SKIP and tag in self.skip:
            while self.skip and self.skip.pop() != tag:
                pass
        if tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip or self.in_title:
            self.out.append(data)


def visible_text(src):
    p = Visible()
    p.feed(src)
    p.close()
    text = "".join(p.out)
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", l).strip() for l in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


TD_JS = r"""
const T = require('turndown');
const td = new T({headingStyle: 'atx', codeBlockStyle: 'fenced'});
td.remove(['script', 'style', 'noscript', 'template']);
let buf = '';
process.stdin.on('data', d => buf += d);
process.stdin.on('end', () => {
  const out = JSON.parse(buf).map(s => { try { return td.turndown(s); } catch (e) { return null; } });
  process.stdout.write(JSON.stringify(out));
});
"""


def turndown(docs):
    r = subprocess.run(["node", "-e", TD_JS], input=json.dumps(docs).encode(), capture_output=True,
                       check=True, cwd=TURNDOWN_DIR, env={**os.environ, "NODE_PATH": os.path.join(TURNDOWN_DIR, "node_modules")})
    return json.loads(r.stdout)


def pages():
    out = []
    names = git(READ_GIT, "ls-tree", "-r", "--name-only", READ_COMMIT, "test/test-pages").decode().splitlines()
    for n in sorted(n for n in names if n.endswith("/source.html")):
        d = n.rsplit("/", 1)[0]
        raw = decode(git(READ_GIT, "show", f"{READ_COMMIT}:{n}"))
        art = decode(git(READ_GIT, "show", f"{READ_COMMIT}:{d}/expected.html"))
        out.append(("readability", d.split("/")[-1], raw, art))
    names = git(TRAF_GIT, "ls-tree", "-r", "--name-only", TRAF_COMMIT, "tests").decode().splitlines()
    for n in sorted(n for n in names if n.startswith("tests/cache/") and n.endswith(".html")):
        out.append(("trafilatura-cache", n.split("/")[-1], decode(git(TRAF_GIT, "show", f"{TRAF_COMMIT}:{n}")), None))
    ev = sorted((h("r23eval|" + n), n) for n in names if n.startswith("tests/eval/") and n.endswith(".html"))
    for _, n in ev[:EVAL_N]:
        out.append(("trafilatura-eval", n.split("/")[-1], decode(git(TRAF_GIT, "show", f"{TRAF_COMMIT}:{n}")), None))
    return out


def main():
    seen, kept = set(), []
    for src, name, raw, art in pages():
        key = h(raw)
        if len(raw.encode()) < MIN_RAW or key in seen:
            continue
        seen.add(key)
        kept.append((src, name, raw, art))
    mds = turndown([k[2] for k in kept])
    arts = turndown([k[3] for k in kept if k[3] is not None])
    ai = iter(arts)
    rows = []
    for (src, name, raw, art), md in zip(kept, mds):
        pid = f"{src}/{name}"
        views = {"raw": raw, "text": visible_text(raw), "md": md}
        if art is not None:
            views["article"] = next(ai)
        for v, t in views.items():
            if t is None or not t.strip():
                print("empty view", pid, v, file=sys.stderr)
                continue
            rows.append((h("r23|" + pid), pid, {"text": t, "label": 0, "category": f"clean/web/{v}/{src}", "id": f"{pid}#{v}"}))
    order = sorted({(k, p) for k, p, _ in rows})
    tune = {p for _, p in order[: len(order) // 2]}
    os.makedirs(OUTDIR, exist_ok=True)
    for part in ("tune", "heldout"):
        fn = os.path.join(OUTDIR, f"r23_web_{part}.jsonl")
        n = 0
        with open(fn, "w", encoding="utf-8") as f:
            for k, p, r in sorted(rows, key=lambda x: (x[0], x[2]["id"])):
                if (p in tune) == (part == "tune"):
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
                    n += 1
        pages_n = len(tune) if part == "tune" else len(order) - len(tune)
        print(hashlib.sha256(open(fn, "rb").read()).hexdigest(), fn, pages_n, "pages", n, "items")


if __name__ == "__main__":
    main()
