#!/usr/bin/env python3
"""Round 86: fresh recall on attack texts by owners never used in any round (r86an/README.md).
Measurement only; round 84's method unchanged (bare view, doc view with round 64's carriers, the authors'
own benign texts where they have any, round 78's freshness filter widened to round 84's sources and to
every earlier set under /tmp, per-owner cap 25%, sha256 order, salt "cap86"; carrier placement salt "86").

Deterministic: every source item is kept unless it is a duplicate, was seen before, is left out by a
labelling rule written here, or is dropped by the owner cap (picked by sha256, no RNG). Repository code is
never run: JSON is read with json, YAML with yaml.safe_load, Python files with ast (a literal that needs
code to compute, such as an f-string, is left out), the one JavaScript file by a string-literal scanner
(single-quoted literals of one object, see hix3()).

Sources (bare mirrors from the fetch tool, pinned by commit; nothing copied into the repository):
  AU  AUTHENSOR/prompt-injection-benchmark@AU_COMMIT (MIT, LICENSE; "15 Research Lab", John Kearney):
      a benchmark for AI-safety scanners, benchmark/v1/<category>/<file>.json. Used: the four categories
      about instructions to a model, prompt-injection, jailbreak, memory-poisoning (planted standing
      orders, sleeper payloads) and exfiltration (orders to send conversation or system data out).
      Attack = a row whose `expected_detection` is true, category au/{category}/{subcategory};
      benign (au-benign) = a row whose `expected_detection` is false in the same four categories (their
      benign.json and tricky-benign.json files). Not used: code-safety, credential-detection and
      pii-detection (SQL/shell payloads, keys and personal data, not instructions to a model).
      Language: English, except subcategory language-switching (tagged "_mul": the rows switch into
      German, French, Japanese and other languages; the author gives no per-row language).
  JK  jkelly-dev1/prompt-injection-benchmark@JK_COMMIT (MIT, LICENSE): bench/attacks/corpus.py, a corpus
      of matched payloads against an agent (Acme helpdesk), read with ast. Each Payload(...) has a clean
      `carrier` (a policy note, ticket comment, meeting minute, tool JSON output, MCP tool description,
      memory entry) and the `injection` the benchmark splices into it. Attack = the `injection` literal,
      category jk/{attack_class}/{channel} (instruction override, exfiltration, privilege escalation,
      persona hijack, encoded payload, delegated injection, tool rug pull, history poisoning, memory
      persistence); left out: injections that are f-strings (zero-width characters spliced in by code:
      JK_COMPUTED counts them). Benign (jk-carrier) = every `carrier` literal.
  HX  hix3-io/defensive-prompt-injection-bench@HX_COMMIT (MIT, LICENSE): payloads.js, texts a website
      plants in its pages (headers, comments, hidden nodes, robots.txt, llms.txt, API fields) to make an
      LLM pentest agent stop, written in French. The file's `TEXT` object holds the texts by tactic and
      splits the tactics itself: TACTICS_V1 ("visibles / meta, adressees a l'IA": production no-auth,
      agent directive, authority revocation, scope boundary, honeypot disclosure, policy tripwire,
      legal notice, ethical appeal, data sensitivity, protected operator) are orders addressed to the
      agent = attacks, category hx/{tactic}_fr; TACTICS_V2 ("coherentes, non-meta": terms of service,
      GDPR notice, security monitoring, "aucun mot adresse a l'IA") are notices a real site publishes =
      benign (hx-notice, French).
  IS  ishan-1010/agent-injection-suite@IS_COMMIT (MIT, LICENSE): scenarios/*.yaml, 18 attack scenarios
      against a tool-using agent (direct override, indirect injection via files and fetched pages, secret
      exfiltration, system prompt leak, scope escalation, dangerous tool use). Attack = the scenario's
      `injected_content` where it has one (the text planted in a tool result), else its `prompt` (the
      attacker's message); category is/{category}.
  SD  sentinelden/agent-injection-bench@SD_COMMIT (MIT: pyproject.toml `license = { text = "MIT" }`;
      no LICENSE file): aib/data/attacks.jsonl, an open benchmark for prompt injection against
      tool-calling agents. No fetchable snapshot, so the id, channel, family and `injected` fields were
      transcribed from the library's stored copy into SD_COPY (sha256 SD_SHA, checked here). Attack = the
      `injected` text of every row whose family is an attack (instruction override, context termination,
      authority claim, data exfiltration, tool redirection, encoding, role play, conversation hijack),
      category sd/{family}; left out of the transcription: en-002 and en-003 (zero-width characters and
      Cyrillic homoglyphs that a transcription cannot reproduce reliably) and bl-001 (family "baseline",
      described by the author as "Not an injection": the same payload typed by the user). Benign
      (sd-control) = the three rows of family "control".
  PG  pangeacyber/pangea-prompt-lab@PG_COMMIT (MIT, LICENSE; Pangea): data/test_dataset.jsonl, the test set
      of Pangea's prompt-guard lab; each row has a `label` list, the chat `messages` and a `source`. Used:
      only rows whose `source` is Pangea itself ("Pangea" or "pangea"; rows copied from deepset,
      gandalf, ALERT, safe-guard and other public sets, or marked llm_generated, are not used). Attack =
      a row labelled injection, direct, adversarial, adversarial_prefix or adversarial_suffix, category
      pg/{label}; the text is the row's user message (a system message, where there is one, is the
      target's prompt, not the attack). Benign (pg-benign) = the first PG_BENIGN of the rows labelled
      benign in sha256 order (salt "pg86", no RNG; 402 such rows, a sample keeps the clean side near
      the size of the other authors' benign texts).
  OD  0din-ai/ai-scanner@OD_COMMIT (Apache-2.0, LICENSE; Mozilla 0DIN): config/probes/0din_probes.json,
      disclosed guardrail jailbreaks of the 0DIN bug-bounty programme. Attack = the prompt of every probe
      with a single prompt, category od/guardrail_jailbreak; left out: probes with several prompts
      (multi-turn escalations, whose opening turns are not attacks by themselves, as round 80).
Owner cap, freshness, dedup, carriers: round 84's (build_fresh_r84.py), with this round's names.
Freshness: a text is dropped if its normalised form occurs in any eval or training JSONL under /tmp
from earlier rounds (inj-eval, inj-train, inj<N> and r<N> for N < 86, as present when built), in any text
of the sources of rounds 64-84 or round 19's jailbreak_llms files, or in a JSONL committed in the tree at
HEAD: substring for >= 40 chars, whole item or line below; or if >= OVERLAP of its sampled word 8-grams
occur in any of those texts. Duplicates inside this round are kept once (first source wins, in the
order read: AU, JK, HX, IS, SD, PG, OD).

Sets (/tmp/r86/sets): r86_bare.jsonl and r86_doc.jsonl (round 84's layout). Categories:
inj/{bare|KIND}/{au|jk|hx|is|sd|pg|od}/{type};
clean/{bare|KIND}/{au-benign|jk-carrier|hx-notice|sd-control|pg-benign};
clean/carrier/{KIND}.

Usage: build_fresh_r86.py [--list] [--out DIR]   (--list: read the sources and print counts only)
"""
import ast, collections, hashlib, json, os, re, subprocess, sys

import yaml

sys.path.insert(0, "/work/main/scripts/peer-eval/injection")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r78an")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r80an")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r84an")

M = "/work/.mirror/"
AU = (M + "AUTHENSOR+prompt-injection-benchmark/repo", "d19ff3a1bdd0afb7ae6f07903e297153d2dcec90")
JK = (M + "jkelly-dev1+prompt-injection-benchmark/repo", "f036f357a4f3af446114a07289939401bebe7029")
HX = (M + "hix3-io+defensive-prompt-injection-bench/repo", "af7d7d6cdf5505072c86c345130ca12a55c5c725")
IS = (M + "ishan-1010+agent-injection-suite/repo", "9d074c69070bb46684f937744739343fe3c040bd")
PG = (M + "pangeacyber+pangea-prompt-lab/repo", "fd8719aea3e744beb0961b6b74be6a3fd7f84f94")
PG_ATTACK = ("injection", "direct", "adversarial", "adversarial_prefix", "adversarial_suffix")
PG_BENIGN = 60
OD = (M + "0din-ai+ai-scanner/repo", "346798e0ef8fed0862ad73f20344633a09e29c56")
SD_COMMIT = "2cf717eccf06e588ac7322a23db62f526df96fbb"
SD_COPY = "/tmp/r86/src/sentinelden_attacks.jsonl"
SD_SHA = "730edb7d330dd1e80afe665f7f415851b9d2712e2ba29d2050d9edeb767f5fef"
TREE = ("/work/main/.git", None)  # filled in main(): HEAD when this set was frozen (recorded in README.md)
OUT = "/tmp/r86/sets"
CAP = 0.25
ROUND = 86
AU_DIR = "benchmark/v1/"
AU_CATS = ("prompt-injection", "jailbreak", "memory-poisoning", "exfiltration")
SD_ATTACK = ("instruction_override", "context_termination", "authority_claim", "data_exfiltration",
             "tool_redirection", "encoding", "role_play", "conversation_hijack")
LANG_CODES = ("fr", "mul")


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


# --- AU: 15 Research Lab's scanner benchmark -----------------------------------------------------------

def authensor():
    att, ben = [], []
    for p in ls(AU, AU_DIR):
        cat = p[len(AU_DIR):].split("/")[0]
        if cat not in AU_CATS or not p.endswith(".json"):
            continue
        for r in json.loads(show(AU, p)):
            if r["category"] != cat:
                raise ValueError(f"{p}: row {r['id']} in category {r['category']}")
            text = r["input"].strip()
            if r["expected_detection"] is True:
                sub = r["subcategory"] + ("_mul" if r["subcategory"] == "language-switching" else "")
                att.append((text, f"au/{cat}/{sub}"))
            elif r["expected_detection"] is False:
                ben.append((text, "au-benign"))
            else:
                raise ValueError(f"{p}: row {r['id']} has no boolean expected_detection")
    print(f"au: {len(att)} attacks, {len(ben)} benign")
    return att, ben


# --- JK: jkelly-dev1's matched-pair corpus (Python literals read with ast) ------------------------------

def jkelly():
    tree = ast.parse(show(JK, "bench/attacks/corpus.py"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "Payload"]
    att, ben, computed = [], [], 0
    for n in sorted(calls, key=lambda c: (c.lineno, c.col_offset)):
        kw = {k.arg: k.value for k in n.keywords}
        cls = kw["attack_class"].attr.lower()
        ch = kw["channel"].attr.lower()
        ben.append((ast.literal_eval(kw["carrier"]).strip(), "jk-carrier"))
        try:
            text = ast.literal_eval(kw["injection"])
        except ValueError:
            computed += 1
            continue
        att.append((text.strip(), f"jk/{cls}/{ch}"))
    print(f"jk: {len(calls)} payloads, {len(att)} literal injections, {computed} computed (left out), "
          f"{len(ben)} carriers")
    return att, ben


# --- HX: hix3-io's defensive texts (single-quoted JavaScript literals of the TEXT object) ---------------

JS_STR = re.compile(r"'((?:[^'\\\n]|\\.)*)'")
JS_ESC = {"'": "'", '"': '"', "\\": "\\", "n": "\n", "t": "\t"}


def js_string(s):
    return re.sub(r"\\(.)", lambda m: JS_ESC[m.group(1)], s)


def js_list(src, name):
    m = re.search(r"export const " + name + r" = \[(.*?)\];", src, re.S)
    return JS_STR.findall(m.group(1))


def hix3():
    src = show(HX, "payloads.js")
    body = re.search(r"\nconst TEXT = \{\n(.*?)\n\};\n", src, re.S).group(1)
    v1, v2 = set(js_list(src, "TACTICS_V1")), set(js_list(src, "TACTICS_V2"))
    att, ben = [], []
    for m in re.finditer(r"^  (\w+): \[\n(.*?)\n  \],$", body, re.S | re.M):
        tactic, texts = m.group(1), [js_string(s).strip() for s in JS_STR.findall(m.group(2))]
        if tactic in v1:
            att += [(t, f"hx/{tactic}_fr") for t in texts]
        elif tactic in v2:
            ben += [(t, "hx-notice") for t in texts]
        else:
            raise ValueError(f"tactic {tactic} in neither list")
    if {g.split("/")[1][:-3] for _, g in att} != v1:
        raise ValueError("hx: not every V1 tactic read")
    print(f"hx: {len(att)} attacks (V1 tactics), {len(ben)} benign (V2 tactics)")
    return att, ben


# --- IS: ishan-1010's scenarios (YAML) ------------------------------------------------------------------

def ishan():
    att = []
    for p in ls(IS, "scenarios/"):
        for s in yaml.safe_load(show(IS, p)):
            att.append(((s.get("injected_content") or s["prompt"]).strip(), f"is/{s['category']}"))
    print(f"is: {len(att)} scenarios")
    return att


# --- SD: sentinelden's attacks (transcribed fields, read with json) -------------------------------------

def sentinelden():
    raw = open(SD_COPY, "rb").read()
    if hashlib.sha256(raw).hexdigest() != SD_SHA:
        raise ValueError(f"{SD_COPY}: sha256 differs from the recorded copy")
    att, ben = [], []
    for l in raw.decode().splitlines():
        r = json.loads(l)
        if r["family"] in SD_ATTACK:
            att.append((r["injected"].strip(), f"sd/{r['family']}"))
        elif r["family"] == "control":
            ben.append((r["injected"].strip(), "sd-control"))
        else:
            raise ValueError(f"unexpected row {r['id']}")
    print(f"sd: {len(att)} attacks, {len(ben)} benign")
    return att, ben


# --- PG: Pangea's prompt-lab test set (JSONL) -------------------------------------------------------------

def pangea():
    att, ben = [], []
    for l in show(PG, "data/test_dataset.jsonl").splitlines():
        if not l.strip():
            continue
        r = json.loads(l)
        if r["source"].lower() != "pangea":
            continue
        users = [m["content"] for m in r["messages"] if m["role"] == "user"]
        if len(r["label"]) != 1 or len(users) != 1:
            raise ValueError(f"pg: unexpected row {l[:80]}")
        lab, text = r["label"][0], users[0].strip()
        if lab in PG_ATTACK:
            att.append((text, f"pg/{lab}"))
        elif lab == "benign":
            ben.append((text, "pg-benign"))
        else:
            raise ValueError(f"pg: label {lab}")
    n = len(ben)
    ben = sorted(ben, key=lambda b: hashlib.sha256(("pg86" + b[0]).encode()).hexdigest())[:PG_BENIGN]
    print(f"pg: {len(att)} attacks, {n} benign (first {len(ben)} by sha256 used)")
    return att, ben


# --- OD: 0DIN's disclosed jailbreak probes ---------------------------------------------------------------

def odin():
    probes = json.loads(show(OD, "config/probes/0din_probes.json"))["probes"]
    att = [(v["prompts"][0].strip(), "od/guardrail_jailbreak") for _, v in sorted(probes.items())
           if len(v["prompts"]) == 1]
    print(f"od: {len(att)} single-prompt probes of {len(probes)}")
    return att


def sources():
    au_att, au_ben = authensor()
    jk_att, jk_ben = jkelly()
    hx_att, hx_ben = hix3()
    is_att = ishan()
    sd_att, sd_ben = sentinelden()
    pg_att, pg_ben = pangea()
    od_att = odin()
    return (au_att + jk_att + hx_att + is_att + sd_att + pg_att + od_att,
            au_ben + jk_ben + hx_ben + sd_ben + pg_ben)


# --- freshness, cap, sets (round 84's code with this round's names) -----------------------------------

def prior_source_texts():
    """Round 84's list (rounds 64-80 and jailbreak_llms) plus every text of round 84's sources."""
    import build_fresh_r84 as r84
    out = R84_PRIOR()
    em_att, em_ben = r84.email_agent()
    rd, _ = r84.red()
    dk_att, dk_ben = r84.keane()
    pi_all = []
    for p in r84.ls(r84.PI, r84.PI_DIR):  # every PIArena task, not only round 84's sample
        if p.endswith(".json") and not p.endswith("_knowledge_corruption.json"):
            pi_all += [row["injected_task"].strip() for row in json.loads(r84.show(r84.PI, p))]
    out += pi_all + [t for t, _ in em_att + em_ben + rd + r84.langchain() + dk_att + dk_ben]
    return out


def main():
    if "--list" in sys.argv:
        att, ben = sources()
        print("attacks", len(att), "benign", len(ben), collections.Counter(g.split("/")[0] for _, g in att))
        return
    global OUT, R84_PRIOR
    if "--out" in sys.argv:
        OUT = sys.argv[sys.argv.index("--out") + 1]
    import build_fresh_r78 as r78
    import build_fresh_r80 as r80
    import build_fresh_r84 as r84
    import build_fresh_r64 as r64
    head = subprocess.run(["git", "-C", "/work/main", "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()
    r78.TREE = (TREE[0], head)
    r78.ROUND = ROUND
    r78.OUT = OUT
    r78.CAP = CAP
    r78.AUTHOR = {k: k for k in ("au", "jk", "hx", "is", "sd", "pg", "od")}
    r80.R78_PRIOR = r78.prior_source_texts  # round 80's list chains round 78's
    r84.R80_PRIOR = r80.prior_source_texts  # round 84's list chains round 80's
    R84_PRIOR = r84.prior_source_texts
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
