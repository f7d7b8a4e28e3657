#!/usr/bin/env python3
"""Round 92: fresh recall on attack texts by owners never used in any round (r92an/README.md).
Measurement only; round 91's method unchanged (bare view, doc view with round 64's carriers, round 78's
freshness filter widened to round 91's sources and to every earlier set under /tmp, per-owner cap 25%,
sha256 order, salt "cap92"; carrier placement salt "92"). The only benign rows are P2SQL's two benign
user questions (see LO for why LostOxygen's non-attack data is not used).

Deterministic: every source item is kept unless it is a duplicate, was seen before, is left out by a
labelling rule written here, or is dropped by the owner cap (picked by sha256, no RNG). Repository code is
never run: Python files are parsed with ast and a small interpreter below evaluates only string constants,
f-strings, "+" of strings, names bound to those, the default branch of `if malicious_input != ""`, every
case of a `match` (LostOxygen's random variants: all of them, not one drawn at random) and one call shape
(base64.bXXencode(S.encode("ascii")).decode("ascii"), recomputed with Python's base64); markdown is read
line by line; CSV with csv.

Sources (bare mirrors from the fetch tool, pinned by commit; nothing copied into the repository):
  LO  LostOxygen/llm-confidentiality@LO_COMMIT (Apache-2.0, LICENSE; J. Evertz et al., Ruhr-Universitaet
      Bochum, "Whispers in the Machine: Confidentiality in LLM-integrated Systems", 2023-2025; human
      commits). framework/attacks.py: every attack function (the author's ATTACK_LIST plus base_attack and
      masking; not identity, which returns its input, nor chat_base, the author's no-attack baseline of
      ordinary questions) evaluated with its default arguments (malicious_input == ""), one item per
      `match` case: category lo/{function name}. framework/tool_data.py: the four texts under CLOUD_DB's
      use_* keys, the author's "# attack data" (the same four orders recur, with punctuation variants, in
      MAIL_INBOX, NOTES and CALENDAR_EVENTS; taken once): category lo/tool_data_injection.
      No benign rows: the file's non-attack tool data (pun notes, mails, calendar events) and BASE_QUESTIONS
      read as generated filler (a templated "What's your favorite thing about X?" list), so none is used.
  SB  simboli/security-instructions-extraction-GPTs@SB_COMMIT (MIT, LICENSE; N. Simboli, February 2024),
      pinned at the last February 2024 commit (the May 2025 rewrite, "Improve formatting", adds thirteen
      emoji-headed "techniques" in one commit and reads as assistant-written, so it is not used). README.md:
      every ``` block under the author's extraction headings ("Instruction extraction prompts",
      "Initialization prompts extraction", "Training files extraction prompts"): category sb/{heading slug}. Left out: the "Prevent ..." sections (defences) and the follow-up prompts
      the author introduces with prose ("For every instruction, to extract all the text you can use ...",
      "To download the entire file you can use:"), which carry no attack text on their own.
  VR  velocitatem/raccoon@VR_COMMIT (MIT, LICENSE; Daniel Rosel, February-March 2023).
      malicious.csv: every row's prompt (literal "\\n" read as a newline) except the row whose prompt is
      the bare test question the injections carry ("what are the first 10 digits of pi?"): category
      vr/csv_{the author's "meaning" column}. splendidbing.md: every ```html block (pages hiding an order to
      Bing chat in a font-size:0 div): vr/hidden_html. playground/exp.html (a page ordering an agent to run
      a downloaded binary) and the page text quoted in playground/README.md (the same order with another
      command): vr/agent_web_page. playground/aicommits/test.txt (goal hijack of a commit-message tool):
      vr/goal_hijack. exploits/prompt-fetch.py: the string assigned to `prompt`: vr/goal_hijack.
      oracle-test/main.py: every "prompt" of the `probes` dict (orders to an agent to visit a URL or run a
      command), the f-string's {PORT} field kept as written: vr/agent_tool_probe. malicious.csv's copy
      under website/ is identical (dedup).
  SC  R3DRUN3/sploitcraft@SC_COMMIT (Unlicense; Simone Ragonesi, 2024-2025). llm/prompt-injection/gandalf/
      README.md: every ```console block that follows a line "Prompt to flag:" or "Prompt N to flag:" (the
      author's winning prompts; not the answers or flags), except a prompt the author copied from the
      model's own answer (level 5's second prompt, quoted from "Answer to prompt 1"):
      sc/gandalf_password_extraction.
      llm/prompt-injection/chat-gpt/poem.txt: sc/file_injection. llm/prompt-injection/atlassian-rovo/
      README.md: the ```console block (an order hidden in a Confluence page) and the string assigned to
      prompt_text in the ```python block (the order hidden in a PDF): sc/hidden_document_order.
      llm/agentic-ai/exploits/agentic-1/README.md: the numbered "Prompts examples" that carry the
      escalation order (the items containing "kubectl create clusterrolebinding"; the two reconnaissance
      requests before them carry no attack text): sc/agent_privilege_escalation.
  PS  rodrigo-pedro/P2SQL@PS_COMMIT (MIT, LICENSE.md, INESC-ID; artifact of Pedro, Castro, Carreira and
      Santos, "Prompt-to-SQL Injection Attacks in LLM-Integrated Web Applications", ICSE 2025; the
      prompt write-ups are unchanged since the July 2024 initial commit). Every markdown file under
      RQ1/prompts and RQ2/prompts (one per attack and model, "_failed_attempt" files included: the
      attempt is an attack whatever the model did) named by the paper's attack code: every "## User
      input" block (direct attacks: U.1-U.3 in the unrestricted app, RD.1/RD.2 write and read
      restriction bypass) and every "## Malicious prompt" block (indirect attacks planted in a database
      row the app's SQL query returns: RI.1 answer manipulation, RI.2 multi-step query injection):
      category ps/{code}_{the paper's attack name}. Benign (ps-benign): every "## Benign user input"
      block (the user's ordinary question in the indirect scenarios). prompt_changes.md (the authors'
      notes on their app prompt) is not an attack. Not used: RQ3/automated (prompts generated by the
      authors' fine-tuned model) and RQ3/red-team/dataset (testers' prompts; its CSV does not parse as
      CSV and the database dump is in a format this machine's pg_restore 15 cannot read).
Owner cap, freshness, dedup, carriers: round 91's (build_fresh_r91.py), with this round's names.
Round 84's two transcribed sources (/tmp/r84/src/) are accepted by the sums round 91 recorded (R84_COPIES).
Freshness: a text is dropped if its normalised form occurs in any eval or training JSONL under /tmp
from earlier rounds (inj-eval, inj-train, inj<N> and r<N> for N < 92, as present when built), in any text
of the sources of rounds 64-91 (all of round 91's sources as read, round 90's, Pangea's own rows, round 19's
jailbreak_llms files), or in a JSONL committed in the tree at HEAD: substring for >= 40 chars, whole item
or line below; or if >= OVERLAP of its sampled word 8-grams occur in any of those texts. Duplicates
inside this round are kept once (first source wins, in the order read: LO, SB, VR, SC, PS).

Sets (/tmp/r92/sets): r92_bare.jsonl and r92_doc.jsonl (round 84's layout). Categories:
inj/{bare|KIND}/{lo|sb|vr|sc|ps}/{type}; clean/{bare|KIND}/ps-benign; clean/carrier/{KIND}.

Usage: build_fresh_r92.py [--list] [--out DIR]   (--list: read the sources and print counts only)
"""
import ast, base64, collections, csv, io, os, re, subprocess, sys

sys.path.insert(0, "/work/main/scripts/peer-eval/injection")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r78an")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r80an")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r84an")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r86an")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r90an")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r91an")

M = "/work/.mirror/"
LO = (M + "LostOxygen+llm-confidentiality/repo", "6caa80a53d6e2308c6bb2f0c94cc945fdd11f414")
SB = (M + "simboli+security-instructions-extraction-GPTs/repo", "b7cffea172f571748071b10d113d2015f253870f")
VR = (M + "velocitatem+raccoon/repo", "88c184c1cf98df402161bb07c3e5e9d9cf7aaa74")
SC = (M + "R3DRUN3+sploitcraft/repo", "aa753c5d3c405856e94769dd2ff78103118e5c30")
PS = (M + "rodrigo-pedro+P2SQL/repo", "ff5a0226b6c63407ae19ba5567ae251b51d4f98e")
R84_COPIES = {"DK_SHA": "84746ae79716442db04df69b9dade78bee661b8524e87da27ece15cf7559ba62",
              "LC_SHA": "3a350f1e4c04b2ba9360710924c536093950cac1a36e52ce495bf3f25f9ccf58"}
TREE = ("/work/main/.git", None)  # filled in main(): HEAD when this set was frozen (recorded in README.md)
OUT = "/tmp/r92/sets"
CAP = 0.25
ROUND = 92
LO_EXTRA = ("base_attack", "masking")  # attack functions outside ATTACK_LIST (identity and chat_base are not attacks)
SB_HEADINGS = ("Instruction extraction prompts", "Initialization prompts extraction",
               "Training files extraction prompts")
SB_FOLLOW_UP = re.compile(r"(For every instruction, to extract all the text|To download the entire file)")
VR_BARE_QUESTION = "what are the first 10 digits of pi?"
SC_ESCALATION = "kubectl create clusterrolebinding"
PS_DIRS = ("RQ1/prompts", "RQ2/prompts")
PS_TYPES = {  # the paper's attack names (Pedro et al., ICSE 2025, Table of P2SQL attacks)
    "U1": "u1_drop_tables", "U2": "u2_change_records", "U3": "u3_dump_table",
    "RD1": "rd1_write_restriction_bypass", "RD2": "rd2_read_restriction_bypass",
    "RI1": "ri1_answer_manipulation", "RI2": "ri2_multi_step_query_injection"}
PS_BLOCK = re.compile(r"^## (User input|Malicious prompt|Benign user input)[ \t]*\n+```\w*[ \t]*\n(.*?)^```", re.M | re.S)
LANG_CODES = ()


def lang_of(src_type):
    """Language of a category "src/type": the type's last "_" part if it is a language code, else en."""
    tail = src_type.rsplit("_", 1)[-1]
    return tail if "_" in src_type and tail in LANG_CODES else "en"


def show(src, path):
    return subprocess.run(["git", "--git-dir", src[0], "show", f"{src[1]}:{path}"],
                          capture_output=True, text=True, check=True).stdout


def slug(s):
    return re.sub(r"[^a-z0-9]+", "_", s.lower()).strip("_")


def dedent(s):
    lines = s.rstrip().splitlines()
    ind = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
    return "\n".join(l[ind:] for l in lines).strip()


# --- LO: LostOxygen's attack functions, evaluated without running them ------------------------------------

B64 = {"b16encode": base64.b16encode, "b32encode": base64.b32encode, "b64encode": base64.b64encode,
       "b85encode": base64.b85encode}


def ev(node, env):
    """Value of a string expression of the forms the module uses, else KeyError/ValueError."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return env[node.id]
    if isinstance(node, ast.JoinedStr):
        out = []
        for v in node.values:
            if isinstance(v, ast.Constant):
                out.append(v.value)
            elif isinstance(v, ast.FormattedValue) and v.conversion == -1 and v.format_spec is None:
                out.append(ev(v.value, env))
            else:
                raise ValueError("f-string field")
        return "".join(out)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return ev(node.left, env) + ev(node.right, env)
    if isinstance(node, ast.Call) and not node.args and isinstance(node.func, ast.Attribute) \
            and node.func.attr == "decode":  # base64.bXXencode(S.encode("ascii")).decode("ascii")
        inner = node.func.value
        if (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and inner.func.attr in B64
                and getattr(inner.func.value, "id", None) == "base64" and len(inner.args) == 1
                and isinstance(inner.args[0], ast.Call) and inner.args[0].func.attr == "encode"):
            return B64[inner.func.attr](ev(inner.args[0].func.value, env).encode("ascii")).decode("ascii")
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "decode" \
            and len(node.args) == 1:
        return ev(ast.Call(func=node.func, args=[], keywords=[]), env)
    raise ValueError(f"unsupported expression {ast.dump(node)[:80]}")


def run_body(stmts, envs):
    """Every environment reached after stmts, starting from each of envs; a return ends a path."""
    for st in stmts:
        nxt = []
        for env in envs:
            if "__return__" in env:
                nxt.append(env)
                continue
            if isinstance(st, (ast.Expr, ast.Pass)):  # docstrings
                nxt.append(env)
            elif isinstance(st, (ast.Assign, ast.AnnAssign)):
                target = st.targets[0] if isinstance(st, ast.Assign) else st.target
                e = dict(env)
                try:
                    e[target.id] = ev(st.value, env)
                except (KeyError, ValueError):
                    e[target.id] = None  # not a string this interpreter computes (a random draw, a helper)
                nxt.append(e)
            elif isinstance(st, ast.If):
                t = st.test  # only `malicious_input != ""` occurs; the default argument makes it false
                if not (isinstance(t, ast.Compare) and getattr(t.left, "id", None) == "malicious_input"
                        and isinstance(t.ops[0], ast.NotEq)):
                    raise ValueError("unexpected if")
                nxt += run_body(st.orelse, [env])
            elif isinstance(st, ast.Match):
                for case in st.cases:
                    nxt += run_body(case.body, [env])
            elif isinstance(st, ast.Return):
                e = dict(env)
                e["__return__"] = ev(st.value, env)
                nxt.append(e)
            else:
                raise ValueError(f"unexpected statement {type(st).__name__}")
        envs = nxt
    return envs


def lostoxygen():
    tree = ast.parse(show(LO, "framework/attacks.py"))
    names = None
    funcs = {}
    for n in tree.body:
        if isinstance(n, ast.AnnAssign) and getattr(n.target, "id", None) == "ATTACK_LIST":
            names = [e.value for e in n.value.elts]
        if isinstance(n, ast.FunctionDef):
            funcs[n.name] = n
    att = []
    for name in names + list(LO_EXTRA):
        f = funcs[name]
        if [a.arg for a in f.args.args] != ["malicious_input"] or f.args.defaults[0].value != "":
            raise ValueError(f"lo: unexpected signature of {name}")
        for env in run_body(f.body, [{"malicious_input": ""}]):
            text = env.get("__return__")
            if not text:
                raise ValueError(f"lo: {name} returned nothing this interpreter computes")
            att.append((dedent(text), f"lo/{name}"))
    n_fn = len(att)
    for n in ast.parse(show(LO, "framework/tool_data.py")).body:
        if isinstance(n, ast.AnnAssign) and getattr(n.target, "id", None) == "CLOUD_DB":
            for k, v in zip(n.value.keys, n.value.values):
                if k.value.startswith("use_"):
                    att.append((v.value.strip(), "lo/tool_data_injection"))
    print(f"lo: {len(att)} attacks ({n_fn} from attacks.py, {len(att) - n_fn} from tool_data.py)")
    return att


# --- SB: Simboli's extraction prompts (README, February 2024) -------------------------------------------

def simboli():
    att, head, prose, block, buf = [], None, False, False, []
    for line in show(SB, "README.md").splitlines():
        if block:
            if line.strip() == "```":
                block = False
                if head in SB_HEADINGS and not prose:
                    att.append(("\n".join(buf).strip(), f"sb/{slug(head)}"))
            else:
                buf.append(line)
            continue
        if line.startswith("#"):
            head, prose = line.strip("# ").strip(), False
        elif line.startswith("```"):
            block, buf = True, []
        elif SB_FOLLOW_UP.match(line):
            prose = True  # the author's prose introducing follow-up prompts: the blocks after it are left out
    print(f"sb: {len(att)} attacks")
    return att


# --- VR: Daniel Rosel's raccoon (CSV, markdown, HTML, two Python files) ---------------------------------

def fenced(text, lang=""):
    """The bodies of the ```LANG blocks of a markdown text."""
    return [m.group(1).strip() for m in re.finditer(r"^```" + lang + r"[ \t]*\n(.*?)^```", text, re.M | re.S)]


def py_strings(src, path, pred):
    """String values (constants or f-strings, fields kept as "{NAME}") of the nodes pred selects."""
    out = []
    for n in ast.walk(ast.parse(show(src, path))):
        for v in pred(n):
            if isinstance(v, ast.Constant):
                out.append(v.value)
            elif isinstance(v, ast.JoinedStr):
                out.append("".join(p.value if isinstance(p, ast.Constant) else "{" + ast.unparse(p.value) + "}"
                                   for p in v.values))
            else:
                raise ValueError(f"{path}: not a string")
    return out


def velocitatem():
    att = []
    for r in csv.DictReader(io.StringIO(show(VR, "malicious.csv"))):
        text = r["prompt"].replace("\\n", "\n").strip()
        if text.lower() != VR_BARE_QUESTION:
            att.append((text, f"vr/csv_{slug(r['meaning'])}"))
    att += [(b, "vr/hidden_html") for b in fenced(show(VR, "splendidbing.md"), "html")]
    att.append((show(VR, "playground/exp.html").strip(), "vr/agent_web_page"))
    readme = show(VR, "playground/README.md")
    quoted = readme.split("The link actually contained the following:", 1)[1]
    att.append((fenced(quoted)[0], "vr/agent_web_page"))
    att.append((show(VR, "playground/aicommits/test.txt").strip(), "vr/goal_hijack"))
    att += [(s.strip(), "vr/goal_hijack") for s in py_strings(
        VR, "exploits/prompt-fetch.py",
        lambda n: [n.value] if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", None) == "prompt" else [])]
    att += [(s.strip(), "vr/agent_tool_probe") for s in py_strings(
        VR, "oracle-test/main.py",
        lambda n: [v for k, v in zip(n.keys, n.values) if getattr(k, "value", None) == "prompt"]
        if isinstance(n, ast.Dict) else [])]
    print(f"vr: {len(att)} attacks")
    return att


# --- SC: R3DRUN3's sploitcraft (markdown and one text file) ----------------------------------------------

def sploitcraft():
    att = []
    lines = show(SC, "llm/prompt-injection/gandalf/README.md").splitlines()
    blocks = []  # (label line, block text)
    for i, line in enumerate(lines):
        if re.fullmatch(r"(Prompt( \d+)? to flag|Answer to prompt \d+):\s*", line):
            j = next(k for k in range(i + 1, len(lines)) if lines[k].strip())
            if not lines[j].startswith("```console"):
                raise ValueError("sc: prompt without block")
            end = next(k for k in range(j + 1, len(lines)) if lines[k].startswith("```"))
            blocks.append((line, "\n".join(lines[j + 1:end]).strip()))
    answers = " ".join(b for l, b in blocks if l.startswith("Answer"))
    att += [(b, "sc/gandalf_password_extraction") for l, b in blocks
            if l.startswith("Prompt") and b not in answers]  # not a prompt copied from the model's answer
    att.append((show(SC, "llm/prompt-injection/chat-gpt/poem.txt").strip(), "sc/file_injection"))
    rovo = show(SC, "llm/prompt-injection/atlassian-rovo/README.md")
    att += [(dedent(b), "sc/hidden_document_order") for b in fenced(rovo, "console")]
    for b in fenced(rovo, "python"):
        for n in ast.walk(ast.parse(b)):
            if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", None) == "prompt_text":
                att.append((n.value.value.strip(), "sc/hidden_document_order"))
    agent = show(SC, "llm/agentic-ai/exploits/agentic-1/README.md")
    examples = agent.split("## Prompts examples", 1)[1].split("\n## ", 1)[0]
    for item in re.split(r"^\s*1\. ", examples, flags=re.M)[1:]:
        if SC_ESCALATION in item:
            att.append((item.strip(), "sc/agent_privilege_escalation"))
    print(f"sc: {len(att)} attacks")
    return att


# --- PS: Pedro et al.'s P2SQL attack write-ups (markdown) -------------------------------------------------

def p2sql():
    att, ben = [], []
    args = ["git", "--git-dir", PS[0], "ls-tree", "-r", "--name-only", PS[1]] + list(PS_DIRS)
    for path in subprocess.run(args, capture_output=True, text=True, check=True).stdout.split():
        code = os.path.basename(path).split("_")[0].removesuffix(".md")
        if code not in PS_TYPES:  # prompt_changes.md: the authors' notes on their app prompt, no attack
            continue
        for m in PS_BLOCK.finditer(show(PS, path)):
            text = m.group(2).strip()
            if m.group(1) == "Benign user input":
                ben.append((text, "ps-benign"))
            else:
                att.append((text, f"ps/{PS_TYPES[code]}"))
    print(f"ps: {len(att)} attacks, {len(ben)} benign (before dedup)")
    return att, ben


def sources():
    ps_att, ps_ben = p2sql()
    att = lostoxygen() + simboli() + velocitatem() + sploitcraft() + ps_att
    return att, ps_ben


# --- freshness, cap, sets (round 91's code with this round's names) -----------------------------------

def prior_source_texts():
    """Round 91's list (rounds 64-90 and jailbreak_llms) plus every text of round 91's sources as read."""
    import build_fresh_r91 as r91
    out = R91_PRIOR()
    att, ben = r91.sources()
    out += [t for t, _ in att + ben]
    return out


def main():
    if "--list" in sys.argv:
        att, ben = sources()
        print("attacks", len(att), "benign", len(ben), collections.Counter(g.split("/")[0] for _, g in att))
        print("by type", sorted(collections.Counter(g for _, g in att).items()))
        return
    global OUT, R91_PRIOR
    if "--out" in sys.argv:
        OUT = sys.argv[sys.argv.index("--out") + 1]
    import build_fresh_r78 as r78
    import build_fresh_r80 as r80
    import build_fresh_r84 as r84
    import build_fresh_r86 as r86
    import build_fresh_r90 as r90
    import build_fresh_r91 as r91
    import build_fresh_r64 as r64
    head = subprocess.run(["git", "-C", "/work/main", "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()
    r78.TREE = (TREE[0], head)
    r78.ROUND = ROUND
    r78.OUT = OUT
    r78.CAP = CAP
    r78.AUTHOR = {k: k for k in ("lo", "sb", "vr", "sc", "ps")}
    r80.R78_PRIOR = r78.prior_source_texts  # round 80's list chains round 78's
    r84.R80_PRIOR = r80.prior_source_texts  # round 84's list chains round 80's
    r86.R84_PRIOR = r84.prior_source_texts  # round 86's list chains round 84's
    for k, v in R84_COPIES.items():  # round 84's two transcriptions as re-made by session 17's rebuild
        setattr(r84, k, v)
    r90.R86_PRIOR = r86.prior_source_texts  # round 90's list chains round 86's
    r91.R90_PRIOR = r90.prior_source_texts  # round 91's list chains round 90's
    R91_PRIOR = r91.prior_source_texts
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
