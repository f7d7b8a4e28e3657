#!/usr/bin/env python3
"""Round 80: fresh recall on attack texts by owners never used in any round (r80an/README.md).
Measurement only; shaped like rounds 74, 76 and 78 (bare view, doc view with round 64's carriers, the
authors' own benign texts where they have any, round 78's freshness filter with the 8-word-run overlap
rule widened to round 78's sources and sets, per-owner cap 40%).

Deterministic: every source item is kept unless it is a duplicate, was seen before, is left out by a
labelling rule written here, or is dropped by the owner cap (picked by sha256, salt "cap80", no RNG);
only the carrier of each text and the place in it are picked by sha256 (salt "80"). Repository code is
never run: YAML is read with yaml.safe_load, JSON with json, TypeScript string literals with the small
literal reader below (no evaluation; a prompt that needs code to compute is left out).

Sources (bare mirrors from the fetch tool, pinned by commit; nothing copied into the repository):
  ZI  taoq-ai/ziran@ZI_COMMIT (Apache-2.0, LICENSE; TaoQ AI): the agent-security scanner's attack-vector
      library, ziran/application/attacks/vectors/. Attacks: every vector whose author's `category` is
      indirect_injection in the five files written for it (indirect_injection.yaml and its _escalation,
      _exfiltration and _tool_abuse variants, rag_poisoning.yaml): poisoned e-mails, calendar entries,
      search results, documents, database rows, API responses, code comments, notifications, chat logs
      and RAG documents carrying instructions to the agent (escalate, exfiltrate, call tools).
      The text is the attacker-controlled data: the longest value of the prompt's `variables` when it is
      at least ZI_MIN characters (the e-mail body, the calendar data, the poisoned document; the other
      variables are sender addresses, topics and URLs), otherwise the template with its variables filled
      in (rag_poisoning's documents are written into the template itself). Category zi/{file stem}.
      Not used: the other files (direct prompts; several are copies of other benchmarks: jailbreakbench,
      rjudge, tensortrust, wildjailbreak, cyberseceval, toolemu, harmful_tasks) and the MCP vectors (their
      payload sits in a tool server, the template is only the user's request).
  RN  thekie/read-no-evil-mcp@RN_COMMIT (Apache-2.0, LICENSE): an e-mail MCP server's prompt-injection
      test payloads, tests/integration/prompt_injection/payloads/*.yaml (schema in its README.md).
      Attacks: every payload whose `technique` is not "negative" (the author's false-positive checks);
      category rn/{file stem}. The text is `payload`, or for payloads with an `email_context` (the
      e-mail-specific file: hidden HTML, subject, signature, forwarded and quoted-reply injections) the
      e-mail the author built: "Subject: <subject>" then body_plain then body_html, the parts present.
      Benign (rn-negative): the two "negative" payloads.
  PC  rustyorb/pincer@PC_COMMIT (MIT, LICENSE): a red-team tool's payload library, src/lib/attacks/
      {injection,bypass,extraction,jailbreak,encoding,tool-abuse}.ts; the `prompt` of every payload,
      category pc/{the payload's `category`}. Left out: multi-turn.ts (turns of a conversation chain;
      the opening turns are rapport, not attacks on their own) and prompts that are computed by code
      (template literals with ${...}, Array maps): PC_COMPUTED counts them.
  JB  Tencent/AI-Infra-Guard@JB_COMMIT (Apache-2.0, LICENSE; Tencent Zhuque Lab): data/eval/
      JailBench-Tiny.json, the lab's 133-row selection from STAIR-BUPT's JailBench (a Chinese jailbreak
      benchmark written in Chinese for the national generative-AI safety standard). Attacks: every row;
      category jb/{the row's attack_tag: 越狱 -> jailbreak, 提示注入 -> prompt_injection}.
      The other files of data/eval are plain harmful questions (JADE, CNSafe, advbench, ...), copies of
      English jailbreak sets, or agent-misuse requests without an attack tag per row: not used.
Language (per source, from the authors' data): JB zh, the others en.
Owner cap: no owner may be more than CAP of the attacks; if one is, its items are kept in sha256
order until it is not (after freshness).

Freshness (round 78's rule, widened to round 78): a text is dropped if its normalised form occurs in any
eval or training JSONL under /tmp from earlier rounds (inj-eval, inj-train, inj<N> and r<N> for N < 80,
as present when built), in any text of the sources of rounds 64-78 or round 19's jailbreak_llms files,
or in a JSONL committed in the tree at TREE_COMMIT: substring for >= 40 chars, whole item or line
below; or if >= OVERLAP of its sampled word 8-grams (crc32 % 4 == 0, at least 4) occur in any of those
texts. Duplicates inside this round are kept once (first source wins, in the order read).

Sets (/tmp/r80/sets): r80_bare.jsonl (every kept text alone) and r80_doc.jsonl (every kept text in one
clean carrier of each kind, round 64's pools and insertion, and every carrier alone).
Categories: inj/{bare|KIND}/{zi|rn|pc|jb}/{type}; clean/{bare|KIND}/rn-negative; clean/carrier/{KIND}.

Usage: build_fresh_r80.py [--list]   (--list: read the sources and print counts only; no /tmp reads)
"""
import glob, json, os, re, subprocess, sys

import yaml

sys.path.insert(0, "/work/main/scripts/peer-eval/injection")
sys.path.insert(0, "/work/main/scripts/peer-eval/injection/r78an")

M = "/work/.mirror/"
ZI = (M + "taoq-ai+ziran/repo", "4b4a282407db3a55d70ac8f75633ab60a745f672")
RN = (M + "thekie+read-no-evil-mcp/repo", "58bf6665cb8258f5c7c54fa575331f6dad051048")
PC = (M + "rustyorb+pincer/repo", "961485b0321259cf65ed3497e9c125cb587679bf")
JB = (M + "Tencent+AI-Infra-Guard/repo", "4908db1deab794a02ee9eaa77d3583ad590e7b27")
TREE = ("/work/main/.git", None)  # filled in main(): HEAD when this set was frozen (recorded in README.md)
OUT = "/tmp/r80/sets"
CAP = 0.40
ROUND = 80
ZI_DIR = "ziran/application/attacks/vectors/"
ZI_FILES = ("indirect_injection", "indirect_injection_escalation", "indirect_injection_exfiltration",
            "indirect_injection_tool_abuse", "rag_poisoning")
ZI_MIN = 100
RN_DIR = "tests/integration/prompt_injection/payloads/"
RN_FILES = ("baseline", "character", "email_specific", "encoding", "invisible", "semantic", "structural")
PC_DIR = "src/lib/attacks/"
PC_FILES = ("injection", "bypass", "extraction", "jailbreak", "encoding", "tool-abuse")
JB_FILE = "data/eval/JailBench-Tiny.json"
JB_TAG = {"越狱": "jailbreak", "提示注入": "prompt_injection"}
LANG = {"zi": "en", "rn": "en", "pc": "en", "jb": "zh"}


def show(src, path):
    return subprocess.run(["git", "--git-dir", src[0], "show", f"{src[1]}:{path}"],
                          capture_output=True, text=True, check=True).stdout


# --- ZI: ziran's indirect-injection vectors ---------------------------------------------------------

def ziran():
    att, how = [], {"variable": 0, "template": 0}
    for f in ZI_FILES:
        for v in yaml.safe_load(show(ZI, ZI_DIR + f + ".yaml"))["vectors"]:
            if v.get("category") != "indirect_injection":
                continue
            for p in v["prompts"]:
                vs = {k: str(x) for k, x in (p.get("variables") or {}).items()}
                best = max(vs.values(), key=len, default="")
                if len(best) >= ZI_MIN:
                    text, k = best, "variable"
                else:
                    text = p["template"]
                    for k2, x in vs.items():
                        text = text.replace("{" + k2 + "}", x)
                    k = "template"
                how[k] += 1
                att.append((text.strip(), "zi/" + f))
    print(f"zi: {len(att)} indirect-injection prompts ({how})")
    return att


# --- RN: read-no-evil-mcp's payload files -------------------------------------------------------------

def read_no_evil():
    att, ben = [], []
    for f in RN_FILES:
        for x in yaml.safe_load(show(RN, RN_DIR + f + ".yaml"))["payloads"]:
            c = x.get("email_context")
            if c:
                parts = ["Subject: " + c["subject"]] if c.get("subject") else []
                parts += [c[k] for k in ("body_plain", "body_html") if c.get(k)]
                text = "\n\n".join(p.strip() for p in parts)
            else:
                text = x["payload"]
            if x.get("technique") == "negative":
                ben.append((text, "rn-negative"))
            else:
                att.append((text, "rn/" + f))
    print(f"rn: {len(att)} attacks, {len(ben)} negative")
    return att, ben


# --- PC: pincer's TypeScript payload files ------------------------------------------------------------

ESC = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def js_string(src, i):
    """Read one JS string literal at src[i]; return (value, end) or (None, end) if it interpolates."""
    q, i, out, computed = src[i], i + 1, [], False
    while src[i] != q:
        c = src[i]
        if c == "\\":
            n = src[i + 1]
            if n == "u":
                if src[i + 2] == "{":
                    j = src.index("}", i)
                    out.append(chr(int(src[i + 3:j], 16)))
                    i = j + 1
                else:
                    out.append(chr(int(src[i + 2:i + 6], 16)))
                    i += 6
                continue
            if n == "x":
                out.append(chr(int(src[i + 2:i + 4], 16)))
                i += 4
                continue
            if n == "\n":
                i += 2
                continue
            out.append(ESC.get(n, n))
            i += 2
            continue
        if q == "`" and c == "$" and src[i + 1] == "{":
            computed = True
        out.append(c)
        i += 1
    return (None if computed else "".join(out)), i + 1


def js_concat(src, i):
    """Read 'lit' (+ 'lit')* at src[i] (after whitespace); None if it is not only literals."""
    parts = []
    while True:
        while src[i] in " \t\r\n":
            i += 1
        if src[i] not in "\"'`":
            return None
        s, i = js_string(src, i)
        if s is None:
            return None
        parts.append(s)
        j = i
        while src[j] in " \t\r\n":
            j += 1
        if src[j] != "+":
            while src[j] in " \t\r\n":
                j += 1
            return "".join(parts) if src[j] in ",}\n" else None
        i = j + 1


def pincer():
    att, computed = [], 0
    for f in PC_FILES:
        src = show(PC, PC_DIR + f + ".ts")
        for m in re.finditer(r"(?<![A-Za-z_])prompt:", src):
            text = js_concat(src, m.end())
            cat = re.findall(r"category:\s*\"([a-z_]+)\"", src[:m.start()])
            if text is None or not cat:
                computed += 1
                continue
            att.append((text.strip(), "pc/" + cat[-1]))
    print(f"pc: {len(att)} prompts, {computed} computed by code (left out)")
    return att, computed


# --- JB: JailBench-Tiny -------------------------------------------------------------------------------

def jailbench():
    d = json.loads(show(JB, JB_FILE))
    rows = d["data"]
    if len(rows) != 133:
        raise ValueError(f"JailBench-Tiny: {len(rows)} rows")
    att = [(r["prompt"].strip(), "jb/" + JB_TAG[r["attack_tag"]]) for r in rows]
    print(f"jb: {len(att)} rows")
    return att


def sources():
    zi = ziran()
    rn_att, rn_ben = read_no_evil()
    pc, _ = pincer()
    jb = jailbench()
    return zi + rn_att + pc + jb, rn_ben


# --- freshness, cap, sets (round 78's code with this round's names) -----------------------------------

def prior_source_texts():
    """Round 78's list (rounds 64-76 and jailbreak_llms) plus every text of round 78's sources."""
    import build_fresh_r78 as r78
    out = R78_PRIOR()
    bf_att, bf_ben = r78.blackfriday()
    ta_att, ta_ben = r78.course(r78.TA, "ta")
    tj_att, tj_ben = r78.course(r78.TJ, "tj")
    hg_att, hg_ben = r78.hinglish()
    att = bf_att + ta_att + tj_att + r78.toolium() + hg_att + r78.hacxgpt()
    out += [t for t, _ in att + bf_ben + ta_ben + tj_ben + hg_ben]
    return out


def main():
    if "--list" in sys.argv:
        att, ben = sources()
        print("attacks", len(att), "benign", len(ben))
        return
    import build_fresh_r78 as r78
    import build_fresh_r64 as r64
    head = subprocess.run(["git", "-C", "/work/main", "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()
    r78.TREE = (TREE[0], head)
    r78.ROUND = ROUND
    r78.OUT = OUT
    r78.AUTHOR = {"zi": "zi", "rn": "rn", "pc": "pc", "jb": "jb"}
    global R78_PRIOR
    R78_PRIOR = r78.prior_source_texts
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
