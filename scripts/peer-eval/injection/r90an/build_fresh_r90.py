#!/usr/bin/env python3
"""Round 90: fresh recall on attack texts by owners never used in any round (r90an/README.md).
Measurement only; round 86's method unchanged (bare view, doc view with round 64's carriers, the authors'
own benign texts where they have any, round 78's freshness filter widened to round 86's sources and to
every earlier set under /tmp, per-owner cap 25%, sha256 order, salt "cap90"; carrier placement salt "90").

Deterministic: every source item is kept unless it is a duplicate, was seen before, is left out by a
labelling rule written here, or is dropped by the owner cap (picked by sha256, no RNG). Repository code is
never run: text files are read as they are, JSON with json, JSONL line by line, Python files with ast
(a literal that needs code to compute is left out), the two HTML pages by the regular expressions in
mochi() and fredibau() (the authors' own markers of where each injection starts and ends).

Sources (bare mirrors from the fetch tool, pinned by commit; nothing copied into the repository):
  CS  AndrewSispoidis/contemporary-agent-attacks@CS_COMMIT (CC-BY-4.0, LICENSE; "getcrawdad contributors"):
      "an open, reproducible benchmark of attacks targeting modern LLM agents", one attack per file,
      attacks/<category>/<name>.txt (the "holdout_" files included). Attack = the file's text, category
      cs/{category} for the author's categories about instructions to a model: prompt_injection,
      indirect_injection (payloads in e-mail, RAG, Slack, PDF, tool output), jailbreak, role_switching
      (goal hijack, rogue and inter-agent orders), system_prompt_extraction, exfiltration (orders to send
      data out), encoding_obfuscation (base64, hex, rot13, zero-width, RTL, retrieved "embedding store"
      entries); and from attacks/other/ the files the author names poison_* (planted standing orders,
      cs/memory_poisoning) and trust_* (claimed authority or sanction, cs/trust_manipulation).
      Not used (not instructions to a model, as round 86 left out AUTHENSOR's code-safety and PII
      categories): credential_exfiltration (mostly bare secrets and "print the value of X" requests),
      pii_leakage (personal data), tool_abuse (shell commands), supply_chain (package names and
      manifests), exploitation_request, and other/consume_* (long-output requests) and other/misinfo_*
      (requests for false content). Benign: negatives/hand_curated (cs-hard, "near-miss negatives crafted
      to look like attacks"), negatives/security_discussion (cs-secdisc), negatives/conversational
      (cs-chat); negatives/developer_messages (1,075 Stack Overflow posts) not used.
  GA  fevziegeyurtsevenler/guardrail-arena@GA_COMMIT (Apache-2.0, LICENSE; AltaySec): benchmark/data.jsonl,
      a two-axis guardrail benchmark in English and Turkish. Attack = every row with label 1 (the
      author's "altaysec-injection-corpus" rows: direct and indirect injection, jailbreak persona, data
      exfiltration, system-prompt leak, encoding, tool/agent abuse, Turkish morphological evasion),
      category ga/{category}, with "_tr" for rows whose language is tr (native Turkish). Placeholders
      such as {SECRET} and {URL} are kept as the author wrote them (they are what the benchmark feeds a
      guard). Benign = every row with label 0: ga-plain (benign-plain) and ga-adjacent
      (benign-security-adjacent, text that discusses or quotes attacks), "-tr" for Turkish rows.
  AV  aviv4339/agent-skills@AV_COMMIT (MIT, README "## License MIT"; no LICENSE file):
      skills/indirect-prompt-injection/tests/test_cases.json, 25 pieces of external content (social media
      comments, shared documents, e-mails, web pages). Attack = the `content` of every case whose
      category is not "benign", category av/{category}; benign (av-benign) = the benign cases.
  MP  mattpartida/agent-security-bench@MP_COMMIT (MIT, LICENSE): src/agent_security_bench/cases.py, the
      built-in cases of an agent security benchmark, read with ast. Attack = the `prompt` of every
      BenchmarkCase(...) in built_in_cases(), category mp/{category}.
  MO  mochi-studio/prompt-injection-test@MO_COMMIT (MIT, README "## License MIT"; no LICENSE file):
      index.html, a cooking page with six injection attempts the author marks with comments
      "<!-- (Hidden )?Injection attempt #N: ... -->". Attack = the HTML from each marker to the next
      marker or the next <h2> (the planted comment, hidden div, zero-size paragraph or visible note),
      category mo/{the marker's label}.
  FB  Fredibau/openclaw-prompt-injection@FB_COMMIT (MIT, LICENSE): the one submitted attack,
      attacks/SRC-FILE/techcorp-hijack/payload.html. Attack = the text of its white-on-white
      <div class="system-data"> (a forged agent system prompt and project files ordering a story instead
      of the summary), category fb/file_context_hijack.
  NA  bad-antics/nullsec-prompt-armor@NA_COMMIT (MIT, LICENSE): tests/test_detection.py, read with ast.
      Attack = every literal of HOSTILE_INPUTS, category na/hostile; benign (na-benign) = BENIGN_INPUTS.
Owner cap, freshness, dedup, carriers: round 86's (build_fresh_r86.py), with this round's names.
Round 84's two transcribed sources (/tmp/r84/src/) were transcribed again by session 17's rebuild of the
earlier sets; their sha256 differ from round 84's (R84_COPIES, set on the r84 module here), and round 84's
sets rebuilt from them reproduce the sums recorded in sets.sha256.
Freshness: a text is dropped if its normalised form occurs in any eval or training JSONL under /tmp
from earlier rounds (inj-eval, inj-train, inj<N> and r<N> for N < 90, as present when built), in any text
of the sources of rounds 64-86 (all of Pangea's own rows, not only round 86's benign sample) or round 19's
jailbreak_llms files, or in a JSONL committed in the tree at HEAD: substring for >= 40 chars, whole item
or line below; or if >= OVERLAP of its sampled word 8-grams occur in any of those texts. Duplicates
inside this round are kept once (first source wins, in the order read: CS, GA, AV, MP, MO, FB, NA).

Sets (/tmp/r90/sets): r90_bare.jsonl and r90_doc.jsonl (round 84's layout). Categories:
inj/{bare|KIND}/{cs|ga|av|mp|mo|fb|na}/{type};
clean/{bare|KIND}/{cs-hard|cs-secdisc|cs-chat|ga-plain|ga-plain-tr|ga-adjacent|ga-adjacent-tr|av-benign|na-benign};
clean/carrier/{KIND}.

Usage: build_fresh_r90.py [--list] [--out DIR]   (--list: read the sources and print counts only)
"""
import ast, collections, json, os, re, subprocess, sys

sys.path.insert(0, "/work/main/scripts/peer-eval/injection")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r78an")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r80an")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r84an")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r86an")

M = "/work/.mirror/"
CS = (M + "AndrewSispoidis+contemporary-agent-attacks/repo", "45802efc34d66670a1359b16db6b99899eef200a")
GA = (M + "fevziegeyurtsevenler+guardrail-arena/repo", "24c578e0840cde7c23a8ede6cb4aa8f3a9a7574f")
AV = (M + "aviv4339+agent-skills/repo", "0a7ea0e2af131416f833e95d230451983a2eb5b5")
MP = (M + "mattpartida+agent-security-bench/repo", "a9617702b205d7c447545710b3504e2ac3e5190f")
MO = (M + "mochi-studio+prompt-injection-test/repo", "2f6d4154bb1343f04112cf8701ae191981a240fb")
FB = (M + "Fredibau+openclaw-prompt-injection/repo", "6404142aa2c164e4eeae8f2c02311339ad109467")
NA = (M + "bad-antics+nullsec-prompt-armor/repo", "0d3d41500fffdc28d777f440e550dd801e7d4a63")
R84_COPIES = {"DK_SHA": "84746ae79716442db04df69b9dade78bee661b8524e87da27ece15cf7559ba62",
              "LC_SHA": "3a350f1e4c04b2ba9360710924c536093950cac1a36e52ce495bf3f25f9ccf58"}
TREE = ("/work/main/.git", None)  # filled in main(): HEAD when this set was frozen (recorded in README.md)
OUT = "/tmp/r90/sets"
CAP = 0.25
ROUND = 90
CS_CATS = ("prompt_injection", "indirect_injection", "jailbreak", "role_switching", "system_prompt_extraction",
           "exfiltration", "encoding_obfuscation")
CS_OTHER = {"poison": "memory_poisoning", "trust": "trust_manipulation"}  # attacks/other/ by the author's prefix
CS_BENIGN = {"hand_curated": "cs-hard", "security_discussion": "cs-secdisc", "conversational": "cs-chat"}
GA_BENIGN = {"benign-plain": "ga-plain", "benign-security-adjacent": "ga-adjacent"}
LANG_CODES = ("tr",)


def lang_of(src_type):
    """Language of a category "src/type": the type's last "_" part if it is a language code, else en."""
    tail = src_type.rsplit("_", 1)[-1]
    return tail if "_" in src_type and tail in LANG_CODES else "en"


def show(src, path):
    return subprocess.run(["git", "--git-dir", src[0], "show", f"{src[1]}:{path}"],
                          capture_output=True, text=True, check=True).stdout


def ls(src, path):
    out = subprocess.run(["git", "--git-dir", src[0], "ls-tree", "-r", "--name-only", src[1], path],
                         capture_output=True, text=True, check=True).stdout
    return sorted(out.split("\n")[:-1])


# --- CS: contemporary agent attacks (one text file per item) --------------------------------------------

def crawdad():
    att, ben, skipped = [], [], collections.Counter()
    for p in ls(CS, "attacks/"):
        cat, name = p.split("/")[1], p.split("/")[-1]
        if not name.endswith(".txt"):
            raise ValueError(f"cs: unexpected file {p}")
        if cat in CS_CATS:
            att.append((show(CS, p).strip(), f"cs/{cat}"))
        elif cat == "other" and name.removeprefix("holdout_").split("_")[0] in CS_OTHER:
            att.append((show(CS, p).strip(), f"cs/{CS_OTHER[name.removeprefix('holdout_').split('_')[0]]}"))
        else:
            skipped[cat] += 1
    for d, grp in CS_BENIGN.items():
        ben += [(show(CS, p).strip(), grp) for p in ls(CS, f"negatives/{d}/")]
    print(f"cs: {len(att)} attacks, {len(ben)} benign; not used: {dict(sorted(skipped.items()))}")
    return att, ben


# --- GA: guardrail-arena (JSONL, English and Turkish) ----------------------------------------------------

def arena():
    att, ben = [], []
    for l in show(GA, "benchmark/data.jsonl").splitlines():
        if not l.strip():
            continue
        r = json.loads(l)
        tr = r["language"] == "tr"
        if r["language"] not in ("en", "tr"):
            raise ValueError(f"ga: language {r['language']}")
        if r["label"] == 1:
            att.append((r["text"].strip(), f"ga/{r['category']}" + ("_tr" if tr else "")))
        elif r["label"] == 0:
            ben.append((r["text"].strip(), GA_BENIGN[r["category"]] + ("-tr" if tr else "")))
        else:
            raise ValueError(f"ga: label {r['label']}")
    print(f"ga: {len(att)} attacks, {len(ben)} benign")
    return att, ben


# --- AV: aviv4339's indirect-injection test cases (JSON) --------------------------------------------------

def aviv():
    cases = json.loads(show(AV, "skills/indirect-prompt-injection/tests/test_cases.json"))["test_cases"]
    att = [(c["content"].strip(), f"av/{c['category']}") for c in cases if c["category"] != "benign"]
    ben = [(c["content"].strip(), "av-benign") for c in cases if c["category"] == "benign"]
    print(f"av: {len(att)} attacks, {len(ben)} benign")
    return att, ben


# --- MP: mattpartida's built-in benchmark cases (Python literals read with ast) --------------------------

def partida():
    tree = ast.parse(show(MP, "src/agent_security_bench/cases.py"))
    fn = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "built_in_cases")
    att = []
    for n in ast.walk(fn):
        if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "BenchmarkCase":
            kw = {k.arg: k.value for k in n.keywords}
            att.append((ast.literal_eval(kw["prompt"]).strip(), f"mp/{ast.literal_eval(kw['category'])}"))
    print(f"mp: {len(att)} built-in cases")
    return att


# --- MO: mochi-studio's test page (the author's injection markers) ----------------------------------------

MO_MARK = re.compile(r"<!-- (?:Hidden )?[Ii]njection attempt #(\d+): ([^>]*?) -->")


def mochi():
    html = show(MO, "index.html")
    marks = list(MO_MARK.finditer(html))
    att = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(html)
        h2 = html.find("<h2>", m.end(), end)
        seg = html[m.end():h2 if h2 >= 0 else end].strip()
        label = re.sub(r"[^a-z0-9]+", "_", m.group(2).lower()).strip("_")
        att.append((seg, f"mo/{label}"))
    if [int(m.group(1)) for m in marks] != list(range(1, len(marks) + 1)) or len(marks) != 6:
        raise ValueError(f"mo: markers {[m.group(1) for m in marks]}")
    print(f"mo: {len(att)} injection attempts")
    return att


# --- FB: Fredibau's one submitted attack (the hidden div of the page) -------------------------------------

def fredibau():
    html = show(FB, "attacks/SRC-FILE/techcorp-hijack/payload.html")
    m = re.search(r'<div class="system-data">\n(.*?)\n\s*</div>\s*</body>', html, re.S)
    text = "\n".join(l.strip() for l in m.group(1).strip().splitlines())
    print("fb: 1 attack")
    return [(text, "fb/file_context_hijack")]


# --- NA: nullsec prompt armor's test corpus (Python literals read with ast) -------------------------------

def nullsec():
    tree = ast.parse(show(NA, "tests/test_detection.py"))
    lists = {t.id: n.value for n in tree.body if isinstance(n, ast.Assign)
             for t in n.targets if isinstance(t, ast.Name)}
    att = [(ast.literal_eval(e).strip(), "na/hostile") for e in lists["HOSTILE_INPUTS"].elts]
    ben = [(ast.literal_eval(e).strip(), "na-benign") for e in lists["BENIGN_INPUTS"].elts]
    print(f"na: {len(att)} attacks, {len(ben)} benign")
    return att, ben


def sources():
    cs_att, cs_ben = crawdad()
    ga_att, ga_ben = arena()
    av_att, av_ben = aviv()
    mp_att = partida()
    mo_att = mochi()
    fb_att = fredibau()
    na_att, na_ben = nullsec()
    return (cs_att + ga_att + av_att + mp_att + mo_att + fb_att + na_att,
            cs_ben + ga_ben + av_ben + na_ben)


# --- freshness, cap, sets (round 86's code with this round's names) -----------------------------------

def prior_source_texts():
    """Round 86's list (rounds 64-84 and jailbreak_llms) plus every text of round 86's sources."""
    import build_fresh_r86 as r86
    out = R86_PRIOR()
    au_att, au_ben = r86.authensor()
    jk_att, jk_ben = r86.jkelly()
    hx_att, hx_ben = r86.hix3()
    sd_att, sd_ben = r86.sentinelden()
    r86.PG_BENIGN = 10 ** 9  # every Pangea-own row, not only round 86's benign sample
    pg_att, pg_ben = r86.pangea()
    out += [t for t, _ in au_att + au_ben + jk_att + jk_ben + hx_att + hx_ben + r86.ishan() + sd_att + sd_ben
            + pg_att + pg_ben + r86.odin()]
    return out


def main():
    if "--list" in sys.argv:
        att, ben = sources()
        print("attacks", len(att), "benign", len(ben), collections.Counter(g.split("/")[0] for _, g in att))
        return
    global OUT, R86_PRIOR
    if "--out" in sys.argv:
        OUT = sys.argv[sys.argv.index("--out") + 1]
    import build_fresh_r78 as r78
    import build_fresh_r80 as r80
    import build_fresh_r84 as r84
    import build_fresh_r86 as r86
    import build_fresh_r64 as r64
    head = subprocess.run(["git", "-C", "/work/main", "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()
    r78.TREE = (TREE[0], head)
    r78.ROUND = ROUND
    r78.OUT = OUT
    r78.CAP = CAP
    r78.AUTHOR = {k: k for k in ("cs", "ga", "av", "mp", "mo", "fb", "na")}
    r80.R78_PRIOR = r78.prior_source_texts  # round 80's list chains round 78's
    r84.R80_PRIOR = r80.prior_source_texts  # round 84's list chains round 80's
    r86.R84_PRIOR = r84.prior_source_texts  # round 86's list chains round 84's
    for k, v in R84_COPIES.items():  # round 84's two transcriptions as re-made by session 17's rebuild
        setattr(r84, k, v)
    R86_PRIOR = r86.prior_source_texts
    r78.prior_source_texts = prior_source_texts
    print("tree", head)
    os.makedirs(OUT, exist_ok=True)
    att, ben = sources()
    kept = r78.select(att, ben)
    counts = {}
    for t, l, g in kept:
        counts[(l, g.split("/")[0])] = counts.get((l, g.split("/")[0]), 0) + 1
    print("kept", sorted(counts.items()))
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
