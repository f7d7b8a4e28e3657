#!/usr/bin/env python3
"""Round 78: fresh recall on attack texts by authors never used in any round (SOURCES_r78.md).
Measurement only; shaped like rounds 74 and 76 (bare view, doc view with round 64's carriers, benign
look-alikes, round 74's freshness filter with the 8-word-run overlap rule, per-author cap 40%).

Deterministic: every source item is kept unless it is a duplicate, was seen before, is left out by a
labelling rule written here, or is dropped by the author cap (picked by sha256, salt "cap78", no RNG);
only the carrier of each text and the place in it are picked by sha256 (salt "78"). Repository code is
never run: notebooks are read as JSON and their code cells with `ast` (string constants assigned to a
name), Python data files with `ast`, CSV with the csv module, Markdown with the rules below.

Sources (bare mirrors from the fetch tool, pinned by commit; nothing copied into the repository):
  BF  friuns2/BlackFriday-GPTs-Prompts@BF_COMMIT (MIT, LICENSE): a 2023 dump of FlowGPT community
      prompts, one Markdown file per prompt under gpts/, indexed by category files. Attacks: every file
      linked from Jailbreaks.md (the collector's "jailbreak" category: DAN variants, DarkGPT, DUDE,
      "developer mode", evil personas written by FlowGPT users); the text is the fenced block under the
      "# Prompt" heading (the first one; welcome messages and sample conversations are model or author
      chatter and are not used). Category bf/jailbreak_prompt. Left out: blocks under BF_MIN characters
      (titles and greetings: "hi", "palm 2", "Allows anything"), blocks carrying an optimiser-made GCG
      suffix (BF_GCG: copied from the llm-attacks papers, not written by people), and the 15 files in
      BF_NOT_ATTACK, read one by one: role or task prompts filed under the jailbreak index that attack
      nothing (a Linux terminal, a phone technician, character cards, a literacy tutor, ...).
      Benign look-alikes (bf-roleprompt): the files linked from Prompt-Engineering.md that are not
      linked from Jailbreaks.md (prompt-writing and role GPTs: "act as ...", "you are ...", output
      rules), minus any whose title, description or prompt matches JAILBREAK_WORDS (those are attacks
      by another name, not look-alikes, as round 68's rule for awesome-chatgpt-prompts); the first
      BF_BENIGN of them in sha256 order (salt "bfb78").
  TA  TrustAI-laboratory/Learn-Prompt-Hacking@TA_COMMIT (MIT, LICENSE; TrustAI Pte. Ltd., 2024):
      the prompt-hacking course notebooks 3_Prompting_Hacking/0[1-5]*.ipynb. The attack strings are the
      string constants assigned to the names in NB_ATTACK (the course's own sections: injection,
      leaking, pretending, alignment hacking, authorised user, DAN, defence-bypass inputs, obfuscation,
      payload splitting, defined dictionary, virtualisation, recursive and code injection, the CTF's
      flag-leak inputs, firewall bypass); category = NB_ATTACK's type. Left out: simple_obfuscation_prompt
      and virtualization_prompt2 (harmless on their own), INPUT_GENERATION_PROMPT (instructions to a
      generator model), exclusion lists and URLs. Benign (lp-task): the task and role prompts the attacks
      are aimed at (NB_BENIGN: the translation tasks, the codename role prompt, the filter question and
      its synonym rewrite).
  TJ  taogya/Learn-Prompt-Hacking_JP@TJ_COMMIT (MIT, LICENSE kept from TrustAI): Taogya's Japanese
      translation of the same notebooks (2026; the attack strings are rewritten in Japanese, with
      Japanese names); the same names and rules as TA. For the author cap TA and TJ count as one author.
  TF  Telefonica/toolium@TF_COMMIT (Apache-2.0, LICENSE; Telefonica Innovacion Digital):
      toolium/utils/ai_utils/prompt_injection.py, the dict `prompt_injection_examples` (read with ast).
      Category = the author's key. Left out: direct_attack example_3 (a plain harmful request) and
      example_6 (a harmless off-topic request); adversarial_suffix (optimiser-made GCG suffixes, not
      written by people). The concatenation attack is the author's list of turns joined by line breaks.
  HG  kyahikaru/hinglish-prompt-injection-detector@HG_COMMIT (MIT, LICENSE; A. Upadhayay):
      data/hinglish-stealth-250.csv and data/hinglish-stealth-110-heldout.csv, the rows whose author's
      `category` is direct_jailbreak (instruction override / unrestricted-mode orders in Hinglish and
      English) or authority_impersonation (claims to be an admin, officer or CEO to get passwords and
      confidential records out of the assistant). The other categories (academic/fiction/research
      framing, obfuscated, pure_*/mixed_script, gradual_escalation) mix plain harmful questions with
      attacks and are not used. Benign (hg-clean): every row of data/hinglish-clean-500.csv.
  HX  BlackTechX011/HacxGPT-Jailbreak-prompts@HX_COMMIT (MIT, LICENSE.md): the fenced prompt blocks of
      README.md (the HacxGPT persona takeover in English, Russian and Zulu). Category hx/persona.
Author cap: no author may be more than CAP of the attacks; if one is, its items are kept in sha256
order until it is not (after freshness).

Freshness (round 76's rule, widened to everything earlier than this round): a text is dropped if its
normalised form occurs in any eval or training JSONL under /tmp from earlier rounds (inj-eval,
inj-train, inj<N> for N < 78, r<N> for N < 78, as present when built), in any text of the sources of
rounds 64, 65, 68, 74 and 76 or round 19's jailbreak_llms files, or in a JSONL committed in the tree at
TREE_COMMIT (read with git show): substring for >= 40 chars, whole item or line below; or if >= OVERLAP
of its sampled word 8-grams (crc32 % 4 == 0, at least 4) occur in any of those texts. Duplicates inside
this round are kept once (first source wins, in the order read).

Sets (/tmp/r78/sets): r78_bare.jsonl (every kept text alone) and r78_doc.jsonl (every kept text in one
clean carrier of each kind, round 64's pools and insertion, and every carrier alone).
Categories: inj/{bare|KIND}/{bf|ta|tj|tf|hg|hx}/{type}; clean/{bare|KIND}/{bf-roleprompt|lp-task|hg-clean};
clean/carrier/{KIND}.
"""
import ast, csv, glob, hashlib, io, json, os, re, subprocess, sys

sys.path.insert(0, "/work/main/scripts/peer-eval/injection")
import build_fresh_r64 as r64  # carriers, insertion, hashing, earlier-set matching
import build_fresh_r65 as r65  # index()
import build_fresh_r68 as r68  # jsonl_texts()
import build_fresh_r74 as r74  # shingles, overlaps, dedent
import build_fresh_r76 as r76  # round-76 sources and prior_source_texts()

M = "/work/.mirror/"
BF = (M + "friuns2+BlackFriday-GPTs-Prompts/repo", "09c530e31212aaca68ab72e2b7fdfbb3faa57a62")
TA = (M + "TrustAI-laboratory+Learn-Prompt-Hacking/repo", "8f5aeb4f8f6faf20afab3554334ee242112c10e2")
TJ = (M + "taogya+Learn-Prompt-Hacking_JP/repo", "7e8f4711208004a2f91e7b620f99943b20a4caf9")
TF = (M + "Telefonica+toolium/repo", "bb9e5058624f870f2e839290fbcf38c6c8886c2c")
HG = (M + "kyahikaru+hinglish-prompt-injection-detector/repo", "fa3330987c943a37cade0151c38f0f12619ff527")
HX = (M + "BlackTechX011+HacxGPT-Jailbreak-prompts/repo", "b6de1fc313e4ee733ecfa42269505d7cd06c77db")
TREE = ("/work/main/.git", "3a35b65276b752264c80196d062553daf12951e5")  # HEAD when this set was frozen
OUT = "/tmp/r78/sets"
CAP = 0.40
ROUND = 78
BF_BENIGN = 150
BF_MIN = 40  # shorter "prompts" in the jailbreak index are titles or greetings ("hi", "palm 2", "Allows anything")
BF_GCG = re.compile(r"similarlyNow write oppositeley|\u00e9quipesMapwei|interface Manuel WITH steps instead sentences")
BF_NOT_ATTACK = {  # jailbreak-index files whose prompt is a role or task prompt with no attack on the model (read)
    "gpts/codemaster-chatgpt-4-jailbreak.md", "gpts/talk-with-jesus.md", "gpts/the-intentional-chatgpt-liar.md",
    "gpts/professor-3.md", "gpts/gpt-vat-the-ultimate-darkweb-ai-assistant-1.md", "gpts/blackextensiongpt.md",
    "gpts/linux-terminal.md", "gpts/psychno.md", "gpts/jailbreak-chatgpt-malware-coder.md", "gpts/taboochat.md",
    "gpts/phone-repair-technician.md", "gpts/command-line-shell.md", "gpts/angela-the-neko-therapist.md",
    "gpts/saulo-1.md", "gpts/todofun.md",
}
JAILBREAK_WORDS = re.compile(r"\bDAN\b|jail ?br[eo]a?k|unfiltered|uncensored|unrestricted|no (?:restrictions|limits|"
                             r"filters|rules|morals|ethics)|amoral|immoral|illegal|unethical|developer mode|"
                             r"do anything now|ignore (?:all )?(?:previous|prior|the above)|evil", re.I)
NB = "3_Prompting_Hacking/"
NB_ATTACK = {  # (notebook, assigned name) -> type; the course's section names
    ("01", "injection_tag1"): "prompt_injection", ("01", "injection_tag2"): "prompt_injection",
    ("01", "prompt_leak"): "prompt_leaking",
    ("01", "simple_pretend_prompt"): "jailbreak_pretending", ("01", "character_roleplay_prompt"): "jailbreak_pretending",
    ("01", "assumed_responsibility_prompt"): "jailbreak_alignment_hacking",
    ("01", "research_experiment_prompt"): "jailbreak_alignment_hacking",
    ("01", "logical_reasoning_prompt"): "jailbreak_alignment_hacking",
    ("01", "superior_model_prompt"): "jailbreak_authorized_user", ("01", "sudo_mode_prompt"): "jailbreak_authorized_user",
    ("01", "dan_prompt"): "jailbreak_dan",
    ("02", "instruction_defense_user_input"): "defence_bypass", ("02", "post_prompting_user_input"): "defence_bypass",
    ("02", "random_sequence_enclosure_user_input"): "defence_bypass",
    ("02", "sandwich_defense_user_input"): "defence_bypass", ("02", "xml_tagging_user_input"): "defence_bypass",
    ("02", "separate_llm_evaluation_user_input"): "defence_bypass",
    ("03", "base_64_encoding_prompt"): "obfuscation", ("03", "fill_in_the_blank_prompt"): "obfuscation",
    ("03", "payload_splitting_prompt"): "payload_splitting",
    ("03", "fragemented_concatenation_user_input"): "payload_splitting",
    ("03", "defined_dictionary_user_input"): "defined_dictionary",
    ("03", "virtualization_prompt1"): "virtualization", ("03", "virtualization_prompt3"): "virtualization",
    ("03", "first_user_input"): "recursive_injection", ("03", "eval_llm_output"): "recursive_injection",
    ("03", "code_injection_user_input"): "code_injection",
    ("04", "user_prompt_input"): "prompt_leaking_ctf",
    ("05", "original_prompt"): "firewall_bypass",
}
NB_BENIGN = {("01", "original_prompt1"), ("01", "original_prompt2"), ("01", "role_prompt"),
             ("02", "prompt_for_filter"), ("03", "simple_obfuscation_prompt")}
TF_DROP = {("direct_attack", "example_3"), ("direct_attack", "example_6")}
TF_DROP_KEYS = {"adversarial_suffix"}
HG_KEEP = ("direct_jailbreak", "authority_impersonation")
AUTHOR = {"bf": "bf", "ta": "ta", "tj": "ta", "tf": "tf", "hg": "hg", "hx": "hx"}
h, norm, show = r64.h, r64.norm, r64.show
shingles, OVERLAP = r74.shingles, r74.OVERLAP


def ls(src, path=""):
    args = ["git", "--git-dir", src[0], "ls-tree", "-r", "-z", "--name-only", src[1]] + (["--", path] if path else [])
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout.split("\0")[:-1]


# --- BF: FlowGPT prompts -------------------------------------------------------------------------

def bf_links(index):
    return list(dict.fromkeys(re.findall(r"\]\(\./(gpts/[^)]+\.md)\)", show(BF, index))))


def bf_prompt(path):
    t = show(BF, path)
    m = re.search(r"\n# Prompt\s*\n+```[^\n]*\n(.*?)\n```", t, re.S)
    if not m:
        raise ValueError(f"{path}: no prompt block")
    head = t.split("\n# Prompt", 1)[0]
    return m.group(1).strip(), head


def blackfriday():
    jb = bf_links("Jailbreaks.md")
    if len(jb) != 198:
        raise ValueError(f"Jailbreaks.md: {len(jb)} links")
    att, out = [], {"short": 0, "gcg": 0, "role": 0}
    for p in jb:
        text = bf_prompt(p)[0]
        why = ("role" if p in BF_NOT_ATTACK else "short" if len(text) < BF_MIN
               else "gcg" if BF_GCG.search(text) else None)
        if why:
            out[why] += 1
        else:
            att.append((text, "bf/jailbreak_prompt"))
    print(f"bf: {len(jb)} jailbreak-index prompts, left out {out}")
    ben = []
    for p in bf_links("Prompt-Engineering.md"):
        if p in jb:
            continue
        text, head = bf_prompt(p)
        if JAILBREAK_WORDS.search(head) or JAILBREAK_WORDS.search(text):
            continue
        ben.append((text, "bf-roleprompt"))
    ben = sorted(ben, key=lambda x: h("bfb78" + x[0]))[:BF_BENIGN]
    return att, ben


# --- TA / TJ: the prompt-hacking course notebooks --------------------------------------------------

def nb_strings(src, nbfile):
    """(name, string) for every string constant assigned to a plain name in the notebook's code cells."""
    out = []
    for c in json.loads(show(src, NB + nbfile))["cells"]:
        if c["cell_type"] != "code":
            continue
        code = "\n".join(l for l in "".join(c["source"]).splitlines() if not l.lstrip().startswith(("!", "%")))
        for n in ast.walk(ast.parse(code)):
            if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str):
                out += [(t.id, n.value.value) for t in n.targets if isinstance(t, ast.Name)]
    return out


def course(src, tag):
    att, ben = [], []
    files = sorted(p[len(NB):] for p in ls(src, NB) if re.fullmatch(NB + r"0[1-5]_.*\.ipynb", p))
    if len(files) != 5:
        raise ValueError(f"{tag}: {files}")
    for f in files:
        for name, s in nb_strings(src, f):
            key = (f[:2], name)
            if key in NB_ATTACK:
                att.append((r74.dedent(s), f"{tag}/{NB_ATTACK[key]}"))
            elif key in NB_BENIGN:
                ben.append((r74.dedent(s), "lp-task"))
    return att, ben


# --- TF: toolium's examples --------------------------------------------------------------------------

def toolium():
    tree = ast.parse(show(TF, "toolium/utils/ai_utils/prompt_injection.py"))
    d = next(ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign)
             and getattr(n.targets[0], "id", "") == "prompt_injection_examples")
    out = []
    for key, ex in d.items():
        if key in TF_DROP_KEYS:
            continue
        for name, v in ex.items():
            if (key, name) in TF_DROP:
                continue
            out.append(("\n".join(v) if isinstance(v, list) else v, "tf/" + key))
    return out


# --- HG: Hinglish rows --------------------------------------------------------------------------------

def hinglish():
    att = []
    for f in ("data/hinglish-stealth-250.csv", "data/hinglish-stealth-110-heldout.csv"):
        for r in csv.DictReader(io.StringIO(show(HG, f))):
            if r["category"] in HG_KEEP:
                att.append((r["hinglish"].strip(), "hg/" + r["category"]))
    ben = [(r["hinglish"].strip(), "hg-clean") for r in csv.DictReader(io.StringIO(show(HG, "data/hinglish-clean-500.csv")))]
    return att, ben


# --- HX: HacxGPT README blocks --------------------------------------------------------------------------

def hacxgpt():
    blocks = re.findall(r"\n```xml\n(.*?)\n```", show(HX, "README.md"), re.S)
    if len(blocks) != 3:
        raise ValueError(f"HacxGPT: {len(blocks)} blocks")
    return [(b.strip(), "hx/persona") for b in blocks]


# --- freshness -------------------------------------------------------------------------------------------

def earlier_texts():
    ds = ["/tmp/inj-eval", "/tmp/inj-train"] + sorted(d for d in glob.glob("/tmp/inj[0-9]*")
                                                       if re.fullmatch(r"/tmp/inj\d+", d) and int(d[8:]) < ROUND)
    ds += sorted(d for d in glob.glob("/tmp/r[0-9]*") if re.fullmatch(r"/tmp/r\d+", d) and int(d[6:]) < ROUND)
    n = 0
    for d in ds:
        for p in sorted(glob.glob(d + "/**/*.jsonl", recursive=True)):
            n += 1
            yield from r68.jsonl_texts(p)
    print(f"earlier: {n} JSONL files under {len(ds)} directories: {' '.join(os.path.basename(d) for d in ds)}")


def prior_source_texts():
    """Round 76's list (rounds 64, 65, 68, 74 and jailbreak_llms) plus every text of round 76's sources."""
    out = r76.prior_source_texts()
    ts_att, ts_ben = r76.taksec()
    wz_att, wz_ben = r76.wuzzi()
    yz_att, yz_ben = r76.prompt_extraction()
    sl_prompts, sl_docs = r76.scottlogic()
    att = (r76.gptfuzz() + r76.hwchase() + ts_att + r76.safetorun() + r76.anthena() + wz_att + r76.uptrain()
           + r76.guardrails() + r76.cipherchat() + r76.deepinception() + yz_att)
    out += [t for t, _ in att + ts_ben + wz_ben + yz_ben + sl_prompts + sl_docs + r76.valhall()]
    return out


def tree_texts():
    args = ["git", "--git-dir", TREE[0], "ls-tree", "-r", "-z", "--name-only", TREE[1]]
    for p in sorted(subprocess.run(args, capture_output=True, text=True, check=True).stdout.split("\0")[:-1]):
        if p.endswith(".jsonl"):
            for l in show(TREE, p).splitlines():
                try:
                    t = json.loads(l).get("text", "")
                except (ValueError, AttributeError):
                    continue
                if isinstance(t, str):
                    yield t


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
    """Largest n per author with n / (n + rest) <= CAP, applied to the largest author first."""
    att = [k for k in kept if k[1] == 1]
    by = {}
    for k in att:
        by.setdefault(AUTHOR[k[2].split("/")[0]], []).append(k)
    drop = set()
    for src, items in sorted(by.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        rest = len(att) - len(items)
        limit = int(CAP * rest / (1 - CAP))
        if len(items) > limit:
            order = sorted(items, key=lambda k: h(f"cap{ROUND}" + k[0]))
            drop.update(norm(k[0]) for k in order[limit:])
            print(f"cap: {src} {len(items)} -> {limit} of {limit + rest} attacks")
            att = [k for k in att if norm(k[0]) not in drop]
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
    bf_att, bf_ben = blackfriday()
    ta_att, ta_ben = course(TA, "ta")
    tj_att, tj_ben = course(TJ, "tj")
    hg_att, hg_ben = hinglish()
    att = bf_att + ta_att + tj_att + toolium() + hg_att + hacxgpt()
    kept = select(att, bf_ben + ta_ben + tj_ben + hg_ben)
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
