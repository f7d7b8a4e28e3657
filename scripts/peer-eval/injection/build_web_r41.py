#!/usr/bin/env python3
"""Round 41: a third fresh frozen set of clean real web pages (r41), tune and held-out halves.

Sources (saved real pages kept as test fixtures or corpora of other HTML libraries, from
repositories no earlier round used; measurement only, no text enters the repository, nothing
here is trained on):
  scrapinghub/webstruct webstruct_data/corpus/*/source/*.html (MIT; pages of small and medium
    businesses saved whole: home, contact, about, team and location pages of US/UK/CA firms,
    Dutch shop pages, US contact pages found by search; the `cleaned` and `wa` folders are
    derived copies of the same pages and are not used);
  scrapinghub/extruct tests/samples/{songkick,misc,websites}/*.html (BSD-3-Clause; shop, event
    and recipe pages);
  microsoft/markitdown tests/test_files/test_{blog,serp,wikipedia}.html (MIT);
  markusmobius/go-domdistiller example/sample.html (MIT; a news page);
  Unstructured-IO/unstructured example-docs: example-10k.html (an SEC filing), example-steelJIS-
    datasheet.html, example-with-scripts.html (a think-tank report), ideas-page.html (an essay)
    (Apache-2.0). Left out there: example-10k-1p.html (a cut of example-10k), the UTF-16 copies,
    fake-html-*.htm(l) (wrappers made for tests), example_full_doc.html (a printed-page conversion).
Checked and not used: extractus/article-extractor (its test pages are hand-written templates,
all under MIN_RAW), JohannesKaufmann/html-to-markdown (golden unit snippets), kohlschutter/boilerpipe
(no saved pages), chromium/dom-distiller (no saved pages over MIN_RAW but GWT's licence page).
None of these ships a full expected extraction, so there is no `article` view.

Exclusion: pages under MIN_RAW bytes; any page whose sha256 equals an .html/.htm(.gz) file in the
source trees of rounds 23, 25, 28 and 30 (Readability, Trafilatura, Mercury, goose3, htmldate,
go-readability, the article-extraction benchmark, newspaper4k, python-readability, BoilerPy3,
inscriptis, dragnet, html2text), or whose <title> (as round 30) or canonical/og:url address equals
such a file's; within the set, exact duplicates, pages with the same address and title, and pages
whose visible text (the `text` view) equals a kept page's (the same page saved twice).

Views per page, made with round 23's functions (`build_web_r23.py`: visible_text, turndown
7.2.5), category "clean/web/<view>/<source>": raw, text, md.
Split BEFORE scoring, by site rather than by page, because webstruct saves about six pages of each
business site with the same navigation: sites (host of <base href>, else of the canonical/og:url
address, else the page itself) sorted by sha256("r41|" + site) go to tune until it holds half the
pages; the rest is held-out. All views of a page, and all pages of a site, go to the same half.
Writes /tmp/r41/sets/r41_web_{tune,heldout}.jsonl. Deterministic (needs TURNDOWN_DIR, as round 23)."""
import hashlib, json, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_web_r23 as r23  # noqa: E402
import build_web_r30 as r30  # noqa: E402

M = "/work/.mirror"
WEBSTRUCT = (f"{M}/scrapinghub+webstruct/repo", "17c8254898368ead7448a9145e98a125f8891558")
WS_DIRS = (("business_pages", "webstruct-business"), ("nl", "webstruct-nl"),
           ("random_pages", "webstruct-random"), ("us_contact_pages", "webstruct-uscontact"))
# (source name, git dir, commit, files) for the small sources, chosen by hand (see docstring).
PICKED = (
    ("extruct", f"{M}/scrapinghub+extruct/repo", "a31daaadb82ec684b7d468d3b15734b8ae3b7265",
     ("tests/samples/misc/Portfolio_Niels_Lubberman.html", "tests/samples/misc/opengraph_ns_product_test.html",
      "tests/samples/songkick/elysianfields.html", "tests/samples/songkick/elysianfields_1.html",
      "tests/samples/songkick/jsonld_empty_item_test.html", "tests/samples/songkick/tovestyrke.html",
      "tests/samples/websites/microdata-with-description.html")),
    ("markitdown", f"{M}/microsoft+markitdown/repo", "a51f725d7ff4cdfe3bb6ad2ce2c04d98bf5f1f00",
     tuple(f"packages/markitdown/tests/test_files/test_{n}.html" for n in ("blog", "serp", "wikipedia"))),
    ("go-domdistiller", f"{M}/markusmobius+go-domdistiller/repo", "71af71939ff30427314d2587923f8af0841f820a",
     ("example/sample.html",)),
    ("unstructured", f"{M}/Unstructured-IO+unstructured/repo", "3e5482bfcdc843b5218ad98d2845b4b71ab013b7",
     tuple(f"example-docs/{n}.html" for n in ("example-10k", "example-steelJIS-datasheet", "example-with-scripts", "ideas-page"))),
)
MIN_RAW = 5000
OUTDIR = "/tmp/r41/sets"

TAG = re.compile(rb"<(link|meta|base)\b[^>]*>", re.I)
ATTR = re.compile(rb"""([a-z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def attrs(tag):
    return {m.group(1).lower(): (m.group(2) or m.group(3) or m.group(4) or b"") for m in ATTR.finditer(tag)}


def norm_url(u):
    """Address without scheme, www., fragment or trailing slash; None unless absolute."""
    u = u.strip().lower().decode("utf-8", "replace")
    if not u.startswith(("http://", "https://")):
        return None
    u = re.sub(r"^https?://(www\.)?", "", u).split("#")[0].rstrip("/")
    return u or None


def addresses(b):
    """(page address from canonical/og:url, base href), normalised, each or None."""
    page = base = None
    for m in TAG.finditer(b):
        a, kind = attrs(m.group(0)), m.group(1).lower()
        if kind == b"link" and b"canonical" in a.get(b"rel", b"").lower() and page is None:
            page = norm_url(a.get(b"href", b""))
        elif kind == b"meta" and a.get(b"property", b"").lower() == b"og:url" and page is None:
            page = norm_url(a.get(b"content", b""))
        elif kind == b"base" and base is None:
            base = norm_url(a.get(b"href", b""))
    return page, base


def host(u):
    return u.split("/")[0] if u else None


def trees():
    """(git dir, commit) of every source tree the earlier web rounds used or checked."""
    out = [(r23.READ_GIT, r23.READ_COMMIT), (r23.TRAF_GIT, r23.TRAF_COMMIT),
           (r30.r25.POST_GIT, r30.r25.POST_COMMIT), (r30.r25.GOOSE_GIT, r30.r25.GOOSE_COMMIT),
           (r30.r28.HD_GIT, r30.r28.HD_COMMIT), r30.GOREAD, r30.BENCH, r30.NP4K]
    return out + [(g, c) for _, g, c, _ in r30.SMALL]


def old_pages():
    """sha256, titles and page addresses of every HTML file in the earlier rounds' trees."""
    hashes, titles, urls = set(), set(), set()
    for gitdir, commit in trees():
        for n in r23.git(gitdir, "ls-tree", "-r", "--name-only", commit).decode().splitlines():
            if not n.lower().endswith(r30.HTML_EXT):
                continue
            try:
                b = r30.blob(gitdir, commit, n)
            except (OSError, EOFError):
                continue
            hashes.add(hashlib.sha256(b).hexdigest())
            t, (u, _) = r30.title(b), addresses(b)
            if t:
                titles.add(t)
            if u:
                urls.add(u)
    return hashes, titles, urls


def pages():
    """(source, name, raw bytes)."""
    out = []
    gitdir, commit = WEBSTRUCT
    for d, src in WS_DIRS:
        under = f"webstruct_data/corpus/{d}/source/"
        for n in r30.ls(gitdir, commit, under):
            if n.endswith(".html"):
                out.append((src, n[len(under):], r30.blob(gitdir, commit, n)))
    for src, gitdir, commit, files in PICKED:
        for n in files:
            out.append((src, n.split("/")[-1], r30.blob(gitdir, commit, n)))
    return out


def keep(old):
    """The pages that pass the exclusions, with their site, and counts of what was dropped."""
    hashes, titles, urls = old
    seen, seen_at, seen_text, kept = set(), set(), set(), []
    stats, per = {"small": 0, "old": 0, "old_title": 0, "old_url": 0, "dup": 0, "dup_url": 0, "dup_text": 0}, {}
    for src, name, b in pages():
        key, t, (u, base) = hashlib.sha256(b).hexdigest(), r30.title(b), addresses(b)
        raw = r23.decode(b)
        tkey = r23.h(r23.visible_text(raw))
        why = ("small" if len(b) < MIN_RAW else "old" if key in hashes else "old_title" if t in titles
               else "old_url" if u in urls else "dup" if key in seen else "dup_url" if u and (u, t) in seen_at
               else "dup_text" if tkey in seen_text else None)
        per.setdefault(src, {"kept": 0})
        if why:
            stats[why] += 1
            per[src][why] = per[src].get(why, 0) + 1
            continue
        seen.add(key)
        seen_text.add(tkey)
        if u:
            seen_at.add((u, t))
        per[src]["kept"] += 1
        pid = f"{src}/{name}"
        kept.append((src, name, raw, host(base) or host(u) or pid))
    print("kept", len(kept), stats, "per source", per, file=sys.stderr)
    return kept


def split(kept):
    """Page ids in the tune half: whole sites in sha256 order until half the pages."""
    sites = {}
    for src, name, _, site in kept:
        sites.setdefault(site, []).append(f"{src}/{name}")
    tune = set()
    for _, site in sorted((r23.h("r41|" + s), s) for s in sites):
        if len(tune) >= len(kept) // 2:
            break
        tune.update(sites[site])
    return tune, len(sites)


def main():
    kept = keep(old_pages())
    mds = r23.turndown([k[2] for k in kept])
    rows = []
    for (src, name, raw, _), md in zip(kept, mds):
        pid = f"{src}/{name}"
        for v, t in (("raw", raw), ("text", r23.visible_text(raw)), ("md", md)):
            if t is None or not t.strip():
                print("empty view", pid, v, file=sys.stderr)
                continue
            rows.append((r23.h("r41|" + pid), pid, {"text": t, "label": 0, "category": f"clean/web/{v}/{src}", "id": f"{pid}#{v}"}))
    tune, nsites = split(kept)
    print("sites", nsites, file=sys.stderr)
    os.makedirs(OUTDIR, exist_ok=True)
    for part in ("tune", "heldout"):
        fn = os.path.join(OUTDIR, f"r41_web_{part}.jsonl")
        n, views, pids = 0, {}, set()
        with open(fn, "w", encoding="utf-8") as f:
            for k, p, r in sorted(rows, key=lambda x: (x[0], x[2]["id"])):
                if (p in tune) == (part == "tune"):
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
                    n += 1
                    pids.add(p)
                    v = r["category"].split("/")[2]
                    views[v] = views.get(v, 0) + 1
        print(hashlib.sha256(open(fn, "rb").read()).hexdigest(), fn, len(pids), "pages", n, "items", views)


if __name__ == "__main__":
    main()
