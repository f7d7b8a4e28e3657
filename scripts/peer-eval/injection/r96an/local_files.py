"""Build a labelled set of ordinary local files (label 0) for a do-no-harm check:
4,000 each from the Go module cache, /usr/share/doc (gzip read) and Python's standard
library, sampled with a fixed seed, each file whole (files over 1 MB skipped). The set
depends on what is installed here; compare two trees on the same build, never across
machines. usage: python3 local_files.py OUT.jsonl"""
import gzip, json, os, random, sys, glob

def walk(root, exts):
    out = []
    for d, _, fs in os.walk(root):
        for f in fs:
            if f.endswith(exts):
                out.append(os.path.join(d, f))
    return sorted(out)

def read(p):
    try:
        if os.path.getsize(p) > 1 << 20:
            return None
        data = gzip.open(p).read() if p.endswith(".gz") else open(p, "rb").read()
        t = data.decode("utf-8")
        return t if t.strip() else None
    except Exception:
        return None

rng = random.Random(96)
pools = [
    ("gomod", walk(os.path.expanduser("~/go/pkg/mod"), (".go", ".md", ".txt"))),
    ("doc", walk("/usr/share/doc", (".gz", ".txt", ".md", "copyright", "README"))),
    ("pystd", walk(sorted(glob.glob("/usr/lib/python3*"))[-1], (".py",))),
]
n = 0
with open(sys.argv[1], "w") as w:
    for cat, files in pools:
        rng.shuffle(files)
        k = 0
        for p in files:
            t = read(p)
            if t is None:
                continue
            w.write(json.dumps({"text": t, "label": 0, "category": cat}) + "\n")
            k += 1
            if k == 4000:
                break
        n += k
        print(cat, k, "of", len(files), file=sys.stderr)
print(n, "files", file=sys.stderr)
