#!/usr/bin/env python3
"""Round 28: a fresh frozen set of clean real web pages (r28), tune and held-out halves.

Source (saved real pages kept as test fixtures; measurement only, no text enters the repository,
nothing here is trained on): adbar/htmldate tests/eval/*.html|*.htm, tests/test_set/*.html and
tests/cache/*.html (Apache-2.0 repository; the pages are the sites' own content: news, blog,
shop and government pages, many German).
Pages under MIN_RAW bytes are left out; duplicates by content sha256 are dropped, and so is any
page whose sha256 is also a round-23 or round-25 page. Of the rest, CAP pages are chosen by
sha256("r28pick|" + page id), which keeps scoring quick.

Views per page, made with round 23's functions (`build_web_r23.py`: visible_text, turndown
7.2.5), category "clean/web/<view>/htmldate-<dir>": raw, text, md (no article view: htmldate
stores dates, not extractions).
Split by page BEFORE scoring: pages sorted by sha256("r28|" + page id); the first half is tune,
the rest held-out; all views of a page go to the same half.
Writes /tmp/r28/sets/r28_web_{tune,heldout}.jsonl. Deterministic (needs TURNDOWN_DIR, as round 23)."""
import hashlib, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_web_r23 as r23  # noqa: E402
import build_web_r25 as r25  # noqa: E402

HD_GIT = "/work/.mirror/adbar+htmldate/repo"
HD_COMMIT = "b8952828329abaeeb3be21387b526f2be614ce67"
DIRS = ("eval", "test_set", "cache")
MIN_RAW = 5000
CAP = 300
OUTDIR = "/tmp/r28/sets"


def old_page_hashes():
    """sha256 of every round-23 and round-25 source page, so that no page is scored twice."""
    out = r25.r23_page_hashes()
    for gitdir, commit, under in ((r25.POST_GIT, r25.POST_COMMIT, "fixtures/"),
                                  (r25.GOOSE_GIT, r25.GOOSE_COMMIT, "tests/data/")):
        for n in r23.git(gitdir, "ls-tree", "-r", "--name-only", commit, under).decode().splitlines():
            if n.endswith(".html"):
                out.add(hashlib.sha256(r23.git(gitdir, "show", f"{commit}:{n}")).hexdigest())
    return out


def main():
    old = old_page_hashes()
    names = r23.git(HD_GIT, "ls-tree", "-r", "--name-only", HD_COMMIT, "tests").decode().splitlines()
    seen, cand, stats = set(), [], {"small": 0, "dup": 0, "old": 0}
    for n in sorted(names):
        parts = n.split("/")
        if len(parts) != 3 or parts[1] not in DIRS or not n.endswith((".html", ".htm")):
            continue
        b = r23.git(HD_GIT, "show", f"{HD_COMMIT}:{n}")
        key = hashlib.sha256(b).hexdigest()
        if len(b) < MIN_RAW:
            stats["small"] += 1
            continue
        if key in old:
            stats["old"] += 1
            continue
        if key in seen:
            stats["dup"] += 1
            continue
        seen.add(key)
        cand.append((f"htmldate-{parts[1]}", parts[2], b))
    cand.sort(key=lambda c: r23.h(f"r28pick|{c[0]}/{c[1]}"))
    kept = [(src, name, r23.decode(b)) for src, name, b in cand[:CAP]]
    print("eligible", len(cand), "kept", len(kept), stats, file=sys.stderr)
    mds = r23.turndown([k[2] for k in kept])
    rows = []
    for (src, name, raw), md in zip(kept, mds):
        pid = f"{src}/{name}"
        for v, t in (("raw", raw), ("text", r23.visible_text(raw)), ("md", md)):
            if t is None or not t.strip():
                print("empty view", pid, v, file=sys.stderr)
                continue
            rows.append((r23.h("r28|" + pid), pid, {"text": t, "label": 0, "category": f"clean/web/{v}/{src}", "id": f"{pid}#{v}"}))
    order = sorted({(k, p) for k, p, _ in rows})
    tune = {p for _, p in order[: len(order) // 2]}
    os.makedirs(OUTDIR, exist_ok=True)
    for part in ("tune", "heldout"):
        fn = os.path.join(OUTDIR, f"r28_web_{part}.jsonl")
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
