#!/usr/bin/env python3
"""Round 17: documents injected the way WithSecure's spikee generator does, split by
jailbreak type (docs/injection-rounds.md "Round 17").

Source: github.com/WithSecureLabs/spikee at COMMIT (Apache-2.0), mirrored at MIRROR.
Seeds (spikee/data/workspace/datasets/<seed>/):
  jailbreaks.jsonl     wrappers with an <INSTRUCTION> slot, with a jailbreak_type
  instructions.jsonl   attacker instructions, with an instruction_type
  base_documents.jsonl the carriers (rows with a placeholder are direct prompts: skipped)
and, as further clean carriers, the 30 benign e-mails of spikee's own guardrail
false-positive check (results/v0.1/*guardrail-false-positive-check*, "input"; written to
contain words such as "ignore the previous draft").

Combination, reimplemented from spikee/generator.py (generate_variations,
substitute_instruction, insert_jailbreak, find_nearest_whitespace): the jailbreak's
<INSTRUCTION> is replaced by the instruction text (a jailbreak without the slot is used
alone); the result is wrapped in the default delimiter "\\nINJECTION_PAYLOAD\\n" and put at
the start, in the middle (at the space nearest the midpoint) or at the end of the document
(spikee's `--format document`). spikee takes the full product; this takes PER_JB combinations
per distinct jailbreak text, chosen by sha256 (instruction type first, then an instruction
of it, a carrier and a position).

Split: jailbreak types shuffled with random.Random(SEED), each assigned in turn to the
part with fewer jailbreaks so far (ties to held-out). Clean carriers split by sha256 of
their id. Writes, under OUT:
  spikee_tune.jsonl      injected (label 1) of the tune types + the tune clean carriers
  spikee_heldout.jsonl   injected (label 1) of the held-out types + the other clean carriers
category: "inj/<jailbreak_type>/<instruction_type>/<position>" or "clean/<carrier kind>".
"""
import hashlib, json, os, random, subprocess, sys

COMMIT = "f811bcc851b41bcf5e9c7de7ff314deea2ed94e5"
MIRROR = "/work/.mirror/WithSecureLabs+spikee/repo"
DS = "spikee/data/workspace/datasets"
SEEDS = ["seeds-cybersec-2025-04", "seeds-sysmsg-extraction-2025-04", "seeds-llm-mailbox",
         "seeds-investment-advice", "seeds-targeted-2024-12", "seeds-mini-test"]
FP_CHECK = "results/v0.1/results_protect_ai_v2-1734615302_guardrail-false-positive-check_1734624442.jsonl"
OUT = "/tmp/inj-eval/sets-new/heldout17"
SEED = 17
PER_JB = 8
POSITIONS = ["start", "middle", "end"]
DELIM = "\nINJECTION_PAYLOAD\n"

def show(path):
    return subprocess.run(["git", "-C", MIRROR, "show", f"{COMMIT}:{path}"],
                          capture_output=True, text=True, check=True).stdout

def objects(raw):
    """spikee's seed files are JSONL, but some rows share a line; decode them one by one."""
    dec, i, out, raw = json.JSONDecoder(), 0, [], raw.strip()
    while i < len(raw):
        while i < len(raw) and raw[i].isspace():
            i += 1
        if i >= len(raw):
            break
        o, i = dec.raw_decode(raw, i)
        out.append(o)
    return out

def h(s):
    return int(hashlib.sha256(s.encode()).hexdigest(), 16)

def nearest_space(text, index):
    f, b = text.find(" ", index), text.rfind(" ", 0, index)
    if f == -1 and b == -1:
        return index
    if f == -1:
        return b
    if b == -1:
        return f
    return f if abs(f - index) < abs(index - b) else b

def insert(doc, payload, position):
    inj = DELIM.replace("INJECTION_PAYLOAD", payload)
    if position == "start":
        return inj + doc
    if position == "end":
        return doc + inj
    i = nearest_space(doc, len(doc) // 2)
    return doc[:i] + inj + doc[i:]

def seeds():
    jbs, ins, docs, seen = [], [], [], set()
    for s in SEEDS:
        for j in objects(show(f"{DS}/{s}/jailbreaks.jsonl")):
            if ("j", j["text"]) not in seen:
                seen.add(("j", j["text"]))
                jbs.append(j)
        for i in objects(show(f"{DS}/{s}/instructions.jsonl")):
            if ("i", i["instruction"]) not in seen:
                seen.add(("i", i["instruction"]))
                ins.append(i)
        for d in objects(show(f"{DS}/{s}/base_documents.jsonl")):
            if not d.get("placeholder") and ("d", d["document"]) not in seen:
                seen.add(("d", d["document"]))
                docs.append({"id": f"{s}/{d['id']}", "kind": "base", "text": d["document"]})
    for r in objects(show(FP_CHECK)):
        docs.append({"id": f"fp-check/{r['document_id']}", "kind": "fp-check", "text": r["input"]})
    return jbs, ins, docs

def split_types(jbs):
    count = {}
    for j in jbs:
        count[j["jailbreak_type"]] = count.get(j["jailbreak_type"], 0) + 1
    types = sorted(count)
    random.Random(SEED).shuffle(types)
    part, n = {}, {"tune": 0, "heldout": 0}
    for t in types:
        p = "tune" if n["tune"] < n["heldout"] else "heldout"
        part[t] = p
        n[p] += count[t]
    return part

def injected(jbs, ins, docs):
    by_type = {}
    for i in ins:
        by_type.setdefault(i["instruction_type"], []).append(i)
    itypes = sorted(by_type)
    for j in jbs:
        for k in range(PER_JB):
            key = f"{j['id']}|{j['text']}|{k}"
            it = itypes[h("itype" + key) % len(itypes)]
            instr = by_type[it][h("instr" + key) % len(by_type[it])]
            if "<INSTRUCTION>" in j["text"]:
                payload = j["text"].replace("<INSTRUCTION>", instr["instruction"])
            else:
                payload, it = j["text"], "none"
            doc = docs[h("doc" + key) % len(docs)]
            pos = POSITIONS[(h("pos" + key) + k) % 3]
            yield j["jailbreak_type"], {"text": insert(doc["text"], payload, pos), "label": 1,
                                        "category": f"inj/{j['jailbreak_type']}/{it}/{pos}",
                                        "id": f"{j['id']}/{instr['id']}/{doc['id']}/{pos}"}

def main():
    jbs, ins, docs = seeds()
    part = split_types(jbs)
    out = {"tune": [], "heldout": []}
    seen = set()
    for t, r in injected(jbs, ins, docs):
        if r["text"] not in seen:
            seen.add(r["text"])
            out[part[t]].append(r)
    for d in docs:
        p = "heldout" if h("clean17" + d["id"]) % 2 else "tune"
        out[p].append({"text": d["text"], "label": 0, "category": f"clean/{d['kind']}", "id": d["id"]})
    os.makedirs(OUT, exist_ok=True)
    for p, rows in out.items():
        with open(f"{OUT}/spikee_{p}.jsonl", "w") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for p in out:
        types = sorted(t for t in part if part[t] == p)
        inj = sum(r["label"] for r in out[p])
        print(f"{p}: {inj} injected, {len(out[p]) - inj} clean; jailbreak types {types}", file=sys.stderr)
    print(f"{len(jbs)} jailbreaks, {len(ins)} instructions, {len(docs)} carriers", file=sys.stderr)

if __name__ == "__main__":
    main()
