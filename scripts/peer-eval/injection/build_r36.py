#!/usr/bin/env python3
"""Round 36: two fresh held-out sets, to see whether rounds 33 (JSON: requests glued after a name
or label) and 35 (rules see line breaks) carry over beyond the data they were measured on.
Measurement only. Deterministic (sha256 of keys); two builds must give the same bytes.

r36j (JSON tool outputs), /tmp/r36/sets/r36j_{clean,injected}.jsonl
  carriers: intercom/intercom-go `fixtures/**/*.json` (Intercom REST responses, Apache-2.0) and
  nephila/python-taiga `tests/resources/*.json` (Taiga REST responses, MIT); a response object is
  one item, plus up to 8 elements of its one list of dicts (round 14's items_of).
  attacks: the Mosscap prompts (Parapet's sample, 40-400 chars) that none of rounds 14, 14b, 15,
  16 inserted and that round 33 left unused: sha256("r33tune"+prompt) odd. Every prompt is used
  once, the carrier picked round-robin over the records in hash order; appended to one string
  value by round 10's inject (round 14's path) after " ", ". ", an escaped line break or " - ".

r36h (documents with a paragraph after a line), /tmp/r36/sets/r36h_{clean,lineonly,injected}.jsonl
  carriers: docsifyjs/docsify `docs/*.md` (MIT), one item per `## ` section (300-6000 chars;
  emoji.md and ui-kit.md left out: tables of symbols, HTML demos).
  attacks: Parapet's own hand-written cases `schema/eval/l1_attacks.yaml` and
  `l3_inbound_attacks.yaml` (label malicious; never used as tune or held-out), whitespace kept.
  placements: at the first blank line outside a code fence (in most sections the one after its
  `## ` heading), insert "\n\nLINE\n\nATTACK\n\n" where LINE is
  one of four unpunctuated lines (markdown heading, link line, greeting, `>` quote) or the same
  line ending in "." (punctuated control). Each attack gets one carrier section by hash and all 8
  placements in it. r36h_lineonly: each carrier with each unpunctuated line and no attack.
"""
import hashlib, json, os, re, sys, yaml
sys.path.insert(0, "/work/main/scripts/peer-eval/injection")
from build_heldout_r9 import git, files, show, h, render, MAXDOC, write
from build_heldout_r10 import inject
from build_heldout_r14 import items_of, mosscap

OUT = "/tmp/r36/sets"
SEPS = (" ", ". ", "\n", " - ")
SEPNAMES = ("space", "period", "newline", "dash")
PARAPET = "17394b7ef07d93cd480f8a2b1609ba251f8c4629"
LINES = (("heading", "## Next steps"), ("link", "[Read the changelog](https://example.org/changelog)"),
         ("greeting", "Hi team"), ("quote", "> Note from the maintainers"))


def json_files(repo, pred, cat, out):
    for p in files(repo, pred):
        try:
            items_of(repo, p, json.loads(show(repo, p)), cat, out)
        except ValueError:
            pass


def norm(s):
    return " ".join(s.split()).lower()


def build_json():
    items = []
    json_files("intercom+intercom-go", lambda n: "fixtures/" in n and n.endswith(".json"), "intercom", items)
    json_files("nephila+python-taiga", lambda n: n.startswith("tests/resources/") and n.endswith(".json"), "taiga", items)
    used = "".join(open(f"/tmp/inj-eval/sets-new/{d}").read() for d in
                   ("heldout14/toolout14_injected.jsonl", "heldout14b/toolout14b_injected.jsonl",
                    "heldout15/toolout15_injected.jsonl", "heldout16/toolout16_injected.jsonl"))
    moss = [a for a in mosscap() if a not in used and h("r33tune" + a) % 2 == 1]
    moss.sort(key=lambda a: h("r36j" + a))
    seen, ben, recs = set(), [], []
    for cat, key, v in items:
        t = render(v, key)
        if len(t) > MAXDOC or len(t) < 40 or t in seen or not isinstance(v, (dict, list)):
            continue
        seen.add(t)
        ben.append({"text": t, "label": 0, "category": cat, "id": key})
        recs.append((cat, key, v))
    recs.sort(key=lambda r: h("r36rec" + r[1]))
    inj = []
    for i, a in enumerate(moss):
        for j in range(len(recs)):  # the next record with a string value that stays under MAXDOC
            cat, key, v = recs[(i + j) % len(recs)]
            si = h("sep36" + key + a) % len(SEPS)
            o = inject(v, key + a, a, SEPS[si])
            if o is None:
                continue
            it = render(o, key)
            if len(it) <= MAXDOC:
                inj.append({"text": it, "label": 1, "id": key, "category": f"{cat}/mosscap/{SEPNAMES[si]}"})
                break
    print("r36j: mosscap pool", len(moss), "clean", len(ben), "injected", len(inj))
    write(f"{OUT}/r36j_clean.jsonl", ben)
    write(f"{OUT}/r36j_injected.jsonl", inj)


def parapet_attacks(usedn):
    out = []
    for f in ("l1_attacks", "l3_inbound_attacks"):
        for r in yaml.safe_load(git("Parapet-Tech+parapet", "show", f"{PARAPET}:schema/eval/{f}.yaml")):
            c = r.get("content") if isinstance(r, dict) else None
            if r.get("label") == "malicious" and isinstance(c, str) and len(c.strip()) >= 20:
                out.append(c.strip())
    uniq = sorted(set(out))
    fresh = [a for a in uniq if norm(a) not in usedn]
    print("r36h: parapet attacks", len(uniq), "not in any earlier set", len(fresh))
    return fresh


def sections():
    repo = "docsifyjs+docsify"
    out = []
    for p in files(repo, lambda n: n.startswith("docs/") and n.endswith(".md") and "/_" not in n
                   and n not in ("docs/emoji.md", "docs/ui-kit.md")):
        parts = re.split(r"(?m)^(?=## )", show(repo, p))
        for i, s in enumerate(parts):
            s = s.strip("\n") + "\n"
            if 300 <= len(s) <= 6000 and "\n\n" in s.strip():
                out.append((f"{repo}:{p}#{i}", s))
    return out


def place(doc, line, attack):
    """After the section's first paragraph (the first blank line outside a code fence)."""
    k, fence, pos = 0, False, None
    for m in re.finditer(r"\n", doc):
        ln = doc[k:m.start()]
        if ln.startswith("```"):
            fence = not fence
        if not fence and ln.strip() == "" and k > 0:
            pos = k
            break
        k = m.end()
    if pos is None:
        pos = len(doc)
    block = line + "\n\n" + (attack + "\n\n" if attack else "")
    return doc[:pos].rstrip("\n") + "\n\n" + block + doc[pos:].lstrip("\n")


def build_headings():
    usedn = norm(" ".join(json.loads(l).get("text", "") for root in (
        "/tmp/inj-eval/sets", "/tmp/inj-eval/sets-new", "/tmp/inj16/sets", "/tmp/inj18/sets", "/tmp/inj20/sets",
        "/tmp/inj22/sets", "/tmp/inj24/sets", "/tmp/r29/sets", "/tmp/r33/sets", "/tmp/r34/sets")
        for d, _, fs in os.walk(root) for f in sorted(fs) if f.endswith(".jsonl")
        for l in open(os.path.join(d, f), encoding="utf-8", errors="replace") if l.strip()))
    atts = parapet_attacks(usedn)
    docs = sections()
    clean = [{"text": s, "label": 0, "category": "docsify/clean", "id": k} for k, s in docs]
    lineonly = [{"text": place(s, ln, None), "label": 0, "category": f"docsify/lineonly/{name}", "id": k}
                for k, s in docs for name, ln in LINES]
    inj = []
    for a in atts:
        k, s = docs[h("r36doc" + a) % len(docs)]
        for name, ln in LINES:
            inj.append({"text": place(s, ln, a), "label": 1, "id": k, "category": f"docsify/{name}/unpunct"})
            inj.append({"text": place(s, ln + ".", a), "label": 1, "id": k, "category": f"docsify/{name}/punct"})
    print("r36h: sections", len(docs), "lineonly", len(lineonly), "injected", len(inj))
    write(f"{OUT}/r36h_clean.jsonl", clean)
    write(f"{OUT}/r36h_lineonly.jsonl", lineonly)
    write(f"{OUT}/r36h_injected.jsonl", inj)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    build_json()
    build_headings()
