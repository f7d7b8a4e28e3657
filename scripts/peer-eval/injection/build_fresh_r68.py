#!/usr/bin/env python3
"""Round 68: a third fresh recall measurement, on attack data by authors never used in any round
(SOURCES.md "Round 68"). Measurement only; shaped like round 65 (build_fresh_r65.py).

Deterministic: every source item is kept unless it is a duplicate, was seen before, or is left out
by a rule written here (no sampling, no RNG); only the carrier of each text and the place in it are
picked by sha256, as in rounds 64 and 65. Repository code is never run: Python data files are read
with `ast` (string constants and "a" + "b" concatenations of them only), YAML with yaml.safe_load,
JSON and CSV with the standard parsers.

Sources (bare mirrors from the fetch tool, pinned; nothing copied into the repository):
  ARC Arcanum-Sec/arc_pi_taxonomy@ARC_COMMIT (Arcanum Prompt Injection Taxonomy, J. Haddix;
      CC-BY-4.0, LICENSE.md): docs/data/taxonomy.json. Every string in an `examples` list of the
      `techniques`, `evasions` and `intents` pillars is an attack (the author: "example prompts");
      category = "{pillar}.{node id}" (pillar = technique | evasion | intent). The `inputs` pillar
      has no examples. Bracketed stand-ins inside examples ("[restricted topic]", "[target]") are
      the author's text and are kept as written: no example is a template with a slot to fill.
  PV  proventra/proventra-core@PV_COMMIT (MIT, LICENSE): benchmark/data/test_data.py, read with
      `ast`: PROMPT_INJECTION_ATTACKS -> attack (category = the author's `category`),
      LEGITIMATE_REQUESTS -> benign `pv-legit` (the author's contrast set: agent requests about
      files, code, web pages, e-mail and security topics). label = the author's `is_attack`.
  PM  utkusen/promptmap@PM_COMMIT (MIT, LICENSE): rules/*/*.yaml, the `prompt` of every rule whose
      `type` is distraction, prompt_stealing or jailbreak -> attack (category = `type`). The
      harmful, hate and social_bias rules are plain harmful requests, not injections or jailbreaks,
      and are not used (as XSTest's unsafe prompts in round 65).
  ACP f/awesome-chatgpt-prompts@ACP_COMMIT (CC0-1.0, LICENSE): prompts.csv at the last commit before
      the December 2025 rebuild (the file at HEAD is over the snapshot's size limit). Every row's
      `prompt` -> benign `acp-lookalike`: role prompts written by people ("I want you to act as a
      Linux terminal ... only reply with the terminal output"), the shape of a persona or
      interpreter jailbreak without its aim. Left out by rule: rows whose `act` names a jailbreak
      persona (/\\bDAN\\b|jailbreak|unconstrained/i), which are attacks, not look-alikes.
No source holds a template with a payload slot, so no payload is filled in.

Freshness: a text is dropped if its normalised form (lower case, whitespace collapsed) occurs in
any earlier eval or training JSONL under /tmp (inj-eval, inj-train, inj<N>, r<N> for N <= 65):
as a substring for texts of >= 40 chars, as a whole item or whole line for shorter ones. By the
same rule it is dropped if it occurs in a round-64 or round-65 source (every text those files
hold), or in a JSONL committed in the scored tree (/tmp/r68/headtree: detector training and
benign data, committed probes). Duplicates inside this round are kept once (first source wins:
ARC, PV, PM for attacks, then PV, ACP for benign).

Sets (/tmp/r68/sets), as in rounds 64 and 65:
  r68_bare.jsonl  every kept text alone.
  r68_doc.jsonl   every kept text in one clean carrier of each kind (email, document, json; round
                  64's carrier pools and insertion), and every carrier alone (clean/carrier/KIND).
Categories: inj/{bare|KIND}/{arc|pv|pm}/{type}; clean/{bare|KIND}/{pv-legit|acp-lookalike}.
"""
import csv, glob, io, json, os, re, subprocess, sys

import yaml

sys.path.insert(0, "/work/main/scripts/peer-eval/injection")
import build_fresh_r64 as r64  # round 64's carriers, insertion, hashing and its two sources
import build_fresh_r65 as r65  # round 65's `ast` reader and its four sources

ARC = ("/work/.mirror/Arcanum-Sec+arc_pi_taxonomy/repo", "e02cf5b6e202f195c6b6c01484e99519f797acc6")
PV = ("/work/.mirror/proventra+proventra-core/repo", "5f7a2f60880f19bed10f9721e2b109aeff149879")
PM = ("/work/.mirror/utkusen+promptmap/repo", "d305132e38f28b4cdca5c5b4586f11904ed1836d")
ACP = ("/work/.mirror/f+awesome-chatgpt-prompts/repo", "eb5aaf35fd94cea865a429b2b42c10983f1752ae")
TREE = "/tmp/r68/headtree"
OUT = "/tmp/r68/sets"
PILLARS = (("techniques", "technique"), ("evasions", "evasion"), ("intents", "intent"))
PM_TYPES = ("distraction", "prompt_stealing", "jailbreak")
JAILBREAK_PERSONA = re.compile(r"\bDAN\b|jailbreak|unconstrained", re.I)
h, norm, show = r64.h, r64.norm, r64.show


def earlier_dirs():
    # Only the sets that existed when round 68 was built (/tmp/inj<=24, /tmp/r<=65; session 13).
    ds = ["/tmp/inj-eval", "/tmp/inj-train"] + sorted(d for d in glob.glob("/tmp/inj[0-9]*")
                                                       if re.fullmatch(r"/tmp/inj\d+", d) and int(d[8:]) <= 24)
    rs = [d for d in glob.glob("/tmp/r[0-9]*") if re.fullmatch(r"/tmp/r\d+", d) and int(d[6:]) <= 65]
    return ds + sorted(rs)


def arcanum():
    tax = json.loads(show(ARC, "docs/data/taxonomy.json"))
    return [(x, f"arc/{short}.{node['id']}") for key, short in PILLARS
            for node in tax[key] for x in node.get("examples", [])]


def proventra():
    src = show(PV, "benchmark/data/test_data.py")
    att, ben = [], []
    for name in ("PROMPT_INJECTION_ATTACKS", "LEGITIMATE_REQUESTS"):
        for e in r65.assigned(src, name).elts:
            r = {r65.lit(k): r65.lit(v) for k, v in zip(e.keys, e.values)}
            if r["is_attack"] is True:
                att.append((r["text"], "pv/" + r["category"]))
            elif r["is_attack"] is False:
                ben.append((r["text"], "pv-legit"))
    return att, ben


def promptmap():
    names = subprocess.run(["git", "--git-dir", PM[0], "ls-tree", "-r", "--name-only", PM[1], "rules"],
                           capture_output=True, text=True, check=True).stdout.split()
    out = []
    for p in sorted(n for n in names if n.endswith(".yaml")):
        rule = yaml.safe_load(show(PM, p))
        if rule["type"] in PM_TYPES:
            out.append((rule["prompt"], "pm/" + rule["type"]))
    return out


def awesome_prompts():
    rows = csv.DictReader(io.StringIO(show(ACP, "prompts.csv")))
    kept, left = [], 0
    for r in rows:
        if JAILBREAK_PERSONA.search(r["act"]):
            left += 1
            continue
        kept.append((r["prompt"], "acp-lookalike"))
    print(f"acp: {left} row(s) naming a jailbreak persona left out")
    return kept


def earlier_texts():
    for d in earlier_dirs():
        for p in glob.glob(d + "/**/*.jsonl", recursive=True):
            yield from jsonl_texts(p)


def jsonl_texts(path):
    for l in open(path, errors="replace"):
        try:
            t = json.loads(l).get("text", "")
        except (ValueError, AttributeError):
            continue
        if isinstance(t, str):
            yield t


def prior_source_texts():
    """Every text of the round-64 and round-65 sources (all of XSTest, not only its safe rows)."""
    pa, pb = r64.promptwall()
    sa, sb = r64.sentinel()
    ia, ib = r65.inalign()
    xa, xb = r65.promptxploit()
    xs = [r["prompt"] for r in csv.DictReader(io.StringIO(show(r65.XS, "xstest_prompts.csv")))]
    return [t for t, _ in pa + pb + sa + sb + ia + ib + xa + xb + r65.promptguard()] + xs


def tree_texts():
    for p in sorted(glob.glob(TREE + "/**/*.jsonl", recursive=True)):
        yield from jsonl_texts(p)


def select(att, ben):
    idx = [r65.index(earlier_texts()), r65.index(prior_source_texts()), r65.index(tree_texts())]
    kept, seen, stats = [], set(), {}
    for label, rows in ((1, att), (0, ben)):
        for text, grp in rows:
            st = stats.setdefault(f"{label}/{grp.split('/')[0].split('-')[0]}", [0, 0, 0, 0, 0])
            st[0] += 1
            n = norm(text)
            if not n or n in seen:
                st[1] += 1
                continue
            seen.add(n)
            hit = next((i for i, x in enumerate(idx) if r64.seen_before(text, x)), None)
            if hit is None:
                kept.append((text, label, grp))
            else:
                st[2 + hit] += 1
    for k, (tot, dup, o, p, t) in sorted(stats.items()):
        print(f"label/source {k}: {tot} read, {dup} duplicate or empty, {o} seen in an earlier set, "
              f"{p} in a round-64/65 source, {t} in the tree's committed data, "
              f"{tot - dup - o - p - t} kept")
    return kept


def embed(kind, docs, text):
    for i in range(len(docs)):  # the next carrier if a JSON carrier has no string value
        doc = docs[(h(kind + "68" + text) + i) % len(docs)]
        out = in_json(doc, text) if kind == "json" else r64.place(doc, text, text)
        if out is not None:
            return out
    raise ValueError("no carrier took the text")


def in_json(doc, text):
    obj = json.loads(doc)
    o = r64.inject(obj, text, text, r64.SEPS[h("sep68" + text) % len(r64.SEPS)])
    if o is None:
        return None
    if "\n" in doc:
        return json.dumps(o, indent=2, ensure_ascii=False)
    return json.dumps(o, separators=(",", ":"), ensure_ascii=False)


def write(name, items):
    with open(f"{OUT}/{name}.jsonl", "w") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"{OUT}/{name}.jsonl", sum(it["label"] for it in items), "injected,",
          sum(1 - it["label"] for it in items), "clean")


def main():
    os.makedirs(OUT, exist_ok=True)
    pv_a, pv_b = proventra()
    kept = select(arcanum() + pv_a + promptmap(), pv_b + awesome_prompts())
    cs = r64.carriers()
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
    write("r68_bare", bare)
    write("r68_doc", doc)


if __name__ == "__main__":
    main()
