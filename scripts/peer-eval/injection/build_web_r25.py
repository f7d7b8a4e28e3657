#!/usr/bin/env python3
"""Round 25: a second frozen set of clean real web pages, by other authors than round 23's.

Sources (saved real pages kept as parser test fixtures; measurement only, no text enters the
repository):
  - postlight/parser (Mercury) fixtures/*.html (MIT or Apache-2.0, dual licensed; news, blog,
    shop and reference pages from ~170 sites, saved with scripts, navigation and comments);
  - goose3/goose3 tests/data/**/*.html (Apache-2.0; news pages, several non-English).
Pages under MIN_RAW bytes (hand-written unit pages) are left out; duplicates by content sha256,
and any page whose sha256 is also a round-23 page (Readability, Trafilatura), are dropped.
Neither corpus stores a full expected extraction (goose3's "cleaned_text" is a prefix), so there
is no `article` view.

Views per page, made exactly as round 23's (`build_web_r23.py`'s functions), category
"clean/web/<view>/<source>": raw (the HTML), text (visible text), md (the whole page through
turndown 7.2.5). The whole set is held-out: nothing here is tuned on.
Writes /tmp/r25/sets/r25_web_heldout.jsonl. Deterministic (needs TURNDOWN_DIR, as round 23)."""
import hashlib, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_web_r23 as r23  # noqa: E402

POST_GIT = "/work/.mirror/postlight+parser/repo"
POST_COMMIT = "e8ba7ece291efa4d915d50dd4deeec17d54359f2"
GOOSE_GIT = "/work/.mirror/goose3+goose3/repo"
GOOSE_COMMIT = "c5a8902eed0c4592a1ff5ec51a0277cf73a3aca7"
MIN_RAW = 5000
OUTDIR = "/tmp/r25/sets"


def r23_page_hashes():
    """sha256 of every round-23 source page, so that no page is scored twice."""
    out = set()
    names = r23.git(r23.READ_GIT, "ls-tree", "-r", "--name-only", r23.READ_COMMIT, "test/test-pages").decode().split()
    for n in names:
        if n.endswith("/source.html"):
            out.add(hashlib.sha256(r23.git(r23.READ_GIT, "show", f"{r23.READ_COMMIT}:{n}")).hexdigest())
    names = r23.git(r23.TRAF_GIT, "ls-tree", "-r", "--name-only", r23.TRAF_COMMIT, "tests").decode().split()
    for n in names:
        if n.endswith(".html") and (n.startswith("tests/cache/") or n.startswith("tests/eval/")):
            out.add(hashlib.sha256(r23.git(r23.TRAF_GIT, "show", f"{r23.TRAF_COMMIT}:{n}")).hexdigest())
    return out


def pages():
    out = []
    for src, gitdir, commit, under in (("postlight", POST_GIT, POST_COMMIT, "fixtures/"),
                                       ("goose3", GOOSE_GIT, GOOSE_COMMIT, "tests/data/")):
        names = r23.git(gitdir, "ls-tree", "-r", "--name-only", commit, under).decode().splitlines()
        for n in sorted(n for n in names if n.endswith(".html")):
            b = r23.git(gitdir, "show", f"{commit}:{n}")
            out.append((src, n[len(under):], b))
    return out


def main():
    old = r23_page_hashes()
    seen, kept = set(), []
    for src, name, b in pages():
        key = hashlib.sha256(b).hexdigest()
        if len(b) < MIN_RAW or key in seen or key in old:
            continue
        seen.add(key)
        kept.append((src, name, r23.decode(b)))
    mds = r23.turndown([k[2] for k in kept])
    rows = []
    for (src, name, raw), md in zip(kept, mds):
        pid = f"{src}/{name}"
        for v, t in (("raw", raw), ("text", r23.visible_text(raw)), ("md", md)):
            if t is None or not t.strip():
                print("empty view", pid, v, file=sys.stderr)
                continue
            rows.append({"text": t, "label": 0, "category": f"clean/web/{v}/{src}", "id": f"{pid}#{v}"})
    os.makedirs(OUTDIR, exist_ok=True)
    fn = os.path.join(OUTDIR, "r25_web_heldout.jsonl")
    with open(fn, "w", encoding="utf-8") as f:
        for r in sorted(rows, key=lambda r: r["id"]):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(hashlib.sha256(open(fn, "rb").read()).hexdigest(), fn, len(kept), "pages", len(rows), "items")


if __name__ == "__main__":
    main()
