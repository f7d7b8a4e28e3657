#!/usr/bin/env python3
"""Round 64: a fresh recall measurement on attack data by two authors never used in any round
(docs/injection-rounds.md "Round 64"). Measurement only; deterministic (sha256 keys, no RNG).

Sources (read from the fetch tool's bare mirrors, pinned; nothing copied into the repository):
  PW  A73r0id/promptwall@PW_COMMIT (MIT, pyproject.toml): data/attacks.jsonl (430 attack prompts,
      label = the file, category = the author's `attack_type`) and data/safe.jsonl (70 safe
      prompts, label = the file).
  SN  SandersNeo/AISecurity@SN_COMMIT (Apache-2.0, LICENSE): benchmarks/injection_dataset.py, read
      with `ast` (never executed): the ten attack lists (label attack, category = list name) and
      BENIGN_SAMPLES (label benign; sub-group = the author's section comment: "Technical questions
      (look like attacks but aren't)" and "Edge cases (tricky benign)" -> lookalike, else plain).

Freshness: a text is dropped if its normalised form (lower case, whitespace collapsed) occurs in
any earlier eval or training JSONL under /tmp (inj-eval, inj-train, inj16..inj24, r* rounds):
as a substring for texts of >= 40 chars, as a whole item or whole line for shorter ones.
Duplicates across the two sources are kept once (first source wins).

Sets (/tmp/r64/sets):
  r64_bare.jsonl  every kept text alone (a direct prompt).
  r64_doc.jsonl   every kept text in three clean carriers, one of each kind, picked by hash:
    email     the 15 clean spikee e-mails of round 17's tune part and the BIPIA test e-mails
              <= 2,000 chars (round 19's carriers); text between newlines at start/middle/end.
    document  the BIPIA test tables and code answers <= 2,000 chars; same placement.
    json      round 14's clean tool outputs (tweepy cassettes, Zendesk fixtures) <= 2,000 chars;
              text appended to one string value by round 10's `inject` after " ", ". ", a line
              break or " - " (round 14's separators), re-rendered in the carrier's own format.
    and every carrier alone (clean/carrier/KIND).
Categories: inj/{bare|KIND}/{pw|sn}/{type}; clean/{bare|KIND}/{pw-safe|sn-plain|sn-lookalike}.
"""
import ast, glob, hashlib, json, os, re, subprocess, sys

sys.path.insert(0, "/work/main/scripts/peer-eval/injection")
from build_heldout_r10 import inject  # round 10's string-value insertion (round 14's path)

PW = ("/work/.mirror/A73r0id+promptwall/repo", "1823f928076e5af1eea0fd017a92fb742dfddc8d")
SN = ("/work/.mirror/SandersNeo+AISecurity/repo", "491baf3ddaa89ab2f2c22195a579356e08c47df7")
SPIKEE_TUNE = "/tmp/inj-eval/sets-new/heldout17/spikee_tune.jsonl"
BIPIA_CLEAN = "/tmp/inj-eval/sets/bipia_test_clean.jsonl"
TOOLOUT = "/tmp/inj-eval/sets-new/heldout14/toolout14_heldout.jsonl"
EARLIER = ["/tmp/inj-eval", "/tmp/inj-train", "/tmp/inj16", "/tmp/inj18", "/tmp/inj20",
           "/tmp/inj22", "/tmp/inj24"] + sorted(d for d in glob.glob("/tmp/r[0-9]*")  # rounds before 64 only
                                                if re.fullmatch(r"/tmp/r\d+", d) and int(d[6:]) < 64)
OUT = "/tmp/r64/sets"
MAXCARRIER = 2000
SEPS = (" ", ". ", "\n", " - ")
LOOKALIKE = ("Technical questions", "Edge cases")


def show(src, path):
    repo, commit = src
    return subprocess.run(["git", "--git-dir", repo, "show", f"{commit}:{path}"],
                          capture_output=True, text=True, check=True).stdout


def h(s):
    return int(hashlib.sha256(s.encode()).hexdigest(), 16)


def norm(s):
    return " ".join(s.split()).lower()


def promptwall():
    att = [(json.loads(l)["prompt"], "pw/" + json.loads(l)["attack_type"])
           for l in show(PW, "data/attacks.jsonl").splitlines() if l.strip()]
    safe = [(json.loads(l)["prompt"], "pw-safe") for l in show(PW, "data/safe.jsonl").splitlines() if l.strip()]
    return att, safe


def sentinel():
    src = show(SN, "benchmarks/injection_dataset.py")
    lines = src.splitlines()
    att, ben = [], []
    for node in ast.parse(src).body:
        if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.List)):
            continue
        name = node.targets[0].id
        strs = [e for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        if name != "BENIGN_SAMPLES":
            att += [(e.value, "sn/" + name.lower()) for e in strs]
            continue
        for e in strs:  # the author's last section comment above the string names its group
            sec = next((l.strip() for l in reversed(lines[node.lineno:e.lineno - 1]) if l.strip().startswith("# ")), "")
            ben.append((e.value, "sn-lookalike" if sec[2:].startswith(LOOKALIKE) else "sn-plain"))
    return att, ben


def earlier_index():
    items, lines, blob = set(), set(), []
    for d in EARLIER:
        for p in glob.glob(d + "/**/*.jsonl", recursive=True):
            if p.startswith(OUT):
                continue
            for l in open(p, errors="replace"):
                try:
                    t = json.loads(l).get("text", "")
                except (ValueError, AttributeError):
                    continue
                if not isinstance(t, str):
                    continue
                n = norm(t)
                items.add(n)
                lines.update(norm(x) for x in t.splitlines())
                blob.append(n)
    return items, lines, "\x00".join(blob)


def seen_before(text, idx):
    items, lines, blob = idx
    n = norm(text)
    if len(n) < 40:
        return n in items or n in lines
    return n in blob


def place(doc, text, key):
    """Round 19's insert: the text between newlines at the start, middle or end of doc."""
    pos = ["start", "middle", "end"][h(key) % 3]
    block = "\n" + text + "\n"
    if pos == "start":
        return block.lstrip("\n") + doc
    if pos == "end":
        return doc.rstrip("\n") + "\n" + block
    mid, best = len(doc) // 2, None
    for m in re.finditer(r"\n", doc):
        if best is None or abs(m.start() - mid) < abs(best - mid):
            best = m.start()
    best = mid if best is None else best
    return doc[:best] + "\n" + block + doc[best:]


def in_json(doc, text, key):
    obj = json.loads(doc)
    o = inject(obj, key, text, SEPS[h("sep64" + key) % len(SEPS)])
    if o is None:
        return None
    if "\n" in doc:
        return json.dumps(o, indent=2, ensure_ascii=False)
    return json.dumps(o, separators=(",", ":"), ensure_ascii=False)


def carriers():
    cs = {"email": [], "document": [], "json": []}
    for l in open(SPIKEE_TUNE):
        r = json.loads(l)
        if r["label"] == 0:
            cs["email"].append(r["text"])
    for l in open(BIPIA_CLEAN):
        r = json.loads(l)
        if len(r["text"]) <= MAXCARRIER:
            cs["email" if r["category"] == "clean/email" else "document"].append(r["text"])
    for l in open(TOOLOUT):
        r = json.loads(l)
        if r["label"] == 0 and len(r["text"]) <= MAXCARRIER:
            cs["json"].append(r["text"])
    return cs


def embed(kind, docs, text):
    for i in range(len(docs)):  # the next carrier if a JSON carrier has no string value
        doc = docs[(h(kind + "64" + text) + i) % len(docs)]
        out = in_json(doc, text, text) if kind == "json" else place(doc, text, text)
        if out is not None:
            return out
    raise ValueError("no carrier took the text")


def main():
    os.makedirs(OUT, exist_ok=True)
    pa, pb = promptwall()
    sa, sb = sentinel()
    idx = earlier_index()
    kept, seen, stats = [], set(), {}
    for label, rows in ((1, pa + sa), (0, pb + sb)):
        for text, grp in rows:
            n = norm(text)
            key = (label, grp.split("/")[0].split("-")[0])
            st = stats.setdefault(f"{label}/{key[1]}", [0, 0, 0])
            st[0] += 1
            if not n or n in seen:
                st[1] += 1
                continue
            seen.add(n)
            if seen_before(text, idx):
                st[2] += 1
                continue
            kept.append((text, label, grp))
    for k, (tot, dup, old) in sorted(stats.items()):
        print(f"label/source {k}: {tot} read, {dup} duplicate or empty, {old} seen in an earlier set, {tot - dup - old} kept")
    cs = carriers()
    print("carriers", {k: len(v) for k, v in cs.items()})
    bare, doc = [], []
    for i, (text, label, grp) in enumerate(kept):
        pre = "inj" if label else "clean"
        bare.append({"text": text, "label": label, "category": f"{pre}/bare/{grp}", "id": f"b{i:04d}"})
        for kind, docs in cs.items():
            doc.append({"text": embed(kind, docs, text), "label": label,
                        "category": f"{pre}/{kind}/{grp}", "id": f"{kind[0]}{i:04d}"})
    for kind, docs in cs.items():
        doc += [{"text": d, "label": 0, "category": f"clean/carrier/{kind}", "id": f"c{kind[0]}{j:03d}"}
                for j, d in enumerate(docs)]
    for name, items in (("r64_bare", bare), ("r64_doc", doc)):
        with open(f"{OUT}/{name}.jsonl", "w") as f:
            for it in items:
                f.write(json.dumps(it, ensure_ascii=False) + "\n")
        print(f"{OUT}/{name}.jsonl", sum(it["label"] for it in items), "injected,",
              sum(1 - it["label"] for it in items), "clean")


if __name__ == "__main__":
    main()
