#!/usr/bin/env python3
"""Round 61: a fifth fresh frozen set of clean real web pages (r61), tune and held-out halves.

Sources (saved real pages kept as test fixtures or benchmark data of other HTML libraries, from
repositories no earlier injection round used or checked, by owner and by name; measurement only,
no text enters the repository, nothing here is trained on):
  opendatalab/magic-html benchmark/data/{article,forum}/htmls/*.html (Apache-2.0; news, wiki,
    blog and reference pages, about a sixth Chinese or Japanese, and forum/Q&A threads: Quora,
    Reddit, Stack Exchange, vBulletin/Discourse boards). 259 pages; MAGIC_N[subset] are picked per
    subset in sha256("r61|" + path) order, before any other exclusion, to keep the set near 250
    pages;
  marek-stoj/NReadability Src/NReadability/NReadability.Tests/Sample{Input,WebInput}/*.html
    (Apache-2.0; news, magazine and blog pages of 2009-2012, SampleWebInput being multi-page
    articles saved page by page);
  peterc/pismo test/corpus/*.html (Apache-2.0; news and blog pages);
  cantino/ruby-readability spec/fixtures/**/*.html (Apache-2.0; news and blog pages);
  advancedlogic/GoOse sites/*.html (Apache-2.0; news, business, social and Fossies pages of
    2015-2016; example.com.html is a hand-written lorem-ipsum page and is not used);
  alan-turing-institute/ReadabiliPy tests/data/*_full_page.html, nytimes-multiple-bylines.html,
    benchmarkinghuge.html (MIT; the `_full_article` files are extractions, not pages).
Checked and not used: jaimeiniesta/metainspector (HTTP-response fixtures `.response`, mostly
synthetic snippets under MIN_RAW; about a dozen real pages with headers, not HTML files). None ships a full expected
extraction for every page, so there is no `article` view (as rounds 41 and 48).

Exclusion (as round 48, extended to round 48's sources): pages under MIN_RAW bytes; any page whose
sha256, <title> or canonical/og:url address equals an .html/.htm(.gz) file's in the source trees
of rounds 23-48; any page whose visible text equals the `text` view of an item of the built r23,
r25, r28, r30, r41 or r48 web sets; within the set, exact duplicates, pages with the same address
and title, pages whose visible text equals a kept page's, and a page whose <title> equals a kept
page's of ANOTHER repository (the same page saved by two projects, e.g. pismo's and
ruby-readability's cant_read.html, must not straddle the split).

Views per page, made with round 23's functions (`build_web_r23.py`: visible_text, turndown
7.2.5), category "clean/web/<view>/<source>": raw, text, md.
Split BEFORE scoring, BY REPOSITORY: repositories in sha256("r61|owner/name") order go to held-out
until it holds at least 60% of the kept pages; the rest is tune. All views of a page, and all
pages of a repository, go to the same half.
Writes /tmp/r61/sets/r61_web_{tune,heldout}.jsonl. Deterministic (needs TURNDOWN_DIR, as round 23)."""
import hashlib, json, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_web_r23 as r23  # noqa: E402
import build_web_r30 as r30  # noqa: E402
import build_web_r41 as r41  # noqa: E402
import build_web_r48 as r48  # noqa: E402

M = "/work/.mirror"
MAGIC = "benchmark/data/"
MAGIC_N = {"article": 75, "forum": 65}
NREAD = "Src/NReadability/NReadability.Tests/"
# (source name, repo, git dir, commit, path predicate)
SOURCES = (
    ("magic-html", "opendatalab/magic-html", f"{M}/opendatalab+magic-html/repo",
     "47d4a7fed12030e906a093b074637f178cb46ef2",
     lambda n: n.startswith(MAGIC) and "/htmls/" in n),
    ("nreadability", "marek-stoj/NReadability", f"{M}/marek-stoj+NReadability/repo",
     "808afcfd2086b627d7be4ed7572afd33a4825df3",
     lambda n: n.startswith(NREAD + "SampleInput/") or n.startswith(NREAD + "SampleWebInput/")),
    ("pismo", "peterc/pismo", f"{M}/peterc+pismo/repo", "3b784a1fd0c882bcadc9e572aef1cfa8ddfa97bc",
     lambda n: n.startswith("test/corpus/")),
    ("ruby-readability", "cantino/ruby-readability", f"{M}/cantino+ruby-readability/repo",
     "90067593e6626d1a17577cb4520411b4bc4ddb71", lambda n: n.startswith("spec/fixtures/")),
    ("goose-go", "advancedlogic/GoOse", f"{M}/advancedlogic+GoOse/repo",
     "717927370fc8f68b5f590aa46b8b156756cfebb3",
     lambda n: n.startswith("sites/") and n != "sites/example.com.html"),
    ("readabilipy", "alan-turing-institute/ReadabiliPy", f"{M}/alan-turing-institute+ReadabiliPy/repo",
     "947b229a90030588c77a98c2186d796693453d4c",
     lambda n: n.startswith("tests/data/") and not n.endswith("_full_article.html")),
)
HELD_SHARE = 0.6
MIN_RAW = 5000
OUTDIR = "/tmp/r61/sets"
EARLIER = r48.EARLIER + ("/tmp/r48/sets/r48_web_tune.jsonl", "/tmp/r48/sets/r48_web_heldout.jsonl")


def trees():
    """(git dir, commit) of every source tree the earlier web rounds used (23-48)."""
    return r48.trees() + [(g, c) for _, g, c, _ in r48.SOURCES]


def old_pages():
    """sha256, titles and page addresses of every HTML file in the earlier rounds' trees."""
    hashes, titles, urls, absent = set(), set(), set(), []
    for gitdir, commit in trees():
        for n in r23.git(gitdir, "ls-tree", "-r", "--name-only", commit).decode().splitlines():
            if not n.lower().endswith(r30.HTML_EXT):
                continue
            try:
                b = r30.blob(gitdir, commit, n)
            except (OSError, EOFError, subprocess.CalledProcessError):
                # A snapshot may list its largest files without their blobs.
                absent.append(f"{gitdir.split('/')[3]}:{n}")
                continue
            hashes.add(hashlib.sha256(b).hexdigest())
            t, (u, _) = r30.title(b), r41.addresses(b)
            if t:
                titles.add(t)
            if u:
                urls.add(u)
    print("earlier trees:", len(hashes), "hashes", len(titles), "titles", len(urls), "addresses;",
          "absent blobs", absent, file=sys.stderr)
    return hashes, titles, urls


def old_texts():
    """Content hashes of the text views of the earlier web sets (must be built first)."""
    out = set()
    for fn in EARLIER:
        if not os.path.exists(fn):
            sys.exit(f"missing earlier web set {fn}: build rounds 23-48's web sets first")
        for line in open(fn, encoding="utf-8"):
            r = json.loads(line)
            if r["category"].split("/")[2] == "text":
                out.add(r23.h(r["text"]))
    return out


def magic_pick(gitdir, commit, names):
    """magic-html's subsample: MAGIC_N pages of at least MIN_RAW bytes per subset, by path hash."""
    sizes = {}
    for line in r23.git(gitdir, "ls-tree", "-r", "-l", commit).decode().splitlines():
        meta, path = line.split("\t", 1)
        if meta.split()[3].isdigit():
            sizes[path] = int(meta.split()[3])
    picked = set()
    for sub, n in MAGIC_N.items():
        cand = [p for p in names if p.startswith(f"{MAGIC}{sub}/htmls/") and sizes.get(p, 0) >= MIN_RAW]
        picked.update(sorted(cand, key=lambda p: r23.h("r61|" + p))[:n])
    return picked


def pages():
    """(source, repo, name, raw bytes)."""
    out = []
    for src, repo, gitdir, commit, pred in SOURCES:
        names = sorted(n for n in r23.git(gitdir, "ls-tree", "-r", "--name-only", commit).decode().splitlines()
                       if n.lower().endswith((".html", ".htm")) and pred(n))
        if src == "magic-html":
            pick = magic_pick(gitdir, commit, names)
            names = [n for n in names if n in pick]
        for n in names:
            name = n[len(MAGIC):].replace("/htmls/", "/") if src == "magic-html" else n.split("/")[-1]
            if src == "nreadability":
                name = n.split("/")[-2] + "/" + name
            out.append((src, repo, name, r30.blob(gitdir, commit, n)))
    return out


def keep(old, old_text):
    """The pages that pass the exclusions, and counts of what was dropped."""
    hashes, titles, urls = old
    seen, seen_at, seen_text, title_repo, kept = set(), set(), set(), {}, []
    stats = {k: 0 for k in ("small", "old", "old_title", "old_url", "old_text", "dup", "dup_url",
                            "dup_text", "dup_title_other_repo")}
    per = {}
    for src, repo, name, b in pages():
        key, t, (u, _) = hashlib.sha256(b).hexdigest(), r30.title(b), r41.addresses(b)
        raw = r23.decode(b)
        tkey = r23.h(r23.visible_text(raw)) if len(b) >= MIN_RAW else None
        why = ("small" if len(b) < MIN_RAW else "old" if key in hashes else "old_title" if t in titles
               else "old_url" if u in urls else "old_text" if tkey in old_text else "dup" if key in seen
               else "dup_url" if u and (u, t) in seen_at else "dup_text" if tkey in seen_text
               else "dup_title_other_repo" if t and title_repo.get(t, repo) != repo else None)
        per.setdefault(src, {"kept": 0})
        if why:
            stats[why] += 1
            per[src][why] = per[src].get(why, 0) + 1
            continue
        seen.add(key)
        seen_text.add(tkey)
        if u:
            seen_at.add((u, t))
        if t:
            title_repo.setdefault(t, repo)
        per[src]["kept"] += 1
        kept.append((src, repo, name, raw))
    print("kept", len(kept), stats, "per source", per, file=sys.stderr)
    return kept


def split(kept):
    """Repositories in the held-out half: sha256 order until it holds HELD_SHARE of the pages."""
    count = {}
    for _, repo, _, _ in kept:
        count[repo] = count.get(repo, 0) + 1
    held = set()
    for _, repo in sorted((r23.h("r61|" + r), r) for r in count):
        if sum(count[r] for r in held) >= HELD_SHARE * len(kept):
            break
        held.add(repo)
    print("held-out repositories", sorted(held), "pages", sum(count[r] for r in held), "of", len(kept),
          file=sys.stderr)
    return held


def main():
    kept = keep(old_pages(), old_texts())
    mds = r23.turndown([k[3] for k in kept])
    held = split(kept)
    rows = []
    for (src, repo, name, raw), md in zip(kept, mds):
        pid = f"{src}/{name}"
        for v, t in (("raw", raw), ("text", r23.visible_text(raw)), ("md", md)):
            if t is None or not t.strip():
                print("empty view", pid, v, file=sys.stderr)
                continue
            rows.append((r23.h("r61|" + pid), repo in held,
                         {"text": t, "label": 0, "category": f"clean/web/{v}/{src}", "id": f"{pid}#{v}"}))
    os.makedirs(OUTDIR, exist_ok=True)
    for part in ("tune", "heldout"):
        fn = os.path.join(OUTDIR, f"r61_web_{part}.jsonl")
        n, views, pids, srcs = 0, {}, set(), {}
        with open(fn, "w", encoding="utf-8") as f:
            for _, is_held, r in sorted(rows, key=lambda x: (x[0], x[2]["id"])):
                if is_held != (part == "heldout"):
                    continue
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
                n += 1
                pid = r["id"].rsplit("#", 1)[0]
                if pid not in pids:
                    srcs[pid.split("/")[0]] = srcs.get(pid.split("/")[0], 0) + 1
                pids.add(pid)
                v = r["category"].split("/")[2]
                views[v] = views.get(v, 0) + 1
        print(hashlib.sha256(open(fn, "rb").read()).hexdigest(), fn, len(pids), "pages", n, "items", views,
              "pages per source", dict(sorted(srcs.items())))


if __name__ == "__main__":
    main()
