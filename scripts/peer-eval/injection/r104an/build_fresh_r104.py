#!/usr/bin/env python3
"""Round 104: fresh recall on attack texts by owners never used in any round (r104an/README.md).
Measurement only; round 102's method unchanged (bare view, doc view with round 64's carriers, round 78's
freshness filter widened to round 102's sources and to every earlier set under /tmp, per-owner cap 25%,
sha256 order, salt "cap104"; carrier placement salt "104"). Unlike round 102, four sources label benign
texts of their own that fit (untrusted content, user prompts, tool descriptions and results): they are
kept as benign rows (round 78's and round 90's way), each source's benign rows as one clean group.

Deterministic: every source item is kept unless it is a duplicate, was seen before, is left out by a
labelling rule written here, or is dropped by the owner cap (picked by sha256, no RNG). Repository code is
never run: Python files are parsed with ast and only literals (ast.literal_eval of an assigned literal) and
docstrings are read; JavaScript is read with one regular expression per tool object (name, then the
double-quoted description string, decoded as a JSON string); YAML with yaml.safe_load; JSON and JSONL with
json; plain text files as they are. Every file read is pinned by commit and by sha256 (FILES below); a
mismatch stops the build.

Sources (bare mirrors from the fetch tool, pinned by commit; nothing copied into the repository):
  XP  X-PG13/agent-security-sandbox@XP_COMMIT (MIT, LICENSE "Copyright (c) 2024 ASB Team"; Yifan Zhao's
      Agent Security Sandbox benchmark of indirect prompt injection against tool-using agents). Pinned at
      the v0.2.0 commit of 2 March 2026 (235 cases), before the April "Phase 2" expansion that
      data/DATASHEET.md says was "generated using GPT-4o with human review"; the datasheet calls the
      Phase 1 cases "manually authored". data/full_benchmark/attack_{adaptive,dos,escalation,
      exfiltration,hijacking,multistep,social}.jsonl: the "untrusted_content" of every row (the e-mail
      body, file content, search result, calendar event or API response that carries the injection):
      category xp/{attack_type} (the row's own field). Benign (xp-benign): the non-empty
      "untrusted_content" of data/full_benchmark/benign_with_content.jsonl and benign_edge_cases.jsonl
      (rows whose "type" is "benign"). Not used: benign_basic.jsonl and benign_multi_tool.jsonl (no
      untrusted content), data/mini_benchmark/ (the smaller earlier set), and everything after v0.2.0.
  RB  rb81/prompt-hacking-classifier@RB_COMMIT (MIT, LICENSE "Copyright (c) 2024 Rakan Brahedni"; a
      prompt-hacking classifier prompt, human commits June-October 2024). test-cases/test_cases-v2.json:
      every "statement" with "expected_classification": "true" (the author's prompt-hacking attempts:
      system-prompt and training-data extraction, instruction override, claimed authority and clearance):
      category rb/prompt_hacking. Benign (rb-benign): every statement labelled "false". Pinned at the last
      2024 commit, before the June 2026 overhaul. Not used: examples/*.txt (the classifier prompt's
      few-shot examples) and the fine-tuning JSONL.
  AT  ArindamTripathi619/prompt-injection-experiments@AT_COMMIT (MIT, LICENSE "Copyright (c) 2025 Arindam
      Tripathi, Arghya Bose, Arghya Paul"; a layered-defence study, December 2025-April 2026, human
      commits by three authors). data/attack_prompts.py: the dict ATTACK_PROMPTS (read with
      ast.literal_eval): the "text" of every entry, category at/{type}. Left out: the entries whose
      "source" is "classic" (the authors mark them as taken from the literature, not written by them) and
      the first step of each multi-turn pair (keys ending "_step1": a harmless opener, the attack is the
      second step). Benign (at-benign): the "text" of every entry of BENIGN_PROMPTS.
  AR  aryanrasiwasia1818/Warden-MCP-security@AR_COMMIT (Apache-2.0, LICENSE; an MCP security proxy's
      benchmark corpus, uploaded 3 July 2026; no relation to this project beyond the name).
      src/warden/benchmark/corpus/tool_poisoning.yaml and advanced_evasion.yaml: the tool descriptor's
      "description" of every case; prompt_injection.yaml: the tool "result" of every case (injections in
      tool output). Category ar/{category} (the case's own field); the one case the author names
      "Non-English (French) ..." gets the suffix _fr. Every case expects "block" or "flag". Benign
      (ar-benign): benign.yaml, the descriptor "description" or the "result" of every case that has one
      (the call-only cases carry no text). Not used: descriptor_tampering.yaml (attacks by swapping a
      descriptor after approval: the text alone is not the attack), least_privilege.yaml and
      behavioral.yaml (tool calls and call sequences, no text).
  FA  Freedomamiss/LLM_Prompt_Injection_Tester@FA_COMMIT (MIT, LICENSE "Copyright (c) 2026 Aaron
      Ballinger"; a prompt-injection tester, July 2026). src/prompts.py: the list TEST_CASES (read with
      ast.literal_eval): every "prompt" as written (a simulated system instruction, a fake secret, then the
      user's attack), category fa/{category} (the case's own field, as a slug).
  JW  junwenleong/stateful-agent-security-eval@JW_COMMIT (MIT, LICENSE "Copyright (c) 2026 Jun Wen Leong";
      persistent-memory attacks on LLM agents, April-July 2026). data/attacks/*.txt: the planted RAG
      documents that order the agent to store a standing e-mail routing rule or a monitoring endpoint in
      memory and forward mail to an outside address (JW_FILES): category jw/{file stem}. Not used:
      data/attacks/sensitive_doc.txt (the victim's confidential document, no instruction).
  SK  skmahe1077/agentgateway-mcp-firewall@SK_COMMIT (MIT, LICENSE "Copyright (c) 2026 MCP Firewall
      Team"; an MCP tool firewall, March-April 2026). demo/malicious-mcp-server/server.js: the
      "description" of every tool object of TOOLS; the file's header says seven tools "contain various
      poisoning attacks" and one "is clean/safe" (format_text, the only one whose description gives no
      order): category sk/tool_poisoning, and the clean one sk-benign.
  EF  EricFinland/mcp-audit@EF_COMMIT (MIT, LICENSE "Copyright (c) 2026 Eric Catalano"; an MCP audit
      tool, June 2026). fixtures/evil_server.py: the docstring (ast.get_docstring) of every function
      decorated @mcp.tool(); the module docstring says the danger "lives only in the *descriptions* (the
      tool-poisoning vector) and one obvious command-injection sink": category ef/tool_poisoning. Left
      out: run_report (its docstring only notes the demo credential; its danger is the command sink).
Owner cap, freshness, dedup, carriers: round 102's (build_fresh_r102.py), with this round's names.
Round 84's two transcribed sources (/tmp/r84/src/) are accepted by the sums round 91 recorded (R84_COPIES).
Freshness: a text is dropped if its normalised form occurs in any eval or training JSONL under /tmp
from earlier rounds (inj-eval, inj-train, inj<N> and r<N> for N < 104, as present when built), in any text
of the sources of rounds 64-102 (all of round 102's sources as read, and through them round 92's and the
older chain, Pangea's own rows, round 19's jailbreak_llms files), or in a JSONL committed in the tree at
HEAD: substring for >= 40 chars, whole item or line below; or if >= OVERLAP of its sampled word 8-grams
occur in any of those texts. Duplicates inside this round are kept once (first source wins, in the order
read: XP, RB, AT, AR, FA, JW, SK, EF).

Sets (/tmp/r104/sets): r104_bare.jsonl and r104_doc.jsonl (round 84's layout). Categories:
inj/{bare|KIND}/{xp|rb|at|ar|fa|jw|sk|ef}/{type}; clean/{bare|KIND}/{xp|rb|at|ar|sk}-benign;
clean/carrier/{KIND}.

Usage: build_fresh_r104.py [--list] [--out DIR] [--pin]   (--list: read the sources and print counts only)
"""
import ast, collections, hashlib, json, os, re, subprocess, sys

import yaml

sys.path.insert(0, "/work/main/scripts/peer-eval/injection")
for _r in ("r78an", "r80an", "r84an", "r86an", "r90an", "r91an", "r92an", "r102an"):
    sys.path.insert(0, "/work/main/scripts/peer-eval/injection/" + _r)

M = "/work/.mirror/"
XP = (M + "X-PG13+agent-security-sandbox/repo", "a301d8de2c3eb1aef6c3a56524aee379397512db")
RB = (M + "rb81+prompt-hacking-classifier/repo", "de4e8b45c6b9f494bab3b9c997b977d5ffa2653a")
AT = (M + "ArindamTripathi619+prompt-injection-experiments/repo", "3046f651101f7c96cc3c14fcf965b0634f567312")
AR = (M + "aryanrasiwasia1818+Warden-MCP-security/repo", "db2f2273afcae14c5e71d2307fb92a16a5225ddf")
FA = (M + "Freedomamiss+LLM_Prompt_Injection_Tester/repo", "be950055257fbf3f6142fcacc7b2617a5334c8f4")
JW = (M + "junwenleong+stateful-agent-security-eval/repo", "cae87ea2cafd110b35e64d0c376f9772212fd124")
SK = (M + "skmahe1077+agentgateway-mcp-firewall/repo", "7731d0e2bb8e143f4fc6a33efaf82628b71e9823")
EF = (M + "EricFinland+mcp-audit/repo", "3b0f4314940a12d0de3db272017ad55edd80e4b6")
SOURCES = (XP, RB, AT, AR, FA, JW, SK, EF)
FILES = {  # sha256 of every file read (and of each licence), checked before anything is parsed
    ("X-PG13+agent-security-sandbox", "data/full_benchmark/attack_adaptive.jsonl"): "5978be3d3a66e8577c62910eacd732df309a419e1a051a73810dbdcb37c431f7",
    ("X-PG13+agent-security-sandbox", "data/full_benchmark/attack_dos.jsonl"): "4bc5a4aa54c664a61ac3528a6334de52c27343e51d7b740593b93d2a8eb2c93a",
    ("X-PG13+agent-security-sandbox", "data/full_benchmark/attack_escalation.jsonl"): "97cb6cc2ba6be28552258c2ae4e5bb02229f3916eb9b7c522e722708b008e241",
    ("X-PG13+agent-security-sandbox", "data/full_benchmark/attack_exfiltration.jsonl"): "c3176fa266d6b4a6eda1546c23c3748993d834a5485ffbee9f7a72696cc13fc2",
    ("X-PG13+agent-security-sandbox", "data/full_benchmark/attack_hijacking.jsonl"): "b26845d688fd6f0a6b8c7ffe077494c663b982da40d3087334b295d1d6131925",
    ("X-PG13+agent-security-sandbox", "data/full_benchmark/attack_multistep.jsonl"): "6c7fb53b752f6931a286e88a19e17ffc87ce0afb2884b9176d8d36bb2ff6df91",
    ("X-PG13+agent-security-sandbox", "data/full_benchmark/attack_social.jsonl"): "82a2bc8f4f9ce5dc886b2a98f26635423aedc1920d79e8efff7b9382f34aa147",
    ("X-PG13+agent-security-sandbox", "data/full_benchmark/benign_with_content.jsonl"): "bfd8fbab236bf782c96b929459a10fcc601e05ddcb77a9037a571c55035f77f8",
    ("X-PG13+agent-security-sandbox", "data/full_benchmark/benign_edge_cases.jsonl"): "5e48cfc2409010516ca67e61f3c205a69e666c8c4ced3bc4bf7441d3a125cd7a",
    ("rb81+prompt-hacking-classifier", "test-cases/test_cases-v2.json"): "e9c56f4ab74c9e916145c48deccd20f7afbfaa1be9dfe48a099d779c1e011216",
    ("ArindamTripathi619+prompt-injection-experiments", "data/attack_prompts.py"): "7f44db9da67bad53997f63f500e4d3c6021553b6ffc2b555dc8d9cba883a0ab2",
    ("aryanrasiwasia1818+Warden-MCP-security", "src/warden/benchmark/corpus/tool_poisoning.yaml"): "e71478ced32f378ecd5aef772c86fc88deb7548ce6384d8e4a0550f41f5976dd",
    ("aryanrasiwasia1818+Warden-MCP-security", "src/warden/benchmark/corpus/advanced_evasion.yaml"): "f15907e2ffe312cab982b987c63d4ebec5f67f707317e8c06c89604d49295aae",
    ("aryanrasiwasia1818+Warden-MCP-security", "src/warden/benchmark/corpus/prompt_injection.yaml"): "2cb4b8f6ff8b8ba140b07ce8bcee391bc858dc1bd4c9f4ce7aba0ccb0d2287a1",
    ("aryanrasiwasia1818+Warden-MCP-security", "src/warden/benchmark/corpus/benign.yaml"): "8002279133f55960a8a16d18dea371de4e1e6dce1773e2f6d6d979f437f468b2",
    ("Freedomamiss+LLM_Prompt_Injection_Tester", "src/prompts.py"): "5a598a0643c6b6e841f81511be102741196c616ce3385bd9afbda4d72400bd83",
    ("junwenleong+stateful-agent-security-eval", "data/attacks/malicious_doc.txt"): "42fee0e17416f04815d0af2b8181f53b8f720e714eda159b6df68df5ad9a1d8b",
    ("junwenleong+stateful-agent-security-eval", "data/attacks/malicious_doc_variant_b.txt"): "530ccd6856b041d20f575e6cea4bff6eccb675530e7d714cdd0c424cb5551067",
    ("junwenleong+stateful-agent-security-eval", "data/attacks/malicious_doc_variant_c.txt"): "b0f182eabbcae56ed236ad7c07259a9b3b48e8c0311dea46aa3e6deae233e4e8",
    ("junwenleong+stateful-agent-security-eval", "data/attacks/legal_hold_doc.txt"): "8b600ce8f1bdf631e3156b7d3619e7e87dd7e5ccb452638bf88863f7ff657d82",
    ("junwenleong+stateful-agent-security-eval", "data/attacks/it_security_doc.txt"): "ac82c874d882fe9a9658a1e1f8d240a08242e5810203131e798205d5aa3fd46a",
    ("junwenleong+stateful-agent-security-eval", "data/attacks/hr_policy_doc.txt"): "5c6d1cc9c198fdd3f6fa97dada18c9524424e2bede9e827286637bcba6f7cac5",
    ("junwenleong+stateful-agent-security-eval", "data/attacks/executive_order_doc.txt"): "31d960c3b3465f1fb101c55c99c9afaacf13d73add764e3687a175ccce1917f5",
    ("junwenleong+stateful-agent-security-eval", "data/attacks/monitoring_config.txt"): "28f2f50680873dba5a454d881153e6a5dd82f432e0dda40c3c4b78b97400e652",
    ("skmahe1077+agentgateway-mcp-firewall", "demo/malicious-mcp-server/server.js"): "4cea0eea065b8533a3832bc373aeff23001eac0fe0cdd079deae0a4b136e963f",
    ("EricFinland+mcp-audit", "fixtures/evil_server.py"): "c5c3b4a41e4aa841251977f4a070e9af01cd5f98e9ec1bfe9d98459910d51018",
    ("X-PG13+agent-security-sandbox", "LICENSE"): "7ec9bfc101b605e6fd0fce3bb40ecfb80a7b59f0f591ab72634e2a57d9d8d567",
    ("rb81+prompt-hacking-classifier", "LICENSE"): "03107a9962124de65d500af5418d7ed355a157a5783c42fffd47d964d0201b62",
    ("ArindamTripathi619+prompt-injection-experiments", "LICENSE"): "198be2efe222115e913cdd01b6b28de7ae36cfadab46f64115ff36fe2a014001",
    ("aryanrasiwasia1818+Warden-MCP-security", "LICENSE"): "b7170aad3ae3a013926916123edafdac19bf60eca3b4b21e8aa73b8d6ce9398a",
    ("Freedomamiss+LLM_Prompt_Injection_Tester", "LICENSE"): "c4be2173a04208439f3c4c581f6bd1e7b88087878ff542bf743745bf9ca607df",
    ("junwenleong+stateful-agent-security-eval", "LICENSE"): "db584bc624dac46db79de97ed21d9fedc38b21a15b211af1555c7178fc21d135",
    ("skmahe1077+agentgateway-mcp-firewall", "LICENSE"): "7a1b8fd97feec43fa70107969c47e4e9c6c71244c720a8fd38c0c19900003e26",
    ("EricFinland+mcp-audit", "LICENSE"): "61e4b827de34e9f884373b77163c6200e7d05f35284620113a80bdfa6fc88d12",
}
R84_COPIES = {"DK_SHA": "84746ae79716442db04df69b9dade78bee661b8524e87da27ece15cf7559ba62",
              "LC_SHA": "3a350f1e4c04b2ba9360710924c536093950cac1a36e52ce495bf3f25f9ccf58"}
TREE = ("/work/main/.git", None)  # filled in main(): HEAD when this set was frozen (recorded in README.md)
OUT = "/tmp/r104/sets"
CAP = 0.25
ROUND = 104
KEYS = ("xp", "rb", "at", "ar", "fa", "jw", "sk", "ef")
XP_ATTACK = tuple(f"data/full_benchmark/attack_{k}.jsonl" for k in
                  ("adaptive", "dos", "escalation", "exfiltration", "hijacking", "multistep", "social"))
XP_BENIGN = ("data/full_benchmark/benign_with_content.jsonl", "data/full_benchmark/benign_edge_cases.jsonl")
RB_FILE = "test-cases/test_cases-v2.json"
AT_FILE = "data/attack_prompts.py"
AR_DIR = "src/warden/benchmark/corpus/"
AR_ATTACK = (("tool_poisoning.yaml", "descriptor"), ("advanced_evasion.yaml", "descriptor"),
             ("prompt_injection.yaml", "result"))
AR_BENIGN = "benign.yaml"
FA_FILE = "src/prompts.py"
JW_FILES = tuple(f"data/attacks/{k}.txt" for k in
                 ("malicious_doc", "malicious_doc_variant_b", "malicious_doc_variant_c", "legal_hold_doc",
                  "it_security_doc", "hr_policy_doc", "executive_order_doc", "monitoring_config"))
SK_FILE = "demo/malicious-mcp-server/server.js"
SK_CLEAN = ("format_text",)  # the header's one "clean/safe" tool
SK_TOOL = re.compile(r'^    name: "([^"]+)",\n    description:\s*("(?:[^"\\]|\\.)*")', re.M)
EF_FILE = "fixtures/evil_server.py"
EF_NOT_POISON = ("run_report",)
LICENCES = {XP: "LICENSE", RB: "LICENSE", AT: "LICENSE", AR: "LICENSE", FA: "LICENSE", JW: "LICENSE",
            SK: "LICENSE", EF: "LICENSE"}
LANG_CODES = ("fr",)


def lang_of(src_type):
    """Language of a category "src/type": the type's last "_" part if it is a language code, else en."""
    tail = src_type.rsplit("_", 1)[-1]
    return tail if "_" in src_type and tail in LANG_CODES else "en"


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


def assigned_literal(text, target):
    """ast.literal_eval of the value assigned to the module-level name target (never executed)."""
    for n in ast.parse(text).body:
        if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", None) == target:
            return ast.literal_eval(n.value)
    raise ValueError(f"no literal assigned to {target}")


# --- XP: the Agent Security Sandbox benchmark (v0.2.0) -----------------------------------------------------

def sandbox():
    att, ben = [], []
    for path in XP_ATTACK:
        for line in show(XP, path).splitlines():
            if line.strip():
                row = json.loads(line)
                if row["type"] != "attack" or not (row.get("untrusted_content") or "").strip():
                    raise ValueError(f"xp: {path} {row['id']}: not an attack with content")
                att.append((row["untrusted_content"].strip(), f"xp/{row['attack_type']}"))
    for path in XP_BENIGN:
        for line in show(XP, path).splitlines():
            if line.strip():
                row = json.loads(line)
                if row["type"] == "benign" and (row.get("untrusted_content") or "").strip():
                    ben.append((row["untrusted_content"].strip(), "xp-benign"))
    print(f"xp: {len(att)} attacks, {len(ben)} benign")
    return att, ben


# --- RB: Rakan Brahedni's prompt-hacking test cases (2024) --------------------------------------------------

def prompt_hacking():
    att, ben = [], []
    for row in json.loads(show(RB, RB_FILE)):
        lab = row["expected_classification"]
        if lab not in ("true", "false"):
            raise ValueError(f"rb: label {lab!r}")
        (att if lab == "true" else ben).append(
            (row["statement"].strip(), "rb/prompt_hacking" if lab == "true" else "rb-benign"))
    print(f"rb: {len(att)} attacks, {len(ben)} benign")
    return att, ben


# --- AT: Tripathi, Bose and Paul's attack prompts -----------------------------------------------------------

def layered():
    text = show(AT, AT_FILE)
    att = []
    for key, row in assigned_literal(text, "ATTACK_PROMPTS").items():
        if row["source"] == "classic" or key.endswith("_step1"):
            continue
        att.append((row["text"].strip(), f"at/{row['type']}"))
    ben = [(row["text"].strip(), "at-benign") for row in assigned_literal(text, "BENIGN_PROMPTS").values()]
    print(f"at: {len(att)} attacks, {len(ben)} benign")
    return att, ben


# --- AR: the MCP proxy's benchmark corpus -------------------------------------------------------------------

def ar_text(case, kind):
    return (case.get("descriptor") or {}).get("description") if kind == "descriptor" else case.get("result")


def corpus():
    att, ben = [], []
    for fname, kind in AR_ATTACK:
        for case in yaml.safe_load(show(AR, AR_DIR + fname))["cases"]:
            text = ar_text(case, kind)
            if case["expect"] not in ("block", "flag") or not text:
                raise ValueError(f"ar: {case['id']}: not an attack with text")
            suffix = "_fr" if "(French)" in case["name"] else ""
            att.append((text.strip(), f"ar/{case['category']}{suffix}"))
    for case in yaml.safe_load(show(AR, AR_DIR + AR_BENIGN))["cases"]:
        if case["expect"] != "allow":
            raise ValueError(f"ar: {case['id']}: benign case not allowed")
        text = ar_text(case, "descriptor") or ar_text(case, "result")
        if text:
            ben.append((text.strip(), "ar-benign"))
    print(f"ar: {len(att)} attacks, {len(ben)} benign")
    return att, ben


# --- FA: Aaron Ballinger's tester -------------------------------------------------------------------------

def tester():
    att = [(row["prompt"].strip(), f"fa/{slug(row['category'])}")
           for row in assigned_literal(show(FA, FA_FILE), "TEST_CASES")]
    print(f"fa: {len(att)} attacks")
    return att


# --- JW: Jun Wen Leong's planted memory-poisoning documents -------------------------------------------------

def memory():
    att = [(show(JW, p).strip(), "jw/" + p.rsplit("/", 1)[1][:-4]) for p in JW_FILES]
    print(f"jw: {len(att)} attacks")
    return att


# --- SK: the MCP firewall's malicious demo server -----------------------------------------------------------

def firewall_demo():
    att, ben = [], []
    for tool, desc in SK_TOOL.findall(show(SK, SK_FILE)):
        text = json.loads(desc).strip()
        if tool in SK_CLEAN:
            ben.append((text, "sk-benign"))
        else:
            att.append((text, "sk/tool_poisoning"))
    if (len(att), len(ben)) != (7, 1):
        raise ValueError(f"sk: {len(att)} poisoned and {len(ben)} clean tools, the header says 7 and 1")
    print(f"sk: {len(att)} attacks, {len(ben)} benign")
    return att, ben


# --- EF: the MCP audit tool's poisoned fixture --------------------------------------------------------------

def evil_server():
    att = []
    for n in ast.walk(ast.parse(show(EF, EF_FILE))):
        if isinstance(n, ast.FunctionDef) and any(
                isinstance(d, ast.Call) and getattr(d.func, "attr", None) == "tool" for d in n.decorator_list):
            if n.name not in EF_NOT_POISON:
                att.append((ast.get_docstring(n, clean=True).strip(), "ef/tool_poisoning"))
    print(f"ef: {len(att)} attacks")
    return att


def sources():
    xp_att, xp_ben = sandbox()
    rb_att, rb_ben = prompt_hacking()
    at_att, at_ben = layered()
    ar_att, ar_ben = corpus()
    sk_att, sk_ben = firewall_demo()
    att = xp_att + rb_att + at_att + ar_att + tester() + memory() + sk_att + evil_server()
    return att, xp_ben + rb_ben + at_ben + ar_ben + sk_ben


# --- freshness, cap, sets (round 102's code with this round's names) ----------------------------------

def prior_source_texts():
    """Round 102's list (rounds 64-92 and jailbreak_llms) plus every text of round 102's sources as read."""
    import build_fresh_r102 as r102
    out = R102_PRIOR()
    att, ben = r102.sources()
    out += [t for t, _ in att + ben]
    return out


def reads():
    out = [(XP, p) for p in XP_ATTACK + XP_BENIGN] + [(RB, RB_FILE), (AT, AT_FILE)]
    out += [(AR, AR_DIR + f) for f, _ in AR_ATTACK] + [(AR, AR_DIR + AR_BENIGN), (FA, FA_FILE)]
    out += [(JW, p) for p in JW_FILES] + [(SK, SK_FILE), (EF, EF_FILE)]
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
        return
    global OUT, R102_PRIOR
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
    R102_PRIOR = r102.prior_source_texts
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
