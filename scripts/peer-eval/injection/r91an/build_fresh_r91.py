#!/usr/bin/env python3
"""Round 91: fresh recall on attack texts by owners never used in any round (r91an/README.md).
Measurement only; round 90's method unchanged (bare view, doc view with round 64's carriers, the authors'
own benign texts where they have any, round 78's freshness filter widened to round 90's sources and to
every earlier set under /tmp, per-owner cap 25%, sha256 order, salt "cap91"; carrier placement salt "91").

Deterministic: every source item is kept unless it is a duplicate, was seen before, is left out by a
labelling rule written here, or is dropped by the owner cap (picked by sha256, no RNG). Repository code is
never run: notebooks are read as JSON and their code cells parsed with ast (a call argument that is not a
string literal is left out), JSON and JSONL with json, the one YAML-like file line by line (it is not
valid YAML: its indentation was lost) by the rules in netspi().

Sources (bare mirrors from the fetch tool, pinned by commit; nothing copied into the repository):
  GC  GoogleCloudPlatform/generative-ai@GC_COMMIT (Apache-2.0, LICENSE; Google LLC): two notebooks of
      gemini/responsible-ai/ by Google engineers (2024), pinned at the last commit before the notebooks'
      2026 rewrite (the attack strings there equal the September 2024 originals):
      gemini_prompt_attacks_mitigation_examples.ipynb -- a travel-agent app with a secret in its system
      instruction. Attack = the string-literal argument of every generate_answer(...) call in a code cell
      under the author's "Prompt *Attacks*" heading, category gc/{the sub-heading}: Data Leaking, Data
      Leaking with Transformations, Modifying the Output (Jailbreaking), Hallucinations (orders to make
      things up), Payload Splitting, Virtualization, Obfuscation; not used: "Model poisioning" (plain
      questions put to a poisoned model) and "Multimodal Attacks" (the attack is in an image, PDF, video
      or audio file; the text is "Follow these instructions."). Also attack = every "textContent" of the
      DataFrame the author calls "Example of dangerous prompts" (gc/dangerous_prompt_examples).
      react_rag_attacks_mitigations_examples.ipynb -- under "Attacks on Agents", the string the author's
      compromised weather_city tool returns instead of the weather (gc/compromised_tool_output).
      No benign rows: the notebooks' ordinary questions are demonstrations, not labelled negatives.
  AW  aws-samples/sample-agent-memory-poisoning-defense@AW_COMMIT (MIT-0, LICENSE; Amazon):
      test-payloads/test-cases.json, memory writes to an agent's long-term memory. Attack = the
      writeContent of every case whose category starts with ATTACK_ (planted standing orders, false
      authorisations, configuration orders), category aw/{category}, except ATTACK_BURST (a rate test:
      its text is an ordinary note); benign (aw-benign) = the BENIGN cases.
  VS  vadimsv1/agent-security-benchmark@VS_COMMIT (MIT, LICENSE): benchmark/test_prompts.jsonl, 30 attack
      prompts against a tool-using agent (exfiltration, stored prompt injection, privilege escalation,
      social engineering with claimed authority, multi-step escalation, inconsistency probing).
      Attack = the case's turns joined by a blank line, category vs/{category}.
  NS  NetSPI/Open-LLM-Security-Benchmark@NS_COMMIT (BSD-3-Clause, "LICENSE.txt "; NetSPI, 2024):
      techniques.yaml, 25 adversarial techniques. Attack = every technique's template with its [TARGET]
      placeholder kept as the author wrote it, category ns/{its first category}.
Owner cap, freshness, dedup, carriers: round 90's (build_fresh_r90.py), with this round's names.
Round 84's two transcribed sources (/tmp/r84/src/) are accepted by the sums session 17's rebuild gave them
(R84_COPIES, as round 90 did).
Freshness: a text is dropped if its normalised form occurs in any eval or training JSONL under /tmp
from earlier rounds (inj-eval, inj-train, inj<N> and r<N> for N < 91, as present when built), in any text
of the sources of rounds 64-90 (all of round 90's sources as read, Pangea's own rows, round 19's
jailbreak_llms files), or in a JSONL committed in the tree at HEAD: substring for >= 40 chars, whole item
or line below; or if >= OVERLAP of its sampled word 8-grams occur in any of those texts. Duplicates
inside this round are kept once (first source wins, in the order read: GC, AW, VS, NS).

Sets (/tmp/r91/sets): r91_bare.jsonl and r91_doc.jsonl (round 84's layout). Categories:
inj/{bare|KIND}/{gc|aw|vs|ns}/{type}; clean/{bare|KIND}/aw-benign; clean/carrier/{KIND}.

Usage: build_fresh_r91.py [--list] [--out DIR]   (--list: read the sources and print counts only)
"""
import ast, collections, json, os, re, subprocess, sys

sys.path.insert(0, "/work/main/scripts/peer-eval/injection")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r78an")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r80an")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r84an")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r86an")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r90an")

M = "/work/.mirror/"
GC = (M + "GoogleCloudPlatform+generative-ai/repo", "c89afed434f7519c03dd6fa59cc24447432e1b52")
AW = (M + "aws-samples+sample-agent-memory-poisoning-defense/repo", "1fdf47e32169ba51407253334591adcf251a9497")
VS = (M + "vadimsv1+agent-security-benchmark/repo", "de8e7f5714879d3221003a397e6c45cecfb9fe09")
NS = (M + "NetSPI+Open-LLM-Security-Benchmark/repo", "f6130f80699b6d8393dccdd3ba04621629ea2555")
R84_COPIES = {"DK_SHA": "84746ae79716442db04df69b9dade78bee661b8524e87da27ece15cf7559ba62",
              "LC_SHA": "3a350f1e4c04b2ba9360710924c536093950cac1a36e52ce495bf3f25f9ccf58"}
TREE = ("/work/main/.git", None)  # filled in main(): HEAD when this set was frozen (recorded in README.md)
OUT = "/tmp/r91/sets"
CAP = 0.25
ROUND = 91
GC_DIR = "gemini/responsible-ai/"
GC_ATTACKS = "Prompt *Attacks*"
GC_LEFT_OUT = ("Model poisioning", "Multimodal Attacks")  # plain questions to a poisoned model; attacks in media files
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


def cells(nb_text):
    """(heading path, code) for every code cell that parses, the headings being the markdown "#" lines above."""
    head = []
    for c in json.loads(nb_text)["cells"]:
        s = "".join(c["source"])
        if c["cell_type"] == "markdown":
            for line in s.splitlines():
                if line.startswith("#"):
                    level = len(line) - len(line.lstrip("#"))
                    head = head[:level - 1] + [line.strip("# ").strip()]
            continue
        if c["cell_type"] != "code":
            continue
        try:
            yield list(head), ast.parse(s)
        except SyntaxError:  # shell magics ("!pip ...", "%...") in setup cells
            continue


# --- GC: Google Cloud's prompt-attack notebooks ------------------------------------------------------------

def google():
    att = []
    for head, tree in cells(show(GC, GC_DIR + "gemini_prompt_attacks_mitigation_examples.ipynb")):
        under = len(head) >= 2 and head[0] == GC_ATTACKS and head[1] not in GC_LEFT_OUT
        for n in ast.walk(tree):
            if (under and isinstance(n, ast.Call) and getattr(n.func, "id", None) == "generate_answer"
                    and n.args and isinstance(n.args[0], ast.Constant) and isinstance(n.args[0].value, str)):
                att.append((n.args[0].value.strip(), f"gc/{slug(head[1])}"))
            if (isinstance(n, ast.Call) and getattr(n.func, "attr", None) == "DataFrame" and n.args
                    and isinstance(n.args[0], ast.List)):
                rows = ast.literal_eval(n.args[0])
                if rows and all(isinstance(r, dict) and list(r) == ["textContent"] for r in rows):
                    att += [(r["textContent"].strip(), "gc/dangerous_prompt_examples") for r in rows]
    n_nb1 = len(att)
    for head, tree in cells(show(GC, GC_DIR + "react_rag_attacks_mitigations_examples.ipynb")):
        if "Attacks on Agents" not in head:
            continue
        for f in ast.walk(tree):
            if isinstance(f, ast.FunctionDef) and f.name == "weather_city":
                for m in ast.walk(f):
                    if (isinstance(m, ast.Assign) and getattr(m.targets[0], "id", None) == "value"
                            and isinstance(m.value, ast.Constant) and isinstance(m.value.value, str)):
                        att.append((m.value.value.strip(), "gc/compromised_tool_output"))
    att = [(t, g) for t, g in att if t]
    print(f"gc: {len(att)} attacks ({n_nb1} from the prompt-attacks notebook, {len(att) - n_nb1} from ReAct/RAG)")
    return att


# --- AW: AWS sample memory-poisoning test cases (JSON) ------------------------------------------------------

def aws():
    cases = json.loads(show(AW, "test-payloads/test-cases.json"))
    att = [(c["writeContent"].strip(), f"aw/{c['category'].lower()}") for c in cases
           if c["category"].startswith("ATTACK_") and c["category"] != "ATTACK_BURST"]
    ben = [(c["writeContent"].strip(), "aw-benign") for c in cases if c["category"] == "BENIGN"]
    if len(att) + len(ben) + sum(c["category"] == "ATTACK_BURST" for c in cases) != len(cases):
        raise ValueError("aw: unexpected category")
    print(f"aw: {len(att)} attacks, {len(ben)} benign")
    return att, ben


# --- VS: vadimsv1's agent security benchmark (JSONL) --------------------------------------------------------

def vadim():
    att = []
    for line in show(VS, "benchmark/test_prompts.jsonl").splitlines():
        if line.strip():
            r = json.loads(line)
            att.append(("\n\n".join(t.strip() for t in r["turns"]), f"vs/{r['category']}"))
    print(f"vs: {len(att)} attacks")
    return att


# --- NS: NetSPI's technique templates (a YAML file whose indentation was lost) -----------------------------

NS_TEMPLATE = re.compile(r'^template: "(.*)"\s*$')
NS_CATEGORY = re.compile(r"^- ([A-Za-z_]+)\s*$")


def netspi():
    """Every technique's template: one quoted line, a quoted value running over several lines (up to the
    line that ends with the closing quote), or a "|" block (up to the "categories:" line)."""
    text = show(NS, "techniques.yaml").strip()
    if not (text.startswith("```yaml") and text.endswith("```")):
        raise ValueError("ns: expected a fenced file")
    techs, cur, mode, buf = [], None, None, []
    for line in text[len("```yaml"):-3].splitlines():
        if mode == "quoted":
            buf.append(line)
            if line.rstrip().endswith('"'):
                cur["template"] = "\n".join(buf).rstrip()[:-1]
                mode = None
            continue
        if mode == "block" and not line.startswith("categories:"):
            buf.append(line)
            continue
        if mode == "block":
            cur["template"] = "\n".join(buf).strip()
            mode = None
        if line.startswith("- name:"):
            cur = {"template": None, "cats": []}
            techs.append(cur)
        elif cur is not None and NS_TEMPLATE.match(line):
            cur["template"] = NS_TEMPLATE.match(line).group(1)
        elif cur is not None and line.startswith('template: "'):
            mode, buf = "quoted", [line[len('template: "'):]]
        elif cur is not None and line.rstrip() == "template: |":
            mode, buf = "block", []
        elif cur is not None and line.startswith("categories:"):
            mode = "cats"
        elif mode == "cats" and NS_CATEGORY.match(line):
            cur["cats"].append(NS_CATEGORY.match(line).group(1))
        else:
            mode = None
    if any(t["template"] is None or not t["cats"] for t in techs):
        raise ValueError("ns: a technique without template or category")
    att = [(t["template"].strip(), f"ns/{t['cats'][0].lower()}") for t in techs]
    print(f"ns: {len(att)} attacks")
    return att


def sources():
    gc_att = google()
    aw_att, aw_ben = aws()
    vs_att = vadim()
    ns_att = netspi()
    return gc_att + aw_att + vs_att + ns_att, aw_ben


# --- freshness, cap, sets (round 90's code with this round's names) -----------------------------------

def prior_source_texts():
    """Round 90's list (rounds 64-86 and jailbreak_llms) plus every text of round 90's sources as read."""
    import build_fresh_r90 as r90
    out = R90_PRIOR()
    att, ben = r90.sources()
    out += [t for t, _ in att + ben]
    return out


def main():
    if "--list" in sys.argv:
        att, ben = sources()
        print("attacks", len(att), "benign", len(ben), collections.Counter(g.split("/")[0] for _, g in att))
        print("by type", sorted(collections.Counter(g for _, g in att).items()))
        return
    global OUT, R90_PRIOR
    if "--out" in sys.argv:
        OUT = sys.argv[sys.argv.index("--out") + 1]
    import build_fresh_r78 as r78
    import build_fresh_r80 as r80
    import build_fresh_r84 as r84
    import build_fresh_r86 as r86
    import build_fresh_r90 as r90
    import build_fresh_r64 as r64
    head = subprocess.run(["git", "-C", "/work/main", "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()
    r78.TREE = (TREE[0], head)
    r78.ROUND = ROUND
    r78.OUT = OUT
    r78.CAP = CAP
    r78.AUTHOR = {k: k for k in ("gc", "aw", "vs", "ns")}
    r80.R78_PRIOR = r78.prior_source_texts  # round 80's list chains round 78's
    r84.R80_PRIOR = r80.prior_source_texts  # round 84's list chains round 80's
    r86.R84_PRIOR = r84.prior_source_texts  # round 86's list chains round 84's
    for k, v in R84_COPIES.items():  # round 84's two transcriptions as re-made by session 17's rebuild
        setattr(r84, k, v)
    r90.R86_PRIOR = r86.prior_source_texts  # round 90's list chains round 86's
    R90_PRIOR = r90.prior_source_texts
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
