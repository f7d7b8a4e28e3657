#!/usr/bin/env python3
"""Round 102: fresh recall on attack texts by owners never used in any round (r102an/README.md).
Measurement only; round 92's method unchanged (bare view, doc view with round 64's carriers, round 78's
freshness filter widened to round 92's sources and to every earlier set under /tmp, per-owner cap 25%,
sha256 order, salt "cap102"; carrier placement salt "102"). No source labels a benign text of its own
that is fit for use, so there are no benign rows: false positives come from the carriers alone.

Deterministic: every source item is kept unless it is a duplicate, was seen before, is left out by a
labelling rule written here, or is dropped by the owner cap (picked by sha256, no RNG). Repository code is
never run: Python files and notebook code cells are parsed with ast and only string constants, f-strings
(fields kept as written, "{name}"), `.strip()` on a constant and `NAME.replace(const, const)` on a name
bound to a string are evaluated; markdown is read line by line; JSON and JSONL with json.
Every file read is pinned by commit and by sha256 (FILES below); a mismatch stops the build.

Sources (bare mirrors from the fetch tool, pinned by commit; nothing copied into the repository):
  TQ  terjanq/hack-a-prompt@TQ_COMMIT (MIT, LICENSE "Copyright (c) 2023 terjanq"; HackAPrompt 2023, the
      team that placed first in the Flan-only and second in the all-models board; human commits May-Oct
      2023). README.md: every ``` block under "## Our prompts" (the final prompts, one per level and
      model: "### GPT-3.5 Turbo", "### FlanT5-XXL"). STRATEGY.md: the "prompt" value of every level in the
      three ```json submission blocks (their earlier submissions; the blocks carry trailing commas, so each
      "prompt": "..." string is read with a regular expression and decoded as a JSON string) and the
      un-tagged ``` block (the level-9 context-overflow prompt, the same text as README's). Category
      tq/hackaprompt_{gpt35|flant5} from the heading or the block's "model" value. Not used: data/*.json and
      public/data/*.json (22,000 playground submissions, largely produced by the team's brute-force tools),
      flan-bruteforce/* (generated), the inline `code` spans of the prose (they repeat block prompts).
  CP  compass-ctf-team/prompt_injection_research@CP_COMMIT (MIT, LICENSE "Copyright (c) 2023 Enderaoe";
      Chinese CTF team, June 2023). article/prompt injection experiment.md: every ``` block between the
      heading "#### 攻击策略" (attack strategies) and "#### 防御策略" (defence strategies), typed by the
      author's "#####" heading (and, under 文本截断, the "######" sub-heading), translated by CP_TYPES:
      category cp/{type}_zh. Not used: attack.csv (the same texts, one of them reworded), the model-output
      tables under data/, the English column of data/format_interactive_attack.csv (a translation), and
      dataset/*.csv (copies of public datasets, deepset's among them).
  CK  cakiki/govtech-24-ctf-writeup@CK_COMMIT (MIT, LICENSE "Copyright (c) 2024 Team Team"; the team's
      write-up of the GovTech 2024 AI CTF on Crucible, November 2024, human commits by three members).
      The string sent to the model in the LLM challenges the team solved with prompt text: every
      `prompt = ...` of the code cells of prelims/extractor1.ipynb, prelims/extractor2.ipynb,
      finals/probe1.ipynb, finals/probe2.ipynb and finals/turtle.ipynb (a later `prompt =
      prompt.replace(a, b)` in the same cell is applied to the value it rewrites: that is what was sent),
      and the ``` block of prelims/FRAGile.md. Category ck/{challenge}. Not used: miner.ipynb (its two
      prompts are a reconnaissance question and a plain request to a hidden chat reached through a JSON
      key), fiftycats.ipynb (an image-generation prompt) and the non-LLM challenges.
  JL  JohnSnowLabs/langtest@JL_COMMIT (Apache-2.0, LICENSE; John Snow Labs, the curated set added in
      August 2023, standardised in November 2023). langtest/data/Prompt-Injection-Attack/test.jsonl: the
      rows that frame the request as a dialogue to be continued (>= 2 lines that open with a speaker label
      "Name:" or "Name 1:"): category jl/prompt_injection_attack. Left out: the bare harmful questions and
      the one framing sentence without speaker turns (no attack on the model's instructions), and the rows
      written as markdown bullet dialogues ("* **Person 1:**", "* User:"), which read as pasted model output.
      The older langtest/data/security/prompt-injection-attack.jsonl (deepset's rows) is not at this commit.
  CF  ianarawjo/ChainForge@CF_COMMIT (MIT, LICENSE.md "Copyright (c) 2023 Ian Arawjo"; example flow of
      May-July 2023). chainforge/examples/prompt-injection-test.cforge: the values of the text-fields node
      that fills the prompt template's {input} (the other text-fields node holds the five tasks):
      category cf/prompt_injection_test.
  BR  bmritz/indypy-talk-20230508@BR_COMMIT (MIT, LICENSE "Copyright (c) 2023 Brian Ritz"; IndyPy talk,
      May 2023). src/indypy_talk_20230508/prompt_injection_demo.py: the string arguments of the
      `pandas_ai.run(...)` calls that the module docstring presents as the injection (the calls whose
      string contains "Ignore all previous instructions"; the first call is the ordinary question):
      category br/prompt_injection_demo. Not used: prompt_injection_mitigation.py's pirate text (quoted
      from Simon Willison's post, as its docstring says).
  TE  tml-epfl/llm-adaptive-attacks@TE_COMMIT (MIT, LICENSE "Copyright (c) 2024 Maksym Andriushchenko";
      Andriushchenko, Croce, Flammarion, "Jailbreaking leading safety-aligned LLMs with simple adaptive
      attacks", 2024). prompts.py, get_universal_manual_prompt: the f-strings returned for the templates
      'refined_best' (also 'best_llama2') and 'refined_best_simplified', fields kept as written
      ("{target_str}", "{goal}"): category te/manual_prompt. Left out: 'icl_one_shot' (the authors' comment:
      "obtained from Vicuna", a model's output) and 'claude' (under the same comment; the rules text again).
      The adversarial suffixes of jailbreak_artifacts/ are produced by random search, not written.
Owner cap, freshness, dedup, carriers: round 92's (build_fresh_r92.py), with this round's names.
Round 84's two transcribed sources (/tmp/r84/src/) are accepted by the sums round 91 recorded (R84_COPIES).
Freshness: a text is dropped if its normalised form occurs in any eval or training JSONL under /tmp
from earlier rounds (inj-eval, inj-train, inj<N> and r<N> for N < 102, as present when built), in any text
of the sources of rounds 64-92 (all of round 92's sources as read, and through them round 91's and the
older chain, Pangea's own rows, round 19's jailbreak_llms files), or in a JSONL committed in the tree at
HEAD: substring for >= 40 chars, whole item or line below; or if >= OVERLAP of its sampled word 8-grams
occur in any of those texts. Duplicates inside this round are kept once (first source wins, in the order
read: TQ, CP, CK, JL, CF, BR, TE).

Sets (/tmp/r102/sets): r102_bare.jsonl and r102_doc.jsonl (round 84's layout). Categories:
inj/{bare|KIND}/{tq|cp|ck|jl|cf|br|te}/{type}; clean/carrier/{KIND}.

Usage: build_fresh_r102.py [--list] [--out DIR]   (--list: read the sources and print counts only)
"""
import ast, collections, hashlib, json, os, re, subprocess, sys

sys.path.insert(0, "/work/main/scripts/peer-eval/injection")
for _r in ("r78an", "r80an", "r84an", "r86an", "r90an", "r91an", "r92an"):
    sys.path.insert(0, "/work/main/scripts/peer-eval/injection/" + _r)

M = "/work/.mirror/"
TQ = (M + "terjanq+hack-a-prompt/repo", "233df6291aa81721f9194ed7f9538d55e7aee930")
CP = (M + "compass-ctf-team+prompt_injection_research/repo", "6e6849da6ecd38ec9679514f942ec56bb51c13a8")
CK = (M + "cakiki+govtech-24-ctf-writeup/repo", "af9802e2ec3e694c524625e318662f4073e4f1a6")
JL = (M + "JohnSnowLabs+langtest/repo", "c528cbab5e098ed25c0b11d5c9a589a408c61e12")
CF = (M + "ianarawjo+ChainForge/repo", "7f1f9e7dbd3cb1d76ce26902787fc6f675cd21ad")
BR = (M + "bmritz+indypy-talk-20230508/repo", "93313a3cca44b6cc2d01c946c0c8e678ab4a3dcb")
TE = (M + "tml-epfl+llm-adaptive-attacks/repo", "7787faaf8b6fdd56e63ec320d5568bd3e35c48c0")
FILES = {  # sha256 of every file read (and of each licence), checked before anything is parsed
    ("terjanq+hack-a-prompt", "README.md"): "0e157bd731826c8a5a77d3947b67a9e2260cddf1fde0a4085efb8f9ed0667488",
    ("terjanq+hack-a-prompt", "STRATEGY.md"): "a91a46c15bef8772f3f4bb5d9af20f4406b57e5b0840e9d69537d67979e040ca",
    ("terjanq+hack-a-prompt", "LICENSE"): "2608441914550cfc1d0c096742c77b94b4122c8888105fe51f232c98e4e1e3e8",
    ("compass-ctf-team+prompt_injection_research", "article/prompt injection experiment.md"): "c494399c7aedcb7f633ee2a47d8a26376b6ce61503bedbc1630cadaeeafeb91d",
    ("compass-ctf-team+prompt_injection_research", "LICENSE"): "4a3b34c5f5ef492cc33ea320abfab93b2fef79ece348f8380149e9c8db1dde8c",
    ("cakiki+govtech-24-ctf-writeup", "prelims/FRAGile.md"): "710271698ec48e5f7a1be41c4f4da32463c0d1b118cbbeafc696a5a7aa94800d",
    ("cakiki+govtech-24-ctf-writeup", "LICENSE"): "29b0ec28a4caa1d1d97fb63ed701d35a41d0488dff695af332a9a0403393f1fb",
    ("cakiki+govtech-24-ctf-writeup", "prelims/extractor1.ipynb"): "bc39da3d1735f664efc44bff3ab6a0fadcbea07b32b9964f89ba5959e6177d6a",
    ("cakiki+govtech-24-ctf-writeup", "prelims/extractor2.ipynb"): "46f129b46c5b856e2b3cdd50c93a5341cfd5339487b90e35d4400e46d8903ff4",
    ("cakiki+govtech-24-ctf-writeup", "finals/probe1.ipynb"): "ca9b97df225a8f71686a77519c012668cc8fc3877c0f0ee200bcaa6bfddbdc26",
    ("cakiki+govtech-24-ctf-writeup", "finals/probe2.ipynb"): "0f496648d6e8c35f215edfa5fba20f0f8bf1dfc9921c8f00de7fd23d93284b8b",
    ("cakiki+govtech-24-ctf-writeup", "finals/turtle.ipynb"): "8bdc2d723f2e46802cb33487dbf2f3d33f85dc9b03c6e87de2844aafed65f8bb",
    ("JohnSnowLabs+langtest", "langtest/data/Prompt-Injection-Attack/test.jsonl"): "ba58017b4bbf2558491f6b7811b833034ddf64cabcaae2b80062a4b419472ef5",
    ("JohnSnowLabs+langtest", "LICENSE"): "c71d239df91726fc519c6eb72d318ec65820627232b2f796219e87dcf35d0ab4",
    ("ianarawjo+ChainForge", "chainforge/examples/prompt-injection-test.cforge"): "38ccd697fa4f0ebf85f8c26fca3c8061eae25c459d9ce6a341850d85258b2bae",
    ("ianarawjo+ChainForge", "LICENSE.md"): "ecfadf85c25c187eff6a1637323805c0b149525670009a4ef300faf6203c8b46",
    ("bmritz+indypy-talk-20230508", "src/indypy_talk_20230508/prompt_injection_demo.py"): "a0db484294c361e4da6cf296d2426abef8dbc2df691e427d24bcb32906da0036",
    ("bmritz+indypy-talk-20230508", "LICENSE"): "80c87aed67e15e005ab49752f6bc21ebe2cf6fec99b3c4b5f26363c6f6de3147",
    ("tml-epfl+llm-adaptive-attacks", "prompts.py"): "35cd0f8902febeca0a9423d65c4addf7062b5ce41c010b3b0bccf7d86382d8ce",
    ("tml-epfl+llm-adaptive-attacks", "LICENSE"): "a04f52f1576bf6aaae50d40f500b2f77fcbb1598fc3364d8a8d38dfc719582db",
}
R84_COPIES = {"DK_SHA": "84746ae79716442db04df69b9dade78bee661b8524e87da27ece15cf7559ba62",
              "LC_SHA": "3a350f1e4c04b2ba9360710924c536093950cac1a36e52ce495bf3f25f9ccf58"}
TREE = ("/work/main/.git", None)  # filled in main(): HEAD when this set was frozen (recorded in README.md)
OUT = "/tmp/r102/sets"
CAP = 0.25
ROUND = 102
CP_TYPES = {  # the author's attack-strategy headings, translated
    "实验环境模拟": "test_environment_simulation", "程序模拟": "program_simulation", "梦境模拟": "dream_simulation",
    "直接攻击": "direct_attack", "身份扮演": "identity_roleplay", "编码混淆": "encoding_obfuscation",
    "文本截断": "text_truncation", "权限提升": "privilege_escalation", "逻辑推理": "logical_reasoning",
    "翻译器": "translator", "检测器": "detector", "概要器": "summariser"}
CK_NOTEBOOKS = (("prelims/extractor1.ipynb", "extractor"), ("prelims/extractor2.ipynb", "extractor"),
                ("finals/probe1.ipynb", "probe"), ("finals/probe2.ipynb", "probe"),
                ("finals/turtle.ipynb", "turtle"))
JL_SPEAKER = re.compile(r"^\W*[A-Z][A-Za-z]*( [A-Z0-9][A-Za-z0-9]*)?:", re.M)
JL_BULLET = re.compile(r"^\s*\* (\*\*)?[A-Z][A-Za-z]*( \d)?:?(\*\*)?:?", re.M)
BR_MARK = "Ignore all previous instructions"
TE_TEMPLATES = ("refined_best", "refined_best_simplified")
LANG_CODES = ("zh",)


def lang_of(src_type):
    """Language of a category "src/type": the type's last "_" part if it is a language code, else en."""
    tail = src_type.rsplit("_", 1)[-1]
    return tail if "_" in src_type and tail in LANG_CODES else "en"


def raw(src, path):
    return subprocess.run(["git", "--git-dir", src[0], "show", f"{src[1]}:{path}"],
                          capture_output=True, check=True).stdout


def show(src, path):
    data = raw(src, path)
    want = FILES.get((src[0].split("/")[-2], path))
    got = hashlib.sha256(data).hexdigest()
    if want != got:
        raise ValueError(f"{src[0]}:{path}: sha256 {got}, pinned {want}")
    return data.decode("utf-8")


def slug(s):
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")


def blocks(text):
    """(info string, body) of every fenced ``` block of a markdown text, read line by line in order."""
    out, info, buf = [], None, []
    for line in text.splitlines():
        if info is None:
            if line.startswith("```"):
                info, buf = line[3:].strip(), []
        elif line.strip() == "```":
            out.append((info, "\n".join(buf)))
            info = None
        else:
            buf.append(line)
    if info is not None:
        raise ValueError("unclosed ``` block")
    return out


def fenced(text, lang=""):
    """The bodies of the ```LANG blocks of a markdown text (untagged blocks when lang is "")."""
    return [b for i, b in blocks(text) if i == lang]


# --- TQ: terjanq's HackAPrompt prompts --------------------------------------------------------------------

def tq_model(s):
    s = s.lower()
    return "gpt35" if "gpt" in s else "flant5" if "flan" in s else None


def terjanq():
    att = []
    readme = show(TQ, "README.md")
    ours = readme.split("\n## Our prompts", 1)[1]
    model = None
    for part in re.split(r"^(### .*)$", ours, flags=re.M):
        if part.startswith("### "):
            model = tq_model(part)
            continue
        for b in fenced(part):
            att.append((b.strip(), f"tq/hackaprompt_{model}"))
    n_readme = len(att)
    strategy = show(TQ, "STRATEGY.md")
    for b in fenced(strategy, "json"):
        for m in re.finditer(r'"prompt":\s*("(?:[^"\\]|\\.)*")\s*,\s*"model":\s*("(?:[^"\\]|\\.)*")', b):
            att.append((json.loads(m.group(1)).strip(), f"tq/hackaprompt_{tq_model(json.loads(m.group(2)))}"))
    plain = [b for b in fenced(strategy) if b.strip()]
    if len(plain) != 1:
        raise ValueError("tq: expected one plain block in STRATEGY.md")
    att.append((plain[0].strip(), "tq/hackaprompt_gpt35"))  # the level-9 prompt; README's block, again
    if any(g.endswith("_None") for _, g in att):
        raise ValueError("tq: a block without a model")
    print(f"tq: {len(att)} attacks ({n_readme} from README.md, {len(att) - n_readme} from STRATEGY.md)")
    return att


# --- CP: compass-ctf-team's attack strategies (Chinese) -----------------------------------------------------

def compass():
    text = show(CP, "article/prompt injection experiment.md")
    part = text.split("#### 攻击策略", 1)[1].split("#### 防御策略", 1)[0]
    att, head, sub = [], None, None
    lines, i = part.splitlines(), 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("###### "):
            sub = line[7:].strip()
        elif line.startswith("##### "):
            head, sub = line[6:].strip(), None
        elif line.startswith("```"):
            j = next(k for k in range(i + 1, len(lines)) if lines[k].startswith("```"))
            typ = CP_TYPES[head] + (f"_{CP_TYPES[sub]}" if sub else "")
            att.append(("\n".join(lines[i + 1:j]).strip(), f"cp/{typ}_zh"))
            i = j
        i += 1
    print(f"cp: {len(att)} attacks")
    return att


# --- CK: the GovTech 2024 CTF team's prompts (notebooks, one markdown page) --------------------------------

def const_str(node, env):
    """A string constant, an f-string (fields kept as "{expr}"), CONST.strip() or NAME.replace(c, c)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(p.value if isinstance(p, ast.Constant) else "{" + ast.unparse(p.value) + "}"
                       for p in node.values)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr == "strip" and not node.args:
            return const_str(node.func.value, env).strip()
        if node.func.attr == "replace" and isinstance(node.func.value, ast.Name) and len(node.args) == 2:
            a, b = (const_str(x, env) for x in node.args)
            return env[node.func.value.id].replace(a, b)
    raise ValueError(f"unsupported expression {ast.dump(node)[:80]}")


def cakiki():
    att = []
    for path, challenge in CK_NOTEBOOKS:
        n0 = len(att)
        for cell in json.loads(show(CK, path))["cells"]:
            if cell["cell_type"] != "code":
                continue
            src = "".join(cell["source"])
            if not re.search(r"^prompt\s*=", src, re.M):
                continue
            env, sent = {}, []
            for st in ast.parse("\n".join(l for l in src.splitlines() if not l.startswith(("!", "%")))).body:
                if isinstance(st, ast.Assign) and getattr(st.targets[0], "id", None) == "prompt":
                    v = const_str(st.value, env)
                    if isinstance(st.value, ast.Call) and st.value.func.attr == "replace":
                        sent[-1] = v  # the rewrite of the value just assigned: that is what was sent
                    else:
                        sent.append(v)
                    env["prompt"] = v
            att += [(s.strip(), f"ck/{challenge}") for s in sent]
        if len(att) == n0:
            raise ValueError(f"ck: no prompt in {path}")
    blocks = fenced(show(CK, "prelims/FRAGile.md"))
    if len(blocks) != 1:
        raise ValueError("ck: expected one block in FRAGile.md")
    att.append((blocks[0].strip(), "ck/fragile"))
    print(f"ck: {len(att)} attacks")
    return att


# --- JL: John Snow Labs' curated prompt-injection rows ------------------------------------------------------

def langtest():
    att, n = [], 0
    for line in show(JL, "langtest/data/Prompt-Injection-Attack/test.jsonl").splitlines():
        if not line.strip():
            continue
        n += 1
        text = json.loads(line)["text"].replace("_x000D_", "").strip().strip('"').strip()
        if JL_BULLET.search(text):
            continue  # a markdown bullet dialogue: reads as pasted model output
        if len(JL_SPEAKER.findall(text)) >= 2:
            att.append((text, "jl/prompt_injection_attack"))
    print(f"jl: {len(att)} attacks of {n} rows")
    return att


# --- CF: ChainForge's prompt-injection example flow --------------------------------------------------------

def chainforge():
    flow = json.loads(show(CF, "chainforge/examples/prompt-injection-test.cforge"))["flow"]
    nodes = {n["id"]: n for n in flow["nodes"]}
    att = []
    for e in flow["edges"]:  # some edges name nodes no longer in the flow (removed evaluators): skipped
        src, dst = nodes.get(e["source"]), nodes.get(e["target"])
        if src and dst and src["type"] == "textfields" and dst["type"] == "prompt" \
                and e.get("targetHandle") == "input":
            att += [(v.strip(), "cf/prompt_injection_test") for _, v in sorted(src["data"]["fields"].items())]
    if not att:
        raise ValueError("cf: no text-fields node feeds {input}")
    print(f"cf: {len(att)} attacks")
    return att


# --- BR: Brian Ritz's IndyPy demo --------------------------------------------------------------------------

def bmritz():
    att = []
    for n in ast.walk(ast.parse(show(BR, "src/indypy_talk_20230508/prompt_injection_demo.py"))):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "run" \
                and getattr(n.func.value, "id", None) == "pandas_ai" and len(n.args) >= 2:
            arg = n.args[1]
            parts = arg.elts if isinstance(arg, ast.Tuple) else [arg]  # ("a" "b",): a one-string tuple
            text = "".join(const_str(p, {}) for p in parts)
            if BR_MARK in text:
                att.append((text.strip(), "br/prompt_injection_demo"))
    print(f"br: {len(att)} attacks")
    return att


# --- TE: Andriushchenko et al.'s manual jailbreak template --------------------------------------------------

def tml_epfl():
    att = []
    for f in ast.parse(show(TE, "prompts.py")).body:
        if not (isinstance(f, ast.FunctionDef) and f.name == "get_universal_manual_prompt"):
            continue
        node = f.body[0]
        while isinstance(node, ast.If):
            names = [e.value for e in (node.test.comparators[0].elts if isinstance(node.test.comparators[0],
                                                                                   (ast.List, ast.Tuple))
                                       else [node.test.comparators[0]])]
            if any(x in TE_TEMPLATES for x in names):
                ret = node.body[-1]
                att.append((const_str(ret.value, {}).strip(), "te/manual_prompt"))
            node = node.orelse[0] if node.orelse else None
    if len(att) != len(TE_TEMPLATES):
        raise ValueError(f"te: {len(att)} templates found")
    print(f"te: {len(att)} attacks")
    return att


def sources():
    att = terjanq() + compass() + cakiki() + langtest() + chainforge() + bmritz() + tml_epfl()
    return att, []


# --- freshness, cap, sets (round 92's code with this round's names) -----------------------------------

def prior_source_texts():
    """Round 92's list (rounds 64-91 and jailbreak_llms) plus every text of round 92's sources as read."""
    import build_fresh_r92 as r92
    out = R92_PRIOR()
    att, ben = r92.sources()
    out += [t for t, _ in att + ben]
    return out


def pin_files():
    """Print the FILES table for the files this builder reads (used once, when the sources were chosen)."""
    reads = [(TQ, "README.md"), (TQ, "STRATEGY.md"), (TQ, "LICENSE"),
             (CP, "article/prompt injection experiment.md"), (CP, "LICENSE"),
             (CK, "prelims/FRAGile.md"), (CK, "LICENSE")] + [(CK, p) for p, _ in CK_NOTEBOOKS] + [
            (JL, "langtest/data/Prompt-Injection-Attack/test.jsonl"), (JL, "LICENSE"),
            (CF, "chainforge/examples/prompt-injection-test.cforge"), (CF, "LICENSE.md"),
            (BR, "src/indypy_talk_20230508/prompt_injection_demo.py"), (BR, "LICENSE"),
            (TE, "prompts.py"), (TE, "LICENSE")]
    for src, path in reads:
        print(f'    ("{src[0].split("/")[-2]}", "{path}"): "{hashlib.sha256(raw(src, path)).hexdigest()}",')


def main():
    if "--pin" in sys.argv:
        pin_files()
        return
    for src, path in FILES:  # every pinned file, licences included, before anything is parsed
        show((M + src + "/repo", dict((s[0].split("/")[-2], s[1]) for s in (TQ, CP, CK, JL, CF, BR, TE))[src]),
             path)
    if "--list" in sys.argv:
        att, ben = sources()
        print("attacks", len(att), "benign", len(ben), collections.Counter(g.split("/")[0] for _, g in att))
        print("by type", sorted(collections.Counter(g for _, g in att).items()))
        return
    global OUT, R92_PRIOR
    if "--out" in sys.argv:
        OUT = sys.argv[sys.argv.index("--out") + 1]
    import build_fresh_r78 as r78
    import build_fresh_r80 as r80
    import build_fresh_r84 as r84
    import build_fresh_r86 as r86
    import build_fresh_r90 as r90
    import build_fresh_r91 as r91
    import build_fresh_r92 as r92
    import build_fresh_r64 as r64
    head = subprocess.run(["git", "-C", "/work/main", "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()
    r78.TREE = (TREE[0], head)
    r78.ROUND = ROUND
    r78.OUT = OUT
    r78.CAP = CAP
    r78.AUTHOR = {k: k for k in ("tq", "cp", "ck", "jl", "cf", "br", "te")}
    r80.R78_PRIOR = r78.prior_source_texts  # round 80's list chains round 78's
    r84.R80_PRIOR = r80.prior_source_texts  # round 84's list chains round 80's
    r86.R84_PRIOR = r84.prior_source_texts  # round 86's list chains round 84's
    for k, v in R84_COPIES.items():  # round 84's two transcriptions as re-made by session 17's rebuild
        setattr(r84, k, v)
    r90.R86_PRIOR = r86.prior_source_texts  # round 90's list chains round 86's
    r91.R90_PRIOR = r90.prior_source_texts  # round 91's list chains round 90's
    r92.R91_PRIOR = r91.prior_source_texts  # round 92's list chains round 91's
    R92_PRIOR = r92.prior_source_texts
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
