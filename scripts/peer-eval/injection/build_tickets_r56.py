#!/usr/bin/env python3
"""Round 56: a fresh, larger set of prose-heavy issue threads and Q&A threads (tickets genre),
from repositories no earlier injection round used or checked.

usage: build_tickets_r56.py [OUTDIR]   (default /tmp/r56/sets)

Reads the mirrors brought by the library's `fetch` (/work/.mirror/OWNER+NAME/repo, bare git
dirs) at the pinned commits below; nothing is downloaded here. Writes r56_tickets_tune.jsonl
and r56_tickets_heldout.jsonl ({"text","label":0,"category":"clean/tickets/<source>","source"})
and prints counts and sha256. Deterministic: no randomness, every order is a sha256 order.

Items are one thread as a ticket / forum tool returns it, rendered as text:
- Stack Exchange (three sites' Posts.xml dumps): the question (title, tags, body) and its
  answers in score order, each post's HTML read as text (paragraphs and code blocks kept);
- BugReportQA: a GitHub issue (title and body) with the developer's follow-up question and the
  reporter's answer as two comments;
- bugbug webcompat: a webcompat.com GitHub issue (title, state, labels, body as filed);
- bugbug bugzilla: a Mozilla Bugzilla bug (summary, product/component, status) with all its
  comments, each with author and time.
A thread is split at blank lines, else lines, into pages of at most 8,000 bytes; a thread is a
group and keeps at most 3 pages; pages under 300 bytes are dropped. Per source at most CAP
items, groups in sha256("r56|source|group") order. Dedupe by exact and whitespace-normalised
text.

Split BY SOURCE (no source is in both parts): four sources (about 2/3 of the items) are tune,
two (one Stack Exchange site, one bug tracker) are held-out.
"""
import csv, hashlib, html, io, json, os, re, subprocess, sys

MIRROR = "/work/.mirror"
MAXB, MINB, MAXPAGES = 8000, 300, 3
CAP = 110

# (source, part, repo, commit, licence, path, kind)
SOURCES = [
    ("se-beer", "tune", "kevswanberg/beer_tentrr", "9573647bff33c61bdce2f07a9000a4098fd3074d",
     "CC-BY-SA-3.0 (Stack Exchange data dump)", "Posts.xml", "se"),
    ("se-matheducators", "tune", "jrfoster/spark-intro", "d242829803d27f4fca6a03065fd85749f505dbef",
     "CC-BY-SA-3.0 (Stack Exchange data dump)", "Posts.xml", "se"),
    ("bugreportqa-github", "tune", "imranraad07/BugReportQA", "9af58a5f7ffb1046ccad004b6e6188d88d556fb8",
     "none stated (public GitHub issue text; measurement only)", "data/bug_reports/github_data_201[0-3]_edit.csv", "bqa"),
    ("webcompat-github", "tune", "mozilla/bugbug", "cd8ef6a76ea16506bfb75c6d995602bab995efb3",
     "MPL-2.0", "tests/fixtures/github_webcompat_web-bugs_issues.json", "webcompat"),
    ("se-coffee", "heldout", "Yoav-Shafir/Elasticsearch-Coffee-Search-Engine-JS", "97e93c92aaa379fed6d0ee9be94b2024371d6aba",
     "CC-BY-SA-3.0 (Stack Exchange data dump)", "Posts.xml", "se"),
    ("bugzilla-mozilla", "heldout", "mozilla/bugbug", "cd8ef6a76ea16506bfb75c6d995602bab995efb3",
     "MPL-2.0", "tests/fixtures/bugs.json", "bugzilla"),
]


def sha(s):
    return hashlib.sha256(s.encode()).hexdigest()


def git(repo, *args):
    d = os.path.join(MIRROR, repo.replace("/", "+"), "repo")
    if not os.path.isdir(os.path.join(d, "objects")) and os.path.isdir(os.path.join(d, ".git")):
        d = os.path.join(d, ".git")
    return subprocess.run(["git", "--git-dir", d, *args], check=True, capture_output=True).stdout


def show(repo, commit, path):
    return git(repo, "show", f"{commit}:{path}").decode("utf-8", "replace").lstrip("\ufeff")


def paths(repo, commit, rx):
    out = git(repo, "ls-tree", "-r", "--name-only", commit).decode()
    return sorted(p for p in out.splitlines() if re.fullmatch(rx, p))


def chunk(text, maxb=MAXB):
    """Split at blank lines, else lines, into chunks of at most maxb bytes (as round 50)."""
    text = text.replace("\r\n", "\n")
    units = []
    for p in re.split(r"(?<=\n)(?=\n)", text):
        if len(p.encode()) <= maxb:
            units.append(p)
            continue
        for ln in p.splitlines(keepends=True):
            while len(ln.encode()) > maxb:
                b = ln.encode()[:maxb].decode("utf-8", "ignore")
                units.append(b)
                ln = ln[len(b):]
            units.append(ln)
    out, cur = [], ""
    for u in units:
        if cur and len((cur + u).encode()) > maxb:
            out.append(cur)
            cur = ""
        cur += u
    if cur:
        out.append(cur)
    return [c.strip("\n") for c in out if c.strip()]


def html_text(h):
    """A post's HTML as a reader sees it: block ends become line breaks, tags go, entities
    are decoded; code blocks keep their lines."""
    h = re.sub(r"(?i)<br\s*/?>", "\n", h)
    h = re.sub(r"(?i)</(p|pre|blockquote|h\d|ul|ol)>", "\n\n", h)
    h = re.sub(r"(?i)<li>", "- ", h)
    h = re.sub(r"(?i)</li>", "\n", h)
    h = re.sub(r"(?i)<img[^>]*alt=\"([^\"]*)\"[^>]*>", r"[image: \1]", h)
    h = re.sub(r"<[^>]+>", "", h)
    h = html.unescape(h)
    h = re.sub(r"\n{3,}", "\n\n", h)
    return h.strip()


def se_threads(repo, commit, path):
    import xml.etree.ElementTree as ET
    root = ET.fromstring(show(repo, commit, path))
    qs, ans = {}, {}
    for r in root.iter("row"):
        a = r.attrib
        if a.get("PostTypeId") == "1":
            qs[a["Id"]] = a
        elif a.get("PostTypeId") == "2":
            ans.setdefault(a.get("ParentId"), []).append(a)
    for qid, q in qs.items():
        tags = " ".join(re.findall(r"<([^>]+)>", q.get("Tags", "")))
        parts = [f"{q.get('Title', '')}\n", f"Asked {q.get('CreationDate', '')[:10]} · score {q.get('Score', '0')} · tags: {tags}\n",
                 html_text(q.get("Body", "")), ""]
        al = sorted(ans.get(qid, []), key=lambda a: (-int(a.get("Score", "0")), int(a["Id"])))
        for i, a in enumerate(al, 1):
            acc = " · accepted" if a["Id"] == q.get("AcceptedAnswerId") else ""
            parts += [f"Answer {i} (score {a.get('Score', '0')}{acc}, {a.get('CreationDate', '')[:10]})\n",
                      html_text(a.get("Body", "")), ""]
        yield f"q{qid}", "\n".join(parts)


def bqa_threads(repo, commit, rx):
    csv.field_size_limit(10**9)
    seen = set()
    for p in paths(repo, commit, rx):
        for r in csv.DictReader(io.StringIO(show(repo, commit, p))):
            iid = r.get("issue_id", "")
            if not iid or iid in seen:
                continue
            seen.add(iid)
            post = r.get("post", "").strip()
            title, _, body = post.partition("\n")
            text = (f"{r.get('repo', '')} — {title.strip()}\n{r.get('issue_link', '')}\n\n{body.strip()}\n\n"
                    f"Comment (maintainer):\n{r.get('question', '').strip()}\n\n"
                    f"Comment (reporter):\n{r.get('answer', '').strip()}\n")
            yield iid, text


def webcompat_threads(repo, commit, path):
    for ln in show(repo, commit, path).splitlines():
        if not ln.strip():
            continue
        i = json.loads(ln)
        labels = ", ".join(l.get("name", "") for l in i.get("labels") or [])
        text = (f"#{i['number']} {i.get('title', '')}\n{i.get('html_url', '')}\nstate: {i.get('state', '')} · "
                f"labels: {labels} · opened {str(i.get('created_at', ''))[:10]} by {(i.get('user') or {}).get('login', '')}\n\n"
                f"{(i.get('body') or '').strip()}\n")
        yield f"i{i['number']}", text


def bugzilla_threads(repo, commit, path):
    for ln in show(repo, commit, path).splitlines():
        if not ln.strip():
            continue
        b = json.loads(ln)
        parts = [f"Bug {b['id']} - {b.get('summary', '')}",
                 f"Product: {b.get('product', '')} · Component: {b.get('component', '')} · Status: {b.get('status', '')} "
                 f"{b.get('resolution', '')} · Severity: {b.get('severity', '')} · Platform: {b.get('platform', '')} {b.get('op_sys', '')}", ""]
        for c in b.get("comments") or []:
            parts += [f"Comment {c.get('count', '')} by {c.get('author', '')} at {c.get('creation_time', '')}:",
                      (c.get("text") or "").strip(), ""]
        yield f"b{b['id']}", "\n".join(parts)


KINDS = {"se": se_threads, "bqa": bqa_threads, "webcompat": webcompat_threads, "bugzilla": bugzilla_threads}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/r56/sets"
    os.makedirs(out, exist_ok=True)
    parts = {"tune": [], "heldout": []}
    seen = set()
    for src, part, repo, commit, lic, path, kind in SOURCES:
        groups = []
        for gid, text in KINDS[kind](repo, commit, path):
            pages = [c for c in chunk(text) if len(c.encode()) >= MINB][:MAXPAGES]
            if pages:
                groups.append((sha(f"r56|{src}|{gid}"), gid, pages))
        groups.sort()
        items, dup = [], 0
        for _, gid, pages in groups:
            if len(items) >= CAP:
                break
            for k, c in enumerate(pages):
                if len(items) >= CAP:
                    break
                norm = " ".join(c.split())
                if c in seen or norm in seen:
                    dup += 1
                    continue
                seen.update((c, norm))
                items.append({"text": c, "label": 0, "category": f"clean/tickets/{src}",
                              "source": f"{repo}@{commit[:8]}:{path}#{gid}/{k}"})
        parts[part] += items
        print(f"{src:20s} {part:8s} groups {len(groups):5d} items {len(items):4d} dup {dup}  {lic}")
    for part, items in parts.items():
        fn = os.path.join(out, f"r56_tickets_{part}.jsonl")
        with open(fn, "w", encoding="utf-8") as f:
            for it in items:
                f.write(json.dumps(it, ensure_ascii=False) + "\n")
        with open(fn, "rb") as f:
            print(f"{fn} {len(items)} {hashlib.sha256(f.read()).hexdigest()}")


if __name__ == "__main__":
    main()
