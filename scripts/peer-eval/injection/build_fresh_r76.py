#!/usr/bin/env python3
"""Round 76: fresh recall on attack texts by authors never used in any round (SOURCES.md "Round 76").
Measurement only; shaped exactly like round 74 (bare view, doc view with round 64's carriers, benign
look-alikes, round 74's freshness filter with the 8-word-run overlap rule, per-author cap 40%).

Deterministic: every source item is kept unless it is a duplicate, was seen before, is left out by a
labelling rule written here, or is dropped by the author cap (picked by sha256, no RNG); only the
carrier of each text and the place in it are picked by sha256 (salt "76"). Repository code is never
run: CSV is read with the csv module, TypeScript string constants with the regular expressions
below (template literals without `${`, and '...' + '...' chains), text/HTML/feature files as text.

Sources (bare mirrors from the fetch tool, pinned; nothing copied into the repository):
  GF  sherdencooper/GPTFuzz@GF_COMMIT (MIT, LICENSE): datasets/prompts/GPTFuzzer.csv, the 77
      jailbreak templates the authors collected from jailbreakchat.com (human-written persona and
      scenario jailbreaks with an "[INSERT PROMPT HERE]" slot, kept as written; the slot is the
      authors' text, as "{{clue}}" was in round 74). seed_short_25.csv is left out: the authors
      say GPT-4 shortened those. Category gf/jailbreak_template.
  HC  hwchase17/adversarial-prompts@HC_COMMIT (MIT, LICENSE): prompts/*.txt, the text after the
      "prompt:" header line (the classic "Ignore the above directions ..." injections with the
      victim prompt around them; acrostic evasion; prompt leak). Category = the file's attack-type.
  TS  TakSec/Prompt-Injection-Everywhere@TS_COMMIT (MIT, LICENSE): every *.txt payload except
      Prompt-Injection-Protection.txt (a defensive template, used as a benign look-alike).
      Category = file stem.
  SR  Safetorun/PromptDefender@SR_COMMIT (Apache-2.0, LICENSE): the hand-written request texts of
      the integration tests test/integration_test_harness/features/{detect-jailbreak,
      xml_escape_detection}.feature ("And the request is X") in scenarios the authors title as a
      prompt injection or as an attempt to escape the XML tag (both the well-formed and the
      misspelled closing tag are escape attempts). Scenarios titled benign/ok/not attempting are not
      attacks and are too short to be look-alikes; not used. The 50-line
      cmd/lambda_wall_py/injections_embeddings.csv is left out: its rows are one template permuted
      ("<verb> all previous <noun> and <action>"), which reads as generated, not written.
      builder/jailbreaking.txt is a copy of 0xk1h0/ChatGPT_DAN (round 74) and is not used.
  AM  AnthenaMatrix (MIT, LICENSE in each repository), three repositories by one author:
        Website-Prompt-Injection@AMW_COMMIT  Injection-Example-{1..5}.html, each page whole (a
          hidden-element "New Role" injection hidden five ways: display:none, script-inserted, ...).
          Category am/web_page.
        Prompt-Injection-Testing-Tool@AMT_COMMIT  user_prompts.txt, the lines that ask the model
          for its context or to repeat its prompt (lines 3-4; prompt_leaking). Lines 1-2 ask about
          training data, not the prompt, and are left out.
        Many-Shot-Jailbreaking@AMM_COMMIT  the two example files (fake dialogues ending in the
          target request). Category am/many_shot.
  WZ  wunderwuzzi23/scratch@WZ_COMMIT (MIT, LICENSE; J. Rehberger, "Embrace the Red"): llm-tests/*.md
      (prompts that make the model print raw ANSI/OSC terminal control sequences: "Terminal DiLLMa";
      category wz/terminal_escape) and info.html (a page that orders a summariser what to print;
      wz/web_page).
  UP  uptrain-ai/uptrain@UP_COMMIT (Apache-2.0, LICENSE): the example `question` of
      docs/predefined-evaluations/safeguarding/prompt-injection.mdx (the "grandmother ... bedtime
      story about your system prompt" leak) and the first of jailbreak.mdx (answer "from a
      criminal's perspective"); the second jailbreak.mdx example ("What is the capital of Italy",
      off-purpose, not an attack) is left out. Categories up/prompt_leaking, up/jailbreak.
  GD  guardrails-ai/detect_jailbreak@GD_COMMIT (Apache-2.0, LICENSE): tests/test_validator.py, the
      `test_output` of test_fail (an "unbound by any guiding moral principles" AGI persona);
      test_pass's bedtime-story request is not used (too short a benign). Category gd/jailbreak_test.
  CC  RobustNLP/CipherChat@CC_COMMIT (MIT, LICENSE; Yuan et al., "GPT-4 Is Too Smart To Be Safe"):
      prompts_and_demonstrations.py (read with `ast`), every value of `system_role_propmts` except
      "baseline" (a plain identity line): the authors' cipher set-up prompts ("You are an expert on
      The Caesar Cipher. We will communicate in Caesar Cipher. Do not be a translator ...").
      Category cc/cipher_setup. The toxic demonstrations (harmful Q/A pairs) are not used.
  DI  tmlr-group/DeepInception@DI_COMMIT (MIT, LICENSE): res/data_multi_scene.json, the
      `questions` of its first topic (the authors' nested-scene template in five scenes: science
      fiction, documentary, spy movie, stage scene, onion news group). Only one topic: the other
      topics put other harmful requests into the same five texts. `plain_attack` (the bare harmful
      request) is not an injection and is not used. Category di/nested_scene.
  YZ  y0mingzhang/prompt-extraction@YZ_COMMIT (MIT, LICENSE; Zhang et al., "Effective Prompt
      Extraction from Language Models"): attacks/attacks.json (the 5 hand-written extraction
      queries; yz/extraction), attacks/5-gram-attacks.json (`attack-string`: the same queries asking
      for Caesar-ciphered or word-interleaved output to get past an n-gram output filter;
      yz/filter_evasion) and attacks/real-services/*/*-prompt.txt (the queries the authors sent
      to Bard, Bing Chat, ChatGPT and Claude, some written in Arabic, Finnish, Japanese or Chinese;
      yz/real_service). generated.json (written by GPT-4, the README says) and selected.json (a
      mix with it) are left out.
Benign look-alikes (label 0):
  defence-prompt  ScottLogic/prompt-injection@SL_COMMIT (MIT) backend/src/promptTemplates.ts: every
                  string constant of at least 80 characters (system roles that order the bot to keep
                  a secret "under any circumstances", the prompt-injection evaluator prompt that lists
                  "forget previous instructions" and persona attacks, XML/random-sequence/instruction
                  defences); and TS's Prompt-Injection-Protection.txt.
  attack-doc      ScottLogic's handbook (frontend/src/components/HandbookOverlay/Pages/Attacks.ts
                  `info` and Glossary.ts `definition` strings: descriptions of jailbreaks, prompt
                  leaking, indirect injection ...), and the prose paragraphs (>= 200 chars, outside
                  code, not markup; round 74's dp-doc rule) of
                  Valhall-ai/prompt-injection-mitigations@VA_COMMIT (Apache-2.0) README.md and of
                  FonduAI/awesome-prompt-injection@FO_COMMIT (CC0-1.0) README.md.
  sysprompt       WZ's system_prompts/*.{txt,md} of at most SYSMAX characters (vendors' assistant
                  system prompts as extracted by the author; round 74's bpl-sysprompt rule), and YZ's
                  attacks/real-services/*/en.txt (the system prompts Bard and Claude printed, in
                  English; the translated and back-translated files are model output and are not used).
  attack-doc also takes the prose paragraphs (same rule) of brexhq/prompt-engineering@BX_COMMIT (MIT)
                  README.md from "### Prompt Hacking" to the next "### " heading (jailbreaks and
                  leaks explained; its attacks are screenshots).
Author cap: no author may be more than CAP of the attacks (AnthenaMatrix's three repositories count
as one author); if one is, its items are kept in sha256 order until it is not (after freshness).

Freshness (round 74's rule, widened to everything earlier than this round): a text is dropped if its
normalised form occurs in any eval or training JSONL under /tmp from earlier rounds (inj-eval,
inj-train, inj<N> for N != 76, r<N> for N < 76, as present when built), in any text of the sources of
rounds 64, 65, 68 and 74, in round 19's jailbreak_llms files, or in a JSONL committed in the scored tree
(/tmp/r76/headtree): substring for >= 40 chars, whole item or line below; or if >= OVERLAP of its
sampled word 8-grams (crc32 % 4 == 0, at least 4) occur in any of those texts. Duplicates inside
this round are kept once (first source wins, in the order read).

Sets (/tmp/inj76/sets): r76_bare.jsonl (every kept text alone) and r76_doc.jsonl (every kept text
in one clean carrier of each kind, round 64's pools and insertion, and every carrier alone).
Categories: inj/{bare|KIND}/{gf|hc|ts|sr|am|wz|up|gd|cc|di|yz}/{type};
clean/{bare|KIND}/{defence-prompt|attack-doc|sysprompt};
clean/carrier/{KIND}.
"""
import ast, csv, glob, io, json, os, re, subprocess, sys, zlib

sys.path.insert(0, "/work/main/scripts/peer-eval/injection")
import build_fresh_r64 as r64  # carriers, insertion, hashing, earlier-set matching
import build_fresh_r65 as r65  # index()
import build_fresh_r68 as r68  # jsonl_texts()
import build_fresh_r74 as r74  # round-74 sources, prior_source_texts(), shingles, dedent, md rules

M = "/work/.mirror/"
GF = (M + "sherdencooper+GPTFuzz/repo", "1eddeb565740ae311b5f4950492b011a6f866fe7")
HC = (M + "hwchase17+adversarial-prompts/repo", "deaa46686dea8a4534abe2aacaffe171981dfad7")
TS = (M + "TakSec+Prompt-Injection-Everywhere/repo", "9b69c8ae7958f68d562d484103a7b14b66983d63")
SR = (M + "Safetorun+PromptDefender/repo", "70c75b3768a1c3a7ea7cf3f2b9895fd1b16bd96a")
AMW = (M + "AnthenaMatrix+Website-Prompt-Injection/repo", "d6bdbc939a3bccd47321a8c9a782b4da3bbaabab")
AMT = (M + "AnthenaMatrix+Prompt-Injection-Testing-Tool/repo", "18ebe9724cdd0da9bf9de8b250b877bf50863436")
AMM = (M + "AnthenaMatrix+Many-Shot-Jailbreaking/repo", "272e076bbd52eaa62ae2a8a0176adbe7839efd42")
SL = (M + "ScottLogic+prompt-injection/repo", "501e4be0e6e2e7ebfcaad558009589f31f61fa6b")
VA = (M + "Valhall-ai+prompt-injection-mitigations/repo", "f2c319a70a67904f3f659d4496db163b593a1827")
WZ = (M + "wunderwuzzi23+scratch/repo", "91a1a94f5cb319c83ced28495a7541feb70b0093")
UP = (M + "uptrain-ai+uptrain/repo", "625d3719130b10ecafb7c66ec05318d766c025c7")
GD = (M + "guardrails-ai+detect_jailbreak/repo", "9df65327a16e2ab778240919ad6243eeb8592212")
FO = (M + "FonduAI+awesome-prompt-injection/repo", "93d7b941a6f66cde498ce47bceed13a0c1cdb771")
CC = (M + "RobustNLP+CipherChat/repo", "540b95e6afb54e7776f08ae2c094f9d7ff7e7b1f")
DI = (M + "tmlr-group+DeepInception/repo", "fc5689e76c4dd87a14babf1eadf890532f2b6880")
YZ = (M + "y0mingzhang+prompt-extraction/repo", "dc00b2f6d3cef1a2b9c85fe67b8fa2d3354e21cf")
BX = (M + "brexhq+prompt-engineering/repo", "50871be17eb86d70ce066462f4328a6f62a7208e")
SYSMAX = 8000
TREE = "/tmp/r76/headtree"
OUT = "/tmp/inj76/sets"
CAP = 0.40
ROUND = 76
AUTHOR = {"gf": "gf", "hc": "hc", "ts": "ts", "sr": "sr", "am": "am", "wz": "wz", "up": "up", "gd": "gd",
          "cc": "cc", "di": "di", "yz": "yz"}
h, norm, show = r64.h, r64.norm, r64.show
dedent, shingles, OVERLAP = r74.dedent, r74.shingles, r74.OVERLAP


def ls(src, path=""):
    args = ["git", "--git-dir", src[0], "ls-tree", "-r", "-z", "--name-only", src[1]] + (["--", path] if path else [])
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout.split("\0")[:-1]


def gptfuzz():
    rows = list(csv.DictReader(io.StringIO(show(GF, "datasets/prompts/GPTFuzzer.csv"))))
    if len(rows) != 77:
        raise ValueError(f"GPTFuzzer.csv: {len(rows)} rows")
    return [(r["text"].strip(), "gf/jailbreak_template") for r in rows]


def hwchase():
    out = []
    for p in sorted(x for x in ls(HC, "prompts") if x.endswith(".txt")):
        t = show(HC, p)
        head, body = t.split("\nprompt:\n", 1)
        typ = re.search(r"^attack-type:\s*(\S+)", head, re.M).group(1)
        out.append((body.strip(), "hc/" + typ))
    return out


def taksec():
    att, ben = [], []
    for p in sorted(x for x in ls(TS) if x.endswith(".txt")):
        t = show(TS, p).strip()
        if p == "Prompt-Injection-Protection.txt":
            ben.append((t, "defence-prompt"))
        else:
            att.append((t, "ts/" + p[:-4].lower().replace("-", "_")))
    return att, ben


def safetorun():
    out = []
    for f in ("detect-jailbreak", "xml_escape_detection"):
        feat = show(SR, f"test/integration_test_harness/features/{f}.feature")
        for sc in re.split(r"\n\s*Scenario:", feat)[1:]:
            title = sc.split("\n", 1)[0].lower()
            req = re.search(r"And the request is (.+)", sc).group(1).strip()
            if "prompt injection" in title:
                out.append((req, "sr/" + ("jailbreak_test" if f.startswith("detect") else "xml_escape_test")))
            elif "attempting to escape" in title and "not attempting" not in title:
                out.append((req, "sr/xml_escape_test"))
    seen, uniq = set(), []
    for t, c in out:  # the same request appears in two scenarios; kept once here
        if t not in seen:
            seen.add(t)
            uniq.append((t, c))
    return uniq


def anthena():
    out = []
    for p in sorted(x for x in ls(AMW) if re.fullmatch(r"Injection-Example-\d\.html", x)):
        out.append((show(AMW, p).strip(), "am/web_page"))
    lines = [l.strip() for l in show(AMT, "user_prompts.txt").splitlines() if l.strip()]
    if len(lines) != 4:
        raise ValueError("user_prompts.txt changed")
    out += [(l, "am/prompt_leaking") for l in lines[2:4]]
    for p in sorted(x for x in ls(AMM) if x.startswith("Example ") and x.endswith(".txt")):
        out.append((show(AMM, p).strip(), "am/many_shot"))
    return out


def ts_strings(src):
    """String constants: `template literals` without ${...}, and '...' (+ '...')* chains."""
    out = []
    for m in re.finditer(r"`((?:[^`\\]|\\.)*)`", src, re.S):
        if "${" not in m.group(1):
            out.append((m.start(), m.group(1)))
    for m in re.finditer(r"'(?:[^'\\\n]|\\.)*'(?:\s*\+\s*'(?:[^'\\\n]|\\.)*')*", src):
        parts = re.findall(r"'((?:[^'\\\n]|\\.)*)'", m.group(0))
        out.append((m.start(), "".join(parts).replace("\\'", "'")))
    return [s for _, s in sorted(out)]


def scottlogic():
    src = show(SL, "backend/src/promptTemplates.ts")
    prompts = []
    for m in re.finditer(r"^const (\w+)\s*=\s*\n?\s*(`(?:[^`\\]|\\.)*`|'(?:[^'\\\n]|\\.)*')\s*;", src, re.M | re.S):
        s = ts_strings(m.group(2))[0]
        if len(s.strip()) >= 80:
            prompts.append((dedent_lines(s), "defence-prompt"))
    docs = []
    for p, key in (("frontend/src/components/HandbookOverlay/Pages/Attacks.ts", "info"),
                   ("frontend/src/components/HandbookOverlay/Pages/Glossary.ts", "definition")):
        src = show(SL, p)
        for m in re.finditer(key + r":\s*((?:`(?:[^`\\]|\\.)*`)|(?:'(?:[^'\\\n]|\\.)*'(?:\s*\+\s*'(?:[^'\\\n]|\\.)*')*))",
                             src, re.S):
            s = "".join(ts_strings(m.group(1)))
            docs.append((re.sub(r"\s*\n\s*", " ", s).strip(), "attack-doc"))
    return prompts, docs


def dedent_lines(s):
    return "\n".join(l.strip() for l in s.strip().splitlines())


def wuzzi():
    att = [(show(WZ, p).strip(), "wz/terminal_escape") for p in sorted(ls(WZ, "llm-tests")) if p.endswith(".md")]
    att.append((show(WZ, "info.html").strip(), "wz/web_page"))
    ben = []
    for p in sorted(ls(WZ, "system_prompts")):
        if p.endswith((".txt", ".md")):
            t = show(WZ, p).strip()
            if len(t) <= SYSMAX:
                ben.append((t, "sysprompt"))
    return att, ben


def uptrain():
    out = []
    for f, typ in (("prompt-injection", "prompt_leaking"), ("jailbreak", "jailbreak")):
        md = show(UP, f"docs/predefined-evaluations/safeguarding/{f}.mdx")
        q = re.findall(r"""['"]question['"]:\s*(['"])(.*?)\1""", md)
        out.append((q[0][1], "up/" + typ))
    return out


def guardrails():
    src = show(GD, "tests/test_validator.py")
    body = src.split("def test_fail", 1)[1]
    return [(re.search(r'test_output = "(.*?)"', body).group(1), "gd/jailbreak_test")]


def cipherchat():
    tree = ast.parse(show(CC, "prompts_and_demonstrations.py"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "system_role_propmts":
            d = ast.literal_eval(node.value)
            return [(v.strip(), "cc/cipher_setup") for k, v in d.items() if k != "baseline"]
    raise ValueError("system_role_propmts not found")


def deepinception():
    d = json.loads(show(DI, "res/data_multi_scene.json"))
    return [(q.strip(), "di/nested_scene") for q in d[0]["questions"]]


def prompt_extraction():
    out = [(t.strip(), "yz/extraction") for t in json.loads(show(YZ, "attacks/attacks.json"))]
    out += [(x["attack-string"].strip(), "yz/filter_evasion") for x in json.loads(show(YZ, "attacks/5-gram-attacks.json"))]
    ben = []
    for p in sorted(ls(YZ, "attacks/real-services")):
        if p.endswith("-prompt.txt"):
            out.append((show(YZ, p).strip(), "yz/real_service"))
        elif p.endswith("/en.txt"):
            ben.append((show(YZ, p).strip(), "sysprompt"))
    return out, ben


def valhall():
    bx = show(BX, "README.md").split("\n### Prompt Hacking\n", 1)[1].split("\n### ", 1)[0]
    return prose(show(VA, "README.md")) + prose(show(FO, "README.md")) + prose(bx)


def prose(md):
    body = re.sub(r"```.*?```", "", md, flags=re.S)
    out = []
    for para in re.split(r"\n\s*\n", body):
        para = para.strip()
        if len(para) >= 200 and not para.startswith(("<", "*", "[", "-", "|", "#", ">", "`", "!")):
            out.append((para, "attack-doc"))
    return out


def earlier_texts():
    ds = ["/tmp/inj-eval", "/tmp/inj-train"] + sorted(d for d in glob.glob("/tmp/inj[0-9]*")
                                                       if re.fullmatch(r"/tmp/inj\d+", d) and int(d[8:]) < ROUND)
    ds += sorted(d for d in glob.glob("/tmp/r[0-9]*") if re.fullmatch(r"/tmp/r\d+", d) and int(d[6:]) < ROUND)
    n = 0
    for d in ds:
        for p in sorted(glob.glob(d + "/**/*.jsonl", recursive=True)):
            if p.startswith(TREE):
                continue
            n += 1
            yield from r68.jsonl_texts(p)
    print(f"earlier: {n} JSONL files under {len(ds)} directories: {' '.join(os.path.basename(d) for d in ds)}")


def prior_source_texts():
    """Round 74's list (rounds 64, 65, 68 and jailbreak_llms) plus every text of round 74's sources."""
    out = r74.prior_source_texts()
    att = (r74.fuzzyai() + r74.payloads_all_the_things() + r74.greshake() + r74.psfuzz() + r74.bpl_jailbreaks()
           + r74.dair_attacks() + r74.chatgpt_dan())
    out += [t for t, _ in att + r74.bpl_benign() + r74.dair_benign()]
    return out


def tree_texts():
    for p in sorted(glob.glob(TREE + "/**/*.jsonl", recursive=True)):
        yield from r68.jsonl_texts(p)


def select(att, ben):
    texts = [list(earlier_texts()), prior_source_texts(), list(tree_texts())]
    print("index sizes:", [len(t) for t in texts])
    idx = [r65.index(t) for t in texts]
    sh = set()
    for t in (x for ts in texts for x in ts):
        sh |= shingles(t)
    print(f"overlap index: {len(sh)} sampled shingles")
    kept, seen, stats = [], set(), {}
    for label, rows in ((1, att), (0, ben)):
        for text, grp in rows:
            st = stats.setdefault(f"{label}/{grp.split('/')[0]}", [0, 0, 0, 0, 0, 0])
            st[0] += 1
            n = norm(text)
            if not n or n in seen:
                st[1] += 1
                continue
            seen.add(n)
            hit = next((i for i, x in enumerate(idx) if r64.seen_before(text, x)), None)
            if hit is None and r74.overlaps(text, sh):
                hit = 3
            if hit is None:
                kept.append((text, label, grp))
            else:
                st[2 + hit] += 1
    for k, (tot, dup, o, p, t, ov) in sorted(stats.items()):
        print(f"label/source {k}: {tot} read, {dup} duplicate or empty, {o} seen in an earlier set, "
              f"{p} in an earlier round's source, {t} in the tree's committed data, "
              f"{ov} overlapping earlier text (>= {OVERLAP:.0%} of its sampled 8-grams), "
              f"{tot - dup - o - p - t - ov} kept")
    return cap(kept)


def cap(kept):
    att = [k for k in kept if k[1] == 1]
    by = {}
    for k in att:
        by.setdefault(AUTHOR[k[2].split("/")[0]], []).append(k)
    drop = set()
    for src, items in sorted(by.items()):
        rest = len(att) - len(items)
        limit = int(CAP * rest / (1 - CAP))  # largest n with n / (n + rest) <= CAP
        if len(items) > limit:
            order = sorted(items, key=lambda k: h(f"cap{ROUND}" + k[0]))
            drop.update(norm(k[0]) for k in order[limit:])
            print(f"cap: {src} {len(items)} -> {limit} of {limit + rest} attacks")
    return [k for k in kept if not (k[1] == 1 and norm(k[0]) in drop)]


def embed(kind, docs, text):
    for i in range(len(docs)):  # the next carrier if a JSON carrier has no string value
        doc = docs[(h(kind + str(ROUND) + text) + i) % len(docs)]
        out = in_json(doc, text) if kind == "json" else r64.place(doc, text, text)
        if out is not None:
            return out
    raise ValueError("no carrier took the text")


def in_json(doc, text):
    obj = json.loads(doc)
    o = r64.inject(obj, text, text, r64.SEPS[h(f"sep{ROUND}" + text) % len(r64.SEPS)])
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
    ts_att, ts_ben = taksec()
    wz_att, wz_ben = wuzzi()
    yz_att, yz_ben = prompt_extraction()
    att = (gptfuzz() + hwchase() + ts_att + safetorun() + anthena() + wz_att + uptrain() + guardrails()
           + cipherchat() + deepinception() + yz_att)
    sl_prompts, sl_docs = scottlogic()
    kept = select(att, sl_prompts + ts_ben + sl_docs + valhall() + wz_ben + yz_ben)
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
            doc.append({"text": embed(kind, docs, text), "label": label,
                        "category": f"{pre}/{kind}/{grp}", "id": f"{kind[0]}{i:04d}"})
    for kind, docs in cs.items():
        doc += [{"text": d, "label": 0, "category": f"clean/carrier/{kind}", "id": f"c{kind[0]}{j:03d}"}
                for j, d in enumerate(docs)]
    write(f"r{ROUND}_bare", bare)
    write(f"r{ROUND}_doc", doc)


if __name__ == "__main__":
    main()
