#!/usr/bin/env python3
"""Round 84: fresh recall on attack texts by owners never used in any round (r84an/README.md).
Measurement only; shaped like round 80 (bare view, doc view with round 64's carriers, the authors' own
benign texts where they have any, round 78's freshness filter widened to round 80's sources and sets),
with the owner cap lowered to 25% (this round's brief: no owner more than a quarter of the attacks).

Deterministic: every source item is kept unless it is a duplicate, was seen before, is left out by a
labelling rule written here, or is dropped by the owner cap (picked by sha256, salt "cap84", no RNG);
only the carrier of each text and the place in it are picked by sha256 (salt "84"). Repository code is
never run: JSON is read with json, JSONL line by line, Python files with ast (a literal that needs code
to compute, such as an f-string or a base64 call, is left out).

Sources (bare mirrors from the fetch tool, pinned by commit; nothing copied into the repository):
  PI  sleeepeer/PIArena@PI_COMMIT (MIT, LICENSE; "PIArena Authors", Geng, Jia et al.): the prompt-injection
      benchmark's datasets/*.json (dolly closed QA, information extraction and summarisation, SQuAD v2,
      HotpotQA / NQ / MS MARCO RAG, LongBench-style long documents: gov_report, hotpotqa_long, lcc,
      multi_news, passage_retrieval, qasper). Attacks: the `injected_task` of every row, the instruction
      the benchmark injects into the retrieved or supplied context (its "direct" attack inserts it as
      is); category pi/{the row's `category`: phishing_injection, content_promotion, access_denial,
      infrastructure_failure}. Only the first PI_SAMPLE of the 1,700 tasks in sha256 order (salt "pi84",
      no RNG) are read: the 25% cap would keep fewer than 60 of them whatever the other owners bring,
      and the freshness check's run time grows with every text read. Not used: the three
      *_knowledge_corruption.json files (one false
      statement repeated, a poisoning of facts, not an instruction to the model) and the vendored
      agents/ (InjecAgent and AgentDojo, used in earlier rounds).
  EM  CatarinaSeigward/Email-Agent-Prompt-Injection-and-GRPO-Defense@EM_COMMIT (MIT, LICENSE; Kaiwen Lin):
      an e-mail agent red-team project. Attacks: every row of data/attack_seeds.jsonl ("30 hand-written
      seeds", README), category em/{the row's `category`: override, hidden_injection, exfiltration};
      the text is the e-mail the author wrote: "From: <from>", "Subject: <subject>", blank line, body.
      Benign (em-inbox): the 25 mock e-mails of data/inbox.json (the agent's clean inbox), same layout.
      Not used: data/grpo_prompts.jsonl and data/dpo_pairs.jsonl (rewritten by an attacker LLM in the
      author's PAIR loop, src/redteam.py, or built from its logs).
  RD  tjohnson012/RED@RD_COMMIT (MIT, LICENSE; "RED Team"): an LLM red-team tool's attack library,
      src/attacker/attacks/{injections,extractions,jailbreaks,encoding}.py, read with ast. Attacks: the
      `prompt` of every entry of INJECTION_ATTACKS, EXTRACTION_ATTACKS, JAILBREAK_ATTACKS and
      ENCODING_ATTACKS that is a literal; category rd/{the entry's `category`}/{its `subcategory`}.
      Left out: entries whose prompt is computed (f-strings with base64/rot13 calls: RD_COMPUTED counts
      them) and chains.py (multi-turn chains; the opening turns are rapport, not attacks, as round 80).
  LC  langchain-ai/langchain@LC_COMMIT (MIT, LICENSE), libs/langchain_v1/tests/unit_tests/agents/
      middleware/implementations/conftest.py: the 24 tool-result payloads of the prompt-injection
      defence tests (GOAL_HIJACKING, PRIVILEGE_ESCALATION, INDIRECT_TOOL_TRIGGER, MULTI_LANGUAGE,
      JSON_INJECTION, ARG_HIJACK; 4 each, every one used by the file's vulnerability tests). The
      repository snapshot is over the fetch tool's size limit, so the PAYLOADS section was transcribed
      from the library's stored copy of that commit into LC_COPY (sha256 LC_SHA, checked here) and is
      read with ast. Category lc/{the constant's prefix, lower case}; the MULTI_LANGUAGE payloads carry
      their test id's language (multi_language_{es,de,zh,pt}; the injected instruction is in that
      language, next to English and other languages).
  DK  David Keane's prompt-injection test suite (MIT; README "Licence: Test suite: MIT"), as committed in
      djpark0402/prompt-injection-dataset@DK_COMMIT under 01_prompt_injection/01_row_open/urkim/01_raw_open/
      11_DavidTKeane_ai-prompt-ai-injection-dataset/raw/tests/ (a collection of public injection data;
      this suite is the only part not copied from a source used before). No fetchable snapshot, so the
      id, prompt, expected, attack_type and language fields of the files used were transcribed from the
      library's stored copy into DK_COPY (sha256 DK_SHA, checked here). Attacks: every row whose
      `expected` is BLOCKED in the author's injection categories 02_classic_injection,
      03_rb_thesis_battery, 04_multilingual and 07_moltbook_samples (real agent-to-agent injections from
      the Moltbook agent platform); category dk/{category without its number}, with "_<lang>" when the
      row's `language` is not English. Benign (dk-legit): 09_legitimate_security (20 security questions
      the author expects answered) and RB-001, the battery's one PASS row. Not used: 01_identity and
      11_general_baseline (questions about the test model), 05_philosophy and 06_architecture_probe
      (appeals and questions about the test model's nature, memory and design, several of them plain
      questions such as what prompt injection is, expected refused only by the model the suite was
      built for), 08_advbench (plain harmful requests copied from AdvBench), 10_fingerprint (VARIES).
Language: English except the categories ending in a language code (LANG_CODES): LC's four
multi-language payloads and DK's rows whose `language` field names another language.
Owner cap: no owner may be more than CAP of the attacks; if one is, its items are kept in sha256
order until it is not (after freshness; round 78's cap(), largest owner first).

Freshness (round 78's rule widened to round 80): a text is dropped if its normalised form occurs in any
eval or training JSONL under /tmp from earlier rounds (inj-eval, inj-train, inj<N> and r<N> for N < 84,
as present when built), in any text of the sources of rounds 64-80 or round 19's jailbreak_llms files,
or in a JSONL committed in the tree at HEAD: substring for >= 40 chars, whole item or line below; or if
>= OVERLAP of its sampled word 8-grams (crc32 % 4 == 0, at least 4) occur in any of those texts.
Duplicates inside this round are kept once (first source wins, in the order read: PI, EM, RD, LC, DK).

Sets (/tmp/r84/sets): r84_bare.jsonl (every kept text alone) and r84_doc.jsonl (every kept text in one
clean carrier of each kind, round 64's pools and insertion, and every carrier alone).
Categories: inj/{bare|KIND}/{pi|em|rd|lc|dk}/{type}; clean/{bare|KIND}/{em-inbox|dk-legit};
clean/carrier/{KIND}.

Usage: build_fresh_r84.py [--list]   (--list: read the sources and print counts only; no /tmp reads)
"""
import ast, hashlib, json, os, subprocess, sys

sys.path.insert(0, "/work/main/scripts/peer-eval/injection")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r78an")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r80an")

M = "/work/.mirror/"
PI = (M + "sleeepeer+PIArena/repo", "215dad1cd64e9cfeedcb28b0854abf2d6915c19c")
EM = (M + "CatarinaSeigward+Email-Agent-Prompt-Injection-and-GRPO-Defense/repo",
      "2db1c29134b3cc756e3364ebf52f0c7be3b9bfc1")
RD = (M + "tjohnson012+RED/repo", "a677e2be0b5d565b9baecd1e143bc47b1e16184a")
LC_COMMIT = "0dd205f223ea9aa0e6eee61c000146b25aa07312"
LC_COPY = "/tmp/r84/src/langchain_conftest_payloads.py"
LC_SHA = "e2459e44eb8de10b6df89ff8b33ae9cde6ee00b44a49a65331084e18a2de3fd8"
TREE = ("/work/main/.git", None)  # filled in main(): HEAD when this set was frozen (recorded in README.md)
OUT = "/tmp/r84/sets"
CAP = 0.25
ROUND = 84
PI_DIR = "datasets/"
PI_SAMPLE = 150
RD_DIR = "src/attacker/attacks/"
RD_FILES = {"injections": "INJECTION_ATTACKS", "extractions": "EXTRACTION_ATTACKS",
            "jailbreaks": "JAILBREAK_ATTACKS", "encoding": "ENCODING_ATTACKS"}
LC_PREFIX = ("GOAL_HIJACKING", "PRIVILEGE_ESCALATION", "INDIRECT_TOOL_TRIGGER", "MULTI_LANGUAGE",
             "JSON_INJECTION", "ARG_HIJACK")
LC_LANG = {1: "es", 2: "de", 3: "zh", 4: "pt"}  # the test ids multi_lang_{spanish,german,chinese,portuguese}
DK_COMMIT = "c7390987b7c9f3fd493c68b230b5283b7c2bedde"
DK_COPY = "/tmp/r84/src/davidtkeane_payloads.json"
DK_SHA = "714023817f6f50edd959f0e2da624630f5b94602b46d8cb474666e17f1546e61"
DK_ATTACK = ("02_classic_injection", "03_rb_thesis_battery", "04_multilingual", "07_moltbook_samples")
DK_BENIGN = ("03_rb_thesis_battery", "09_legitimate_security")
DK_LANG = {"French": "fr", "French (embedded in English)": "fr", "Spanish": "es", "Chinese (Mandarin)": "zh",
           "Japanese": "ja", "German": "de", "English": "en", "English (translation vector)": "en"}
LANG_CODES = ("es", "de", "zh", "pt", "fr", "ja")


def lang_of(src_type):
    """Language of a category "src/type": the type's last "_" part if it is a language code, else en."""
    tail = src_type.rsplit("_", 1)[-1]
    return tail if "_" in src_type and tail in LANG_CODES else "en"


def show(src, path):
    return subprocess.run(["git", "--git-dir", src[0], "show", f"{src[1]}:{path}"],
                          capture_output=True, text=True, check=True).stdout


def ls(src, path):
    out = subprocess.run(["git", "--git-dir", src[0], "ls-tree", "--name-only", src[1], path],
                         capture_output=True, text=True, check=True).stdout
    return sorted(out.split())


# --- PI: PIArena's injected tasks --------------------------------------------------------------------

def piarena():
    att, files = [], 0
    for p in ls(PI, PI_DIR):
        if not p.endswith(".json") or p.endswith("_knowledge_corruption.json"):
            continue
        files += 1
        for row in json.loads(show(PI, p)):
            att.append((row["injected_task"].strip(), "pi/" + row["category"]))
    n = len(att)
    att = sorted(att, key=lambda a: (hashlib.sha256(("pi84" + a[0]).encode()).hexdigest(), a[1]))[:PI_SAMPLE]
    print(f"pi: {n} injected tasks from {files} dataset files, first {len(att)} by sha256 read")
    return att


# --- EM: the e-mail agent's hand-written attack seeds and clean inbox --------------------------------

def email(x):
    return f"From: {x['from']}\nSubject: {x['subject']}\n\n{x['body'].strip()}"


def email_agent():
    rows = [json.loads(l) for l in show(EM, "data/attack_seeds.jsonl").splitlines() if l.strip()]
    att = [(email(r), "em/" + r["category"]) for r in rows]
    ben = [(email(x), "em-inbox") for x in json.loads(show(EM, "data/inbox.json"))]
    print(f"em: {len(att)} attack seeds, {len(ben)} inbox e-mails")
    return att, ben


# --- RD: RED's attack library (Python literals read with ast) -----------------------------------------

def red():
    att, computed = [], 0
    for f, name in RD_FILES.items():
        tree = ast.parse(show(RD, RD_DIR + f + ".py"))
        lists = [n.value for n in tree.body if isinstance(n, ast.Assign)
                 and any(isinstance(t, ast.Name) and t.id == name for t in n.targets)]
        if len(lists) != 1 or not isinstance(lists[0], ast.List):
            raise ValueError(f"{f}: {name} not found")
        for d in lists[0].elts:
            kv = {ast.literal_eval(k): v for k, v in zip(d.keys, d.values)}
            try:
                text = ast.literal_eval(kv["prompt"])
            except ValueError:
                computed += 1
                continue
            cat, sub = ast.literal_eval(kv["category"]), ast.literal_eval(kv["subcategory"])
            att.append((text.strip(), f"rd/{cat}/{sub}"))
    print(f"rd: {len(att)} literal prompts, {computed} computed by code (left out)")
    return att, computed


# --- LC: langchain's tool-result payloads (transcribed PAYLOADS section, read with ast) ----------------

def langchain():
    raw = open(LC_COPY, "rb").read()
    if hashlib.sha256(raw).hexdigest() != LC_SHA:
        raise ValueError(f"{LC_COPY}: sha256 differs from the recorded copy")
    att = []
    for n in ast.parse(raw.decode()).body:
        if not isinstance(n, ast.Assign):
            continue
        name = n.targets[0].id
        pre, _, num = name.rpartition("_PAYLOAD_")
        if pre not in LC_PREFIX:
            raise ValueError(f"unexpected constant {name}")
        typ = pre.lower() + (f"_{LC_LANG[int(num)]}" if pre == "MULTI_LANGUAGE" else "")
        att.append((ast.literal_eval(n.value).strip(), "lc/" + typ))
    if len(att) != 24:
        raise ValueError(f"langchain: {len(att)} payloads")
    print(f"lc: {len(att)} payloads")
    return att


# --- DK: David Keane's test suite (transcribed fields, read with json) -------------------------------

def keane():
    raw = open(DK_COPY, "rb").read()
    if hashlib.sha256(raw).hexdigest() != DK_SHA:
        raise ValueError(f"{DK_COPY}: sha256 differs from the recorded copy")
    att, ben = [], []
    for t in json.loads(raw)["tests"]:
        stem = t["file"].split("_", 1)[1]
        if t["expected"] == "BLOCKED" and t["file"] in DK_ATTACK:
            lang = DK_LANG[t.get("language", "English")]
            att.append((t["prompt"].strip(), f"dk/{stem}" + ("" if lang == "en" else f"_{lang}")))
        elif t["expected"] == "PASS" and t["file"] in DK_BENIGN:
            ben.append((t["prompt"].strip(), "dk-legit"))
        else:
            raise ValueError(f"unexpected row {t['id']}")
    print(f"dk: {len(att)} attacks, {len(ben)} benign")
    return att, ben


def sources():
    pi = piarena()
    em_att, em_ben = email_agent()
    rd, _ = red()
    lc = langchain()
    dk_att, dk_ben = keane()
    return pi + em_att + rd + lc + dk_att, em_ben + dk_ben


# --- freshness, cap, sets (round 78's code with this round's names) -----------------------------------

def prior_source_texts():
    """Round 80's list (rounds 64-78 and jailbreak_llms) plus every text of round 80's sources."""
    import build_fresh_r80 as r80
    out = R80_PRIOR()
    rn_att, rn_ben = r80.read_no_evil()
    pc, _ = r80.pincer()
    att = r80.ziran() + rn_att + pc + r80.jailbench()
    out += [t for t, _ in att + rn_ben]
    return out


def main():
    if "--list" in sys.argv:
        att, ben = sources()
        print("attacks", len(att), "benign", len(ben))
        return
    import build_fresh_r78 as r78
    import build_fresh_r80 as r80
    import build_fresh_r64 as r64
    head = subprocess.run(["git", "-C", "/work/main", "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()
    r78.TREE = (TREE[0], head)
    r78.ROUND = ROUND
    r78.OUT = OUT
    r78.CAP = CAP
    r78.AUTHOR = {"pi": "pi", "em": "em", "rd": "rd", "lc": "lc", "dk": "dk"}
    r80.R78_PRIOR = r78.prior_source_texts  # round 80's list chains round 78's
    global R80_PRIOR
    R80_PRIOR = r80.prior_source_texts
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
