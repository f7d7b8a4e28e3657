#!/usr/bin/env python3
"""Round 107: fresh recall on attack texts by owners never used in any round (r107an/README.md).
Measurement only; round 104's method unchanged (bare view, doc view with round 64's carriers, round 78's
freshness filter widened to round 104's sources and to every earlier set under /tmp, per-owner cap 25%,
sha256 order, salt "cap107"; carrier placement salt "107"). Benign texts that a source labels as such
are kept as benign rows (round 104's way), each source's benign rows as one clean group.

Deterministic: every source item is kept unless it is a duplicate, was seen before, is left out by a
labelling rule written here, or is dropped by the owner cap (picked by sha256, no RNG). Repository code is
never run: only JSON and JSONL data files (json) and two Markdown documents (as they are) are read, plus
the licence files. Every file read is pinned by commit and by sha256 (FILES below); a mismatch stops the
build.

Sources (bare mirrors from the fetch tool, pinned by commit; nothing copied into the repository). "Never
used": `git grep -i -w -F OWNER HEAD` in /work/main finds nothing for any of the five owners.
  MJ  marcusjihansson/prompt_injection_security_system@MJ_COMMIT (MIT, LICENSE "Copyright (c) 2024 Trust -
      Hybrid Threat Detection System"; Marcus Johansson's hybrid prompt-threat detector, four human commits
      29 November 2025 - 6 January 2026, no assistant trailer or assistant file).
      tests/prompt_attacks/prompt_injections.json (the author's "Dataset for prompt injection detection and
      mitigation", 90 samples): every "text" of "malicious_injections" ("Direct attempts to manipulate AI
      behavior") and "obfuscated_attacks" ("Hidden or encoded malicious instructions"), category
      mj/{technique} (the row's own field); benign (mj-benign): every "text" of "safe_queries" ("Legitimate
      user requests with no malicious intent"). tests/prompt_attacks/advanced_examples.json: every string
      of every list under "prompt_injection_tests" ("Security testing for prompt injection
      vulnerabilities"), category mj/{list key without its leading number}.
  MK  marklkelly/fastly-injection-detector@MK_COMMIT (Apache-2.0, LICENSE; Mark Kelly's edge prompt-
      injection detector on Fastly Compute, two human commits of 25 March 2026).
      ml/data/manual/edge_case_corpus_v1.jsonl (the manual edge-case corpus; its README: "Labels:
      0=SAFE, 1=INJECTION"): every row's "text"; label 1 -> attack, category mk/{category} (the row's own
      field); label 0 -> benign (mk-benign; the "safe_near_miss" rows, "benign prompts resembling
      injections"). Caveat (README.md): the corpus README calls the rows "scaffolding examples" and
      "placeholder examples"; kept with the owner's labels, as round 104 kept its flagged owners.
  OL  olegnazarov/rag-security-scanner@OL_COMMIT (MIT, LICENSE "Copyright (c) 2025 Oleg Nazarov"; a RAG
      security scanner, ten human commits July-September 2025). src/payloads/prompt_injection.json (the
      scanner's prompt-injection payloads): every string of every category, category ol/{category}. Not
      used: src/payloads/data_leakage.json and function_abuse.json (the scanner's data-leakage probes and
      function-abuse requests: direct questions and commands, not filed by the author as injections) and
      examples/custom_payloads.py (code).
  MS  minoru-s/pdf-injection-detector@MS_COMMIT (MIT, LICENSE "Copyright (c) 2026 Minoru Saito"; PDFender,
      a detector of hidden indirect prompt injection in PDFs, 24 human commits August 2026). The ground-
      truth files of its PDF fixtures ("groundTruthSource": "user-confirmed" / "user-provided-test-case"):
      fixtures/redteam/ground-truth.json and fixtures/real/{lecture-packet-b,reverse-data-silo-occluded}-
      injection.ground-truth.json: the "text" of every "expectedInjections" entry (the hidden instruction
      planted in the PDF), category ms/hidden_pdf_text. Left out: fixtures/real/optics-final-report-
      injection.ground-truth.json (its four entries are word fragments such as "no" and "not", not
      texts) and the negative fixtures (their ground truth holds no text; the PDFs are not read).
  PS  piyushsonawane07/owasp-llm-attack-lab@PS_COMMIT (MIT, LICENSE "Copyright (c) 2026 Piyush Sonawane, Uday S,
      Navin G"; an OWASP LLM Top 10 attack lab on a RAG assistant, 25 human commits July-August 2026). Its
      planted RAG documents sample-docs/doc1_hr_policy_injection.md (the lab's prompt-injection document)
      and doc2_onboarding_sensitive_agency.md (orders "to any AI assistant indexing this document"), each
      whole document as one text, category ps/{file stem without the doc number}. Left out:
      doc3_product_faq_poisoning.md (false facts, no order to a model), doc4_support_notes_output_embedding.md
      (XSS and shell strings for the output-handling lab) and doc5_plugin_registry_supplychain_dos.md (a
      quoted plugin description and load-test filler).
Languages: a text is tagged with a language (category suffix _{code}) only if it is in a category its
owner names as multilingual (ol/multilingual, mk/multilingual, mj/multi_language_attacks; by script, or
by cue words for Latin-script texts) or if at least 70% of its letters are in one non-Latin script
(lang_guess below; homoglyph texts, about half Cyrillic, stay English); every other text counts as
English.
Owner cap, freshness, dedup, carriers: round 104's (build_fresh_r104.py), with this round's names.
Freshness: a text is dropped if its normalised form occurs in any eval or training JSONL under /tmp
from earlier rounds (inj-eval, inj-train, inj<N> and r<N> for N < 107, as present when built), in any text
of the sources of rounds 64-104 (all of round 104's sources as read, and through them round 102's, 92's
and the older chain, Pangea's own rows, round 19's jailbreak_llms files), or in a JSONL committed in the
tree at HEAD: substring for >= 40 chars, whole item or line below; or if >= OVERLAP of its sampled word
8-grams occur in any of those texts. Duplicates inside this round are kept once (first source wins, in the
order read: MJ, MK, OL, MS, PS).

Sets (/tmp/r107/sets): r107_bare.jsonl and r107_doc.jsonl (round 84's layout). Categories:
inj/{bare|KIND}/{mj|mk|ol|ms|ps}/{type}; clean/{bare|KIND}/{mj|mk}-benign; clean/carrier/{KIND}.

Usage: build_fresh_r107.py [--list] [--out DIR] [--pin]   (--list: read the sources and print counts only)
"""
import collections, hashlib, json, os, re, subprocess, sys, unicodedata

sys.path.insert(0, "/work/main/scripts/peer-eval/injection")
for _r in ("r78an", "r80an", "r84an", "r86an", "r90an", "r91an", "r92an", "r102an", "r104an"):
    sys.path.insert(0, "/work/main/scripts/peer-eval/injection/" + _r)

M = "/work/.mirror/"
MJ = (M + "marcusjihansson+prompt_injection_security_system/repo", "546d93e03cd41a4b5ab76162501688430e409726")
MK = (M + "marklkelly+fastly-injection-detector/repo", "177d7bcf7295dc3f7bf6c52efaee94e6fb7a312d")
OL = (M + "olegnazarov+rag-security-scanner/repo", "70933dcf37b92f9455c7dc9efbb2489e9c6a90a1")
MS = (M + "minoru-s+pdf-injection-detector/repo", "51ed9c701b2269904ce376da11c91bccee42a311")
PS = (M + "piyushsonawane07+owasp-llm-attack-lab/repo", "b1f9405642a4665ea64082af11964ccddfd0062b")
SOURCES = (MJ, MK, OL, MS, PS)
FILES = {  # sha256 of every file read (and of each licence), checked before anything is parsed
    ("marcusjihansson+prompt_injection_security_system", "tests/prompt_attacks/prompt_injections.json"): "85281b249e7fb873df34b0054c78ce76866edaba8495f195d19f8f77ea20691a",
    ("marcusjihansson+prompt_injection_security_system", "tests/prompt_attacks/advanced_examples.json"): "34e381880a488577d23f2d1e575e2a632b3228c5d04a8171634e8f3d6cb41f34",
    ("marklkelly+fastly-injection-detector", "ml/data/manual/edge_case_corpus_v1.jsonl"): "b6f4e8aac366ef0aa875c661b17cc0a66131c8a978d8c135c6549c34ccd397fc",
    ("olegnazarov+rag-security-scanner", "src/payloads/prompt_injection.json"): "218f90a97469f416f067937941864489cfce49cd42b4f2be6b0a510b1045389e",
    ("minoru-s+pdf-injection-detector", "fixtures/redteam/ground-truth.json"): "aa8ca6db9186aeb168e327c9a31485243ca81dbdc391c85d3b574c0d1522957d",
    ("minoru-s+pdf-injection-detector", "fixtures/real/lecture-packet-b-injection.ground-truth.json"): "1cab5f1155de755a9ee5893e8264e832741a2d47c5414157eaa3f0222a476d10",
    ("minoru-s+pdf-injection-detector", "fixtures/real/reverse-data-silo-occluded-injection.ground-truth.json"): "241cf8d873b7873169a0242a9f9302460ee1f5efad94fec34e35f4090c3f1ac8",
    ("piyushsonawane07+owasp-llm-attack-lab", "sample-docs/doc1_hr_policy_injection.md"): "646473fdd1920c0ea93ee5a262f21c168cac1203fc1356054cd2e20751213683",
    ("piyushsonawane07+owasp-llm-attack-lab", "sample-docs/doc2_onboarding_sensitive_agency.md"): "7d7457dd4d9fbd95089638d9ec947d373fce177babc7b82685b6672cfc5e0723",
    ("marcusjihansson+prompt_injection_security_system", "LICENSE"): "31225c501281db60bcd6f344513f55006e8f9354f3fc1b12e7ceca1d76574058",
    ("marklkelly+fastly-injection-detector", "LICENSE"): "c73e937036341c3bcde2d135e4cee2687281eebe2f4274f4a7c80367d5f3bf07",
    ("olegnazarov+rag-security-scanner", "LICENSE"): "959b201b11be6dcdf5e89a8ea5bb96bb74196644cc51fb9551cd8ffb5f86eaaf",
    ("minoru-s+pdf-injection-detector", "LICENSE"): "322e1db5522ccd0ed17f395c8424523dd6bff4d5027a555066f3da78cbb2f7bd",
    ("piyushsonawane07+owasp-llm-attack-lab", "LICENSE"): "c322131bd8aa039ae08ae91a1c5c3689eb73a96155de11719a23d79f1d3b0a77",
}
R84_COPIES = {"DK_SHA": "84746ae79716442db04df69b9dade78bee661b8524e87da27ece15cf7559ba62",
              "LC_SHA": "3a350f1e4c04b2ba9360710924c536093950cac1a36e52ce495bf3f25f9ccf58"}
TREE = ("/work/main/.git", None)  # filled in main(): HEAD when this set was frozen (recorded in README.md)
OUT = "/tmp/r107/sets"
CAP = 0.25
ROUND = 107
KEYS = ("mj", "mk", "ol", "ms", "ps")
MJ_MAIN = "tests/prompt_attacks/prompt_injections.json"
MJ_ADV = "tests/prompt_attacks/advanced_examples.json"
MK_FILE = "ml/data/manual/edge_case_corpus_v1.jsonl"
OL_FILE = "src/payloads/prompt_injection.json"
MS_FILES = ("fixtures/redteam/ground-truth.json", "fixtures/real/lecture-packet-b-injection.ground-truth.json",
            "fixtures/real/reverse-data-silo-occluded-injection.ground-truth.json")
PS_FILES = ("sample-docs/doc1_hr_policy_injection.md", "sample-docs/doc2_onboarding_sensitive_agency.md")
LICENCES = {MJ: "LICENSE", MK: "LICENSE", OL: "LICENSE", MS: "LICENSE", PS: "LICENSE"}
MULTI = ("ol/multilingual", "mk/multilingual", "mj/multi_language_attacks")
LATIN_CUES = (("fr", ("ignorez", "révél", "ignorer toutes")), ("de", ("ignoriere", "zeige", "anweisungen")),
              ("it", ("istruzioni",)), ("es", ("instrucciones",)), ("nl", ("vergeet", "instructies")))
LANG_CODES = ("fr", "de", "it", "es", "nl", "ru", "ja", "zh", "ko", "ar", "mixed")


def lang_of(src_type):
    """Language of a category "src/type": the type's last "_" part if it is a language code, else en."""
    tail = src_type.rsplit("_", 1)[-1]
    return tail if "_" in src_type and tail in LANG_CODES else "en"


def script(ch):
    n = unicodedata.name(ch, "")
    for key, code in (("CYRILLIC", "ru"), ("HANGUL", "ko"), ("HIRAGANA", "kana"), ("KATAKANA", "kana"),
                      ("CJK", "han"), ("ARABIC", "ar"), ("LATIN", "latin")):
        if n.startswith(key) or (key == "CJK" and "CJK" in n):
            return code
    return None


def lang_guess(text, group):
    """Language code of a text (None = English): by script counts, Latin texts by cue words in
    multilingual categories only (see the docstring)."""
    counts = collections.Counter(s for s in map(script, text) if s)
    total = sum(counts.values()) or 1
    cjk = counts["han"] + counts["kana"]
    shares = {"ru": counts["ru"], "ko": counts["ko"], "ar": counts["ar"], "cjk": cjk, "latin": counts["latin"]}
    multi = group in MULTI
    if multi and sum(1 for v in shares.values() if v / total >= 0.1) >= 2:
        return "mixed"
    top = max(shares, key=shares.get)
    if top != "latin" and shares[top] / total > (0.5 if multi else 0.7):
        return {"cjk": "ja" if counts["kana"] else "zh"}.get(top, top)
    if multi:
        low = text.lower()
        for code, cues in LATIN_CUES:
            if any(c in low for c in cues):
                return code
    return None


def tag(text, group):
    code = lang_guess(text, group)
    return f"{group}_{code}" if code else group


def name(src):
    return src[0].split("/")[-2]


def raw(src, path):
    return subprocess.run(["git", "--git-dir", src[0], "show", f"{src[1]}:{path}"],
                          capture_output=True, check=True).stdout


def show(src, path):
    data = raw(src, path)
    want = FILES.get((name(src), path))
    got = hashlib.sha256(data).hexdigest()
    if want != got:
        raise ValueError(f"{src[0]}:{path}: sha256 {got}, pinned {want}")
    return data.decode("utf-8")


def slug(s):
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")


# --- MJ: Marcus Johansson's prompt-injection dataset -------------------------------------------------------

def trust():
    d = json.loads(show(MJ, MJ_MAIN))
    att = [(r["text"].strip(), tag(r["text"].strip(), f"mj/{slug(r['technique'])}"))
           for k in ("malicious_injections", "obfuscated_attacks") for r in d[k]]
    ben = [(r["text"].strip(), "mj-benign") for r in d["safe_queries"]]
    for key, texts in json.loads(show(MJ, MJ_ADV))["prompt_injection_tests"].items():
        group = "mj/" + re.sub(r"^\d+_", "", key)
        att += [(t.strip(), tag(t.strip(), group)) for t in texts]
    print(f"mj: {len(att)} attacks, {len(ben)} benign")
    return att, ben


# --- MK: Mark Kelly's manual edge-case corpus --------------------------------------------------------------

def edge():
    att, ben = [], []
    for line in show(MK, MK_FILE).splitlines():
        if line.strip():
            r = json.loads(line)
            if r["label"] == 1:
                att.append((r["text"].strip(), tag(r["text"].strip(), f"mk/{r['category']}")))
            elif r["label"] == 0:
                ben.append((r["text"].strip(), "mk-benign"))
            else:
                raise ValueError(f"mk: label {r['label']!r}")
    print(f"mk: {len(att)} attacks, {len(ben)} benign")
    return att, ben


# --- OL: Oleg Nazarov's RAG scanner payloads ----------------------------------------------------------------

def scanner():
    att = [(t.strip(), tag(t.strip(), f"ol/{cat}"))
           for cat, texts in json.loads(show(OL, OL_FILE)).items() for t in texts]
    print(f"ol: {len(att)} attacks")
    return att


# --- MS: Minoru Saito's PDF fixtures' ground truth ----------------------------------------------------------

def pdfender():
    att = []
    for path in MS_FILES:
        for e in json.loads(show(MS, path))["expectedInjections"]:
            att.append((e["text"].strip(), tag(e["text"].strip(), "ms/hidden_pdf_text")))
    print(f"ms: {len(att)} attacks")
    return att


# --- PS: the OWASP attack lab's planted RAG documents -------------------------------------------------------

def lab_docs():
    att = []
    for path in PS_FILES:
        stem = re.sub(r"^doc\d+_", "", path.rsplit("/", 1)[1][:-3])
        att.append((show(PS, path).strip(), tag(show(PS, path).strip(), f"ps/{stem}")))
    print(f"ps: {len(att)} attacks")
    return att


def sources():
    mj_att, mj_ben = trust()
    mk_att, mk_ben = edge()
    att = mj_att + mk_att + scanner() + pdfender() + lab_docs()
    return att, mj_ben + mk_ben


# --- freshness, cap, sets (round 104's code with this round's names) ----------------------------------

def prior_source_texts():
    """Round 104's list (rounds 64-102 and jailbreak_llms) plus every text of round 104's sources as read."""
    import build_fresh_r104 as r104
    out = R104_PRIOR()
    att, ben = r104.sources()
    out += [t for t, _ in att + ben]
    return out


def reads():
    out = [(MJ, MJ_MAIN), (MJ, MJ_ADV), (MK, MK_FILE), (OL, OL_FILE)] + [(MS, p) for p in MS_FILES]
    out += [(PS, p) for p in PS_FILES]
    return out + [(src, LICENCES[src]) for src in SOURCES]


def pin_files():
    """Print the FILES table for the files this builder reads (used once, when the sources were chosen)."""
    for src, path in reads():
        print(f'    ("{name(src)}", "{path}"): "{hashlib.sha256(raw(src, path)).hexdigest()}",')


def main():
    if "--pin" in sys.argv:
        pin_files()
        return
    if set(FILES) != {(name(s), p) for s, p in reads()}:
        raise ValueError("FILES does not list exactly the files read")
    for src, path in reads():  # every pinned file, licences included, before anything is parsed
        show(src, path)
    if "--list" in sys.argv:
        att, ben = sources()
        print("attacks", len(att), "benign", len(ben), collections.Counter(g.split("/")[0] for _, g in att))
        print("by type", sorted(collections.Counter(g for _, g in att).items()))
        print("benign by group", sorted(collections.Counter(g for _, g in ben).items()))
        print("languages", sorted(collections.Counter(lang_of(g) for _, g in att).items()))
        return
    global OUT, R104_PRIOR
    if "--out" in sys.argv:
        OUT = sys.argv[sys.argv.index("--out") + 1]
    import build_fresh_r78 as r78
    import build_fresh_r80 as r80
    import build_fresh_r84 as r84
    import build_fresh_r86 as r86
    import build_fresh_r90 as r90
    import build_fresh_r91 as r91
    import build_fresh_r92 as r92
    import build_fresh_r102 as r102
    import build_fresh_r104 as r104
    import build_fresh_r64 as r64
    head = subprocess.run(["git", "-C", "/work/main", "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()
    r78.TREE = (TREE[0], head)
    r78.ROUND = ROUND
    r78.OUT = OUT
    r78.CAP = CAP
    r78.AUTHOR = {k: k for k in KEYS}
    r80.R78_PRIOR = r78.prior_source_texts  # round 80's list chains round 78's
    r84.R80_PRIOR = r80.prior_source_texts  # round 84's list chains round 80's
    r86.R84_PRIOR = r84.prior_source_texts  # round 86's list chains round 84's
    for k, v in R84_COPIES.items():  # round 84's two transcriptions as re-made by session 17's rebuild
        setattr(r84, k, v)
    r90.R86_PRIOR = r86.prior_source_texts  # round 90's list chains round 86's
    r91.R90_PRIOR = r90.prior_source_texts  # round 91's list chains round 90's
    r92.R91_PRIOR = r91.prior_source_texts  # round 92's list chains round 91's
    r102.R92_PRIOR = r92.prior_source_texts  # round 102's list chains round 92's
    r104.R102_PRIOR = r102.prior_source_texts  # round 104's list chains round 102's
    R104_PRIOR = r104.prior_source_texts
    r78.prior_source_texts = prior_source_texts
    print("tree", head)
    os.makedirs(OUT, exist_ok=True)
    att, ben = sources()
    kept = r78.select(att, ben)
    counts = {}
    for t, l, g in kept:
        counts[(l, g.split("/")[0])] = counts.get((l, g.split("/")[0]), 0) + 1
    print("kept", sorted(counts.items()))
    print("kept by type", sorted(collections.Counter(g for _, l, g in kept if l).items()))
    cs = r64.carriers()
    print("carriers", {k: len(v) for k, v in cs.items()})
    bare, doc = [], []
    for i, (text, label, grp) in enumerate(kept):
        pre = "inj" if label else "clean"
        bare.append({"text": text, "label": label, "category": f"{pre}/bare/{grp}", "id": f"b{i:04d}"})
        for kind, docs in cs.items():
            doc.append({"text": r78.embed(kind, docs, text), "label": label,
                        "category": f"{pre}/{kind}/{grp}", "id": f"{kind[0]}{i:04d}"})
    for kind, docs in cs.items():
        doc += [{"text": d, "label": 0, "category": f"clean/carrier/{kind}", "id": f"c{kind[0]}{j:03d}"}
                for j, d in enumerate(docs)]
    r78.write(f"r{ROUND}_bare", bare)
    r78.write(f"r{ROUND}_doc", doc)


if __name__ == "__main__":
    main()
