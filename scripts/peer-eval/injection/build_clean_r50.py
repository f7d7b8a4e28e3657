#!/usr/bin/env python3
"""Round 50: fresh clean sets of four genres that tool results carry (tickets, chat logs,
code, tables), from repositories no earlier injection round used or checked.

usage: build_clean_r50.py [OUTDIR]   (default /tmp/r50/sets)

Reads the mirrors brought by the library's `fetch` (/work/.mirror/OWNER+NAME/repo, bare git
dirs) at the pinned commits below; nothing is downloaded here. Writes, per genre G,
r50_G_tune.jsonl and r50_G_heldout.jsonl ({"text","label":0,"category","source"}), and
prints counts and sha256. Deterministic: no randomness, every order is a sha256 order.

Items are sized like tool results: a file as a read_file / API tool returns it, split at
paragraph (blank line) boundaries, else at line boundaries, into chunks of at most 8,000
bytes (a file of more than 5 chunks is cut into blocks of 5 consecutive chunks, each a group; logs
and tables are paged at 1,500, 3,000, 5,000 or 8,000 bytes, one size per file by sha256); chunks under 300 bytes are dropped (a whole small file under 300 bytes too).
JSON API responses are re-indented (indent 2) so that long compact bodies split at lines.
CSV chunks repeat the header line (a paginated table read).

Per source at most CAP[genre] items are taken: the source's groups (a file, or a cassette)
in sha256("r50|"+source+"|"+group) order until the cap is reached. Dedupe: exact text and
whitespace-normalised text, across all genres (first kept in that order). Split, within each
source (so every source has a held-out part) and by group (chunks of one file stay
together): groups in sha256("r50split|"+source+"|"+group) order go to tune until tune holds
half the source's items (rounded down), the rest to held-out.
"""
import base64, gzip, hashlib, json, os, re, sys

MIRROR = "/work/.mirror"
MAXB, MINB = 8000, 300
BLOCK = 5
# Logs and tables are read a page at a time; the page size is one of these, by file.
PAGES = (1500, 3000, 5000, 8000)
CAP = {"tickets": 70, "chat": 56, "code": 90, "tables": 80}

# (genre, source, repo, commit, licence, path filter regex, kind)
SOURCES = [
    # tickets / issues
    ("tickets", "github3py", "sigmavirus24/github3.py", "9eeac0ddb241bf3099a6c904411e3aa23b62fd0d", "BSD-3-Clause",
     r"^tests/cassettes/(Issue|PullRequest|Milestone|Label|RepoComment|ReviewComment|ProjectCard|GitHub_(create_)?issue|GitHub_search_issues|Repository_(issue|pull|comments|milestone|label)).*\.json$", "cassette"),
    ("tickets", "atlassian", "atlassian-api/atlassian-python-api", "4a025e87bfd122a5a6078e943cf7f99ae7ca2ef4", "Apache-2.0",
     r"^tests/responses/(jira/|servicedesk/|bitbucket/.*/(pullrequests|issues|comments))", "text"),
    ("tickets", "jiracli", "ankitpokhrel/jira-cli", "1f3b2eff05028e90f5280915ca1bdb3c72f48969", "MIT",
     r"^pkg/jira/testdata/.*\.json$", "json"),
    ("tickets", "jira-hadoop", "av9ash/gitbugs", "eadf2d6794990a1aaa26d0ae15391f29f8969301", "CC-BY-4.0",
     r"^hadoop/hadoop_bugs\.csv$", "csvrec"),
    ("tickets", "bugzilla-seamonkey", "av9ash/gitbugs", "eadf2d6794990a1aaa26d0ae15391f29f8969301", "CC-BY-4.0",
     r"^seamonkey/SeaMonkey_bugs\.csv$", "csvrec"),
    ("tickets", "inex-npm-issues", "STASER-Lab/InEx-Bug-A-Human-Annotated-Dataset-of-Intrinsic-and-Extrinsic-Bugs-in-the-NPM-Ecosystem",
     "3cf1113f7b375a56ae461c4cbe9823f18d57aee0", "MIT", r"^msrv3_closed\.jsonl$", "issuejsonl"),
    ("tickets", "bugzilla", "python-bugzilla/python-bugzilla", "78f9ada45640778639e353b8331fae550b075779", "GPL-2.0-or-later",
     r"^tests/data/(mockreturn|clioutput)/.*\.txt$", "text"),
    # chat logs (IRC channels of the disentanglement corpora, IRC client logs, chat exports)
    ("chat", "irc-ubuntu", "jkkummerfeld/irc-disentanglement", "82ed04f9627a45d0d6f2ec3c8683c88eb408a0d5", "CC-BY-4.0 (data/)",
     r"^data/(train|dev|test)/.*\.raw\.txt$", "lines"),
    ("chat", "irc-channel-two", "jkkummerfeld/irc-disentanglement", "82ed04f9627a45d0d6f2ec3c8683c88eb408a0d5", "CC-BY-4.0 (data/)",
     r"^data/channel-two/channel-two\.(dev|test|pilot|pilot-dev)\.raw\.txt$", "lines"),
    ("chat", "irc-mediawiki", "jkkummerfeld/irc-disentanglement", "82ed04f9627a45d0d6f2ec3c8683c88eb408a0d5", "CC-BY-4.0 (data/)",
     r"^data/new-domains/mediawiki\.\d\.ascii\.txt$", "lines"),
    ("chat", "irc-rust", "jkkummerfeld/irc-disentanglement", "82ed04f9627a45d0d6f2ec3c8683c88eb408a0d5", "CC-BY-4.0 (data/)",
     r"^data/new-domains/rust\.\d\.ascii\.txt$", "lines"),
    ("chat", "irc-stripe", "jkkummerfeld/irc-disentanglement", "82ed04f9627a45d0d6f2ec3c8683c88eb408a0d5", "CC-BY-4.0 (data/)",
     r"^data/new-domains/stripe\.\d\.ascii\.txt$", "lines"),
    ("chat", "irc-ubuntu-meeting", "jkkummerfeld/irc-disentanglement", "82ed04f9627a45d0d6f2ec3c8683c88eb408a0d5", "CC-BY-4.0 (data/)",
     r"^data/new-domains/ubuntu-meeting\.\d\.ascii\.txt$", "lines"),
    ("chat", "irclog2html", "mgedmin/irclog2html", "50ed3ad466edf49d586d3f091fa52692f7695db2", "GPL-2.0",
     r"^(testcases/.*|porting/testcases/dircproxy-example|src/irclog2html/tests/sample)\.log$", "lines"),
    ("chat", "chat-analytics", "mlomb/chat-analytics", "02faef4f3111c131b2263181d9c0154a66a8edf5", "AGPL-3.0",
     r"^tests/samples/(discord/[^/]*\.json|messenger/[^/]*\.json|whatsapp/[^/]*\.txt|telegram/DM_[^/]*\.json)$", "text"),
    # code (as a read_file tool returns it)
    ("code", "click", "pallets/click", "2c8cd3ac958a7eb316d67f2d316c27086c4c0369", "BSD-3-Clause",
     r"^src/click/.*\.py$", "text"),
    ("code", "cobra", "spf13/cobra", "adbc8813901bba65827259daa8e22ff94ec1f30e", "Apache-2.0",
     r"^[^/]*\.go$|^doc/.*\.go$", "text"),
    ("code", "ripgrep", "BurntSushi/ripgrep", "3fce3b5bb0236da2df6d99672afb8a719642eca7", "MIT OR Unlicense",
     r"^crates/.*/src/.*\.rs$", "text"),
    ("code", "express", "expressjs/express", "a3714473feb3d2908add734d340e7755fd85e0a3", "MIT",
     r"^(lib|examples)/.*\.js$", "text"),
    ("code", "jq", "jqlang/jq", "579e6f76cffd7643ba4002a2c3618a5ea710589a", "MIT",
     r"^src/[^/]*\.[ch]$", "text"),
    # tables (CSV of open-data packages)
    ("tables", "country-codes", "datasets/country-codes", "caa72d1e0e5af8876c170bb36a9e4d64a01bba88", "ODC-PDDL-1.0",
     r"^data/country-codes\.csv$", "csv"),
    ("tables", "sp500", "datasets/s-and-p-500-companies", "56509dd80619e4d8e1410c2260d68ddd3eab6068", "ODC-PDDL-1.0",
     r"^data/constituents\.csv$", "csv"),
    ("tables", "language-codes", "datasets/language-codes", "2787e945225a6daaa75d9f3812a977c9f89c61bc", "ODC-PDDL-1.0",
     r"^data/.*\.csv$", "csv"),
    ("tables", "world-cities", "datasets/world-cities", "49974c675a13f12ec0b8b8164f0f82f017b896fc", "CC-BY-4.0",
     r"^data/world-cities\.csv$", "csv"),
]

# Generated or placeholder content left out (read before freezing, from file names only).
SKIP = re.compile(r"telegram/BIG_|\.ts$|/gen\.js$")


def sha(s):
    return hashlib.sha256(s.encode()).hexdigest()


def git(repo, *args):
    import subprocess
    d = os.path.join(MIRROR, repo.replace("/", "+"), "repo")
    return subprocess.run(["git", "--git-dir", d, *args], check=True, capture_output=True).stdout


def files(repo, commit, rx):
    out = git(repo, "ls-tree", "-r", "--name-only", commit).decode()
    return sorted(p for p in out.splitlines() if re.search(rx, p) and not SKIP.search(p))


def chunk(text, maxb=MAXB, header=None):
    """Split at blank lines, else lines, into chunks of at most maxb bytes (a line longer
    than maxb is cut at maxb bytes on a character boundary)."""
    text = text.replace("\r\n", "\n")
    hb = len(header.encode()) + 1 if header else 0
    lim = maxb - hb
    paras = re.split(r"(?<=\n)(?=\n)", text) if header is None else [text]
    units = []
    for p in paras:
        if len(p.encode()) <= lim:
            units.append(p)
            continue
        for ln in p.splitlines(keepends=True):
            while len(ln.encode()) > lim:
                b = ln.encode()[:lim].decode("utf-8", "ignore")
                units.append(b)
                ln = ln[len(b):]
            units.append(ln)
    out, cur = [], ""
    for u in units:
        if cur and len((cur + u).encode()) > lim:
            out.append(cur)
            cur = ""
        cur += u
    if cur:
        out.append(cur)
    if header:
        out = [header + "\n" + c for c in out]
    return [c.strip("\n") for c in out if c.strip()]


def page(name, path):
    return PAGES[int(sha(f"r50page|{name}|{path}")[:8], 16) % len(PAGES)]


def decode_body(b):
    if b.get("base64_string"):
        raw = base64.b64decode(b["base64_string"])
        try:
            raw = gzip.decompress(raw)
        except OSError:
            pass
        return raw.decode("utf-8", "replace")
    return b.get("string") or ""


def groups_of(src):
    genre, name, repo, commit, lic, rx, kind = src
    for path in files(repo, commit, rx):
        data = git(repo, "show", f"{commit}:{path}").decode("utf-8", "replace")
        if kind in ("csvrec", "issuejsonl"):
            # One ticket per item (a tracker's export of a single issue), as JSON.
            if kind == "csvrec":
                import csv, io
                recs = [(r.get("Issue id", ""), r) for r in csv.DictReader(io.StringIO(data))]
            else:
                recs = []
                for ln in data.splitlines():
                    if not ln.strip():
                        continue
                    d = json.loads(ln)
                    # the dataset's own annotations and derived metrics are not the tracker's
                    for k in ("timestamp_metrics", "participant_metrics", "reopen_metrics",
                              "final_classification", "is_bot_close", "comments_text"):
                        d.pop(k, None)
                    recs.append((str(d.get("id")), d))
            for rid, r in recs:
                cs = [c for c in chunk(json.dumps(r, indent=2, ensure_ascii=False)) if len(c.encode()) >= MINB]
                if cs:
                    yield f"{path}#{rid}", cs[:BLOCK]
            continue
        if kind == "cassette":
            docs = []
            for it in json.loads(data).get("http_interactions", []):
                body = decode_body(it["response"]["body"])
                try:
                    docs.append(json.dumps(json.loads(body), indent=2, ensure_ascii=False))
                except ValueError:
                    continue
            chunks = [c for d in docs for c in chunk(d)]
        elif kind == "json":
            try:
                chunks = chunk(json.dumps(json.loads(data), indent=2, ensure_ascii=False))
            except ValueError:
                chunks = chunk(data)
        elif kind == "csv":
            head, _, rest = data.replace("\r\n", "\n").partition("\n")
            chunks = chunk(rest, maxb=page(name, path), header=head)
        elif kind == "lines":
            chunks = chunk(data, maxb=page(name, path))
        else:
            chunks = chunk(data)
        chunks = [c for c in chunks if len(c.encode()) >= MINB]
        # A long file is several tool reads: blocks of BLOCK consecutive chunks are groups
        # of their own (kept together in the split), so one log or table can feed both halves.
        for b in range(0, len(chunks), BLOCK):
            yield (path if len(chunks) <= BLOCK else f"{path}#b{b // BLOCK}"), chunks[b:b + BLOCK]


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/r50/sets"
    os.makedirs(outdir, exist_ok=True)
    seen = set()
    sets = {}
    stats = []
    for src in SOURCES:
        genre, name = src[0], src[1]
        gs = sorted(groups_of(src), key=lambda g: sha(f"r50|{name}|{g[0]}"))
        taken, n, dup = [], 0, 0
        for path, chunks in gs:
            if n >= CAP[genre]:
                break
            keep = []
            for c in chunks:
                k1, k2 = sha(c), sha(" ".join(c.split()))
                if k1 in seen or k2 in seen:
                    dup += 1
                    continue
                seen.update((k1, k2))
                keep.append(c)
            keep = keep[: CAP[genre] - n]
            if keep:
                taken.append((path, keep))
                n += len(keep)
        taken.sort(key=lambda g: sha(f"r50split|{name}|{g[0]}"))
        half, t = n // 2, 0
        for path, keep in taken:
            part = "tune" if t + len(keep) <= half or t == 0 else "heldout"
            if part == "tune":
                t += len(keep)
            for i, c in enumerate(keep):
                sets.setdefault((genre, part), []).append(
                    {"text": c, "label": 0, "category": f"clean/{genre}/{name}", "source": f"{src[2]}@{src[3][:8]}:{path}#{i}"})
        stats.append((genre, name, len(gs), len(taken), n, t, n - t, dup))
    for g, name, ng, nt, n, t, h, dup in stats:
        print(f"{g:8s} {name:20s} groups {ng:4d} taken {nt:4d} items {n:4d} tune {t:4d} heldout {h:4d} dup-dropped {dup}")
    for (genre, part), items in sorted(sets.items()):
        fn = os.path.join(outdir, f"r50_{genre}_{part}.jsonl")
        with open(fn, "w", encoding="utf-8") as f:
            for it in items:
                f.write(json.dumps(it, ensure_ascii=False) + "\n")
        h = hashlib.sha256(open(fn, "rb").read()).hexdigest()
        sz = sorted(len(it["text"].encode()) for it in items)
        print(f"{os.path.basename(fn):28s} {len(items):4d} items  bytes min {sz[0]} median {sz[len(sz)//2]} max {sz[-1]}  sha256 {h}")


if __name__ == "__main__":
    main()
