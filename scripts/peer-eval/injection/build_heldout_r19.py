#!/usr/bin/env python3
"""Round 19: in-the-wild jailbreak prompts put into clean e-mails (docs/injection-rounds.md "Round 19").

Source: the jailbreak prompts of Shen et al., "Do Anything Now" (verazuo/jailbreak_llms, MIT),
file jailbreak_prompts_2023_05_07.csv and forbidden_question_set.csv, as vendored unchanged
in kaif0102/Sentinel-AI-Defense-System-@COMMIT (data/raw/; the files hold a committed merge
conflict: the "ours" side of each block is read). The upstream repository is not in the store,
and its regular (non-jailbreak) prompts are absent from the vendored copy (stored as large
files), so benign questions are the label-0 "benign" rows of the same repository's own
dataset.csv (hand-written hard negatives: "Execute the deployment script ...", "Please bypass
the cache ..."; no licence file: evaluation only, nothing committed).

Carriers (clean, label 0 alone): the 15 clean spikee e-mails of round 17's tune part
(/tmp/inj-eval/sets-new/heldout17/spikee_tune.jsonl; trigger-word heavy) and the BIPIA
test e-mails of /tmp/inj-eval/sets/bipia_test_clean.jsonl shorter than MAXCARRIER chars.

Positives: a jailbreak prompt (deduplicated, English-looking, >= 80 chars) cut to its first
sentences within CUT chars; a "[INSERT PROMPT HERE]"-style slot inside the cut is replaced by
the order, else the order follows on a new line. The order is a question of the forbidden
question set. The payload goes, between newlines, at the start, the middle (a paragraph or
line break nearest the midpoint) or the end of a carrier (chosen by sha256 of the prompt).
Negatives: a benign question put the same way into a carrier; and every carrier alone.

Split (random.Random(SEED)): jailbreak prompts, orders and benign questions are shuffled and
dealt into tune / held-out so no text is in both parts; carriers are shared (they are
clean). Writes OUT/r19_tune.jsonl and OUT/r19_heldout.jsonl.
"""
import csv, hashlib, io, json, random, re, subprocess

COMMIT = "d80c990d9489fb9e91943e403a0e105eb344fd25"
MIRROR = "/work/.mirror/kaif0102+Sentinel-AI-Defense-System-/repo"
SPIKEE_TUNE = "/tmp/inj-eval/sets-new/heldout17/spikee_tune.jsonl"
BIPIA_CLEAN = "/tmp/inj-eval/sets/bipia_test_clean.jsonl"
OUT = "/tmp/inj-eval/sets-new/heldout19"
SEED = 19
CUT = 600
MAXCARRIER = 2000
N_TUNE, N_HELD = (150, 100), (300, 200)   # (injected, benign-question) items per part
SLOT = re.compile(r"\[(?:INSERT PROMPT HERE|PROMPT|INSERT PROMPT|YOUR PROMPT HERE|prompt here)\]|\{prompt\}", re.I)

def show(path):
    return subprocess.run(["git", "-C", MIRROR, "show", f"{COMMIT}:{path}"],
                          capture_output=True, text=True, check=True).stdout

def ours(raw):
    """Keep the HEAD side of each committed merge-conflict block."""
    out, skip = [], False
    for line in raw.splitlines(keepends=True):
        if line.startswith("<<<<<<< "):
            continue
        if line.startswith("=======") and line.strip() == "=======":
            skip = True
            continue
        if line.startswith(">>>>>>> "):
            skip = False
            continue
        if not skip:
            out.append(line)
    return "".join(out)

def rows(path):
    return list(csv.DictReader(io.StringIO(ours(show(path)))))

def h(s):
    return int(hashlib.sha256(s.encode()).hexdigest(), 16)

def english(s):
    return sum(c.isascii() for c in s) >= 0.95 * len(s)

def cut(text):
    """The prompt's first sentences within CUT chars (at least the first one)."""
    text = text.strip()
    if len(text) <= CUT:
        return text
    ends = [m.end() for m in re.finditer(r"[.!?:](?:\s|$)|\n", text[:CUT])]
    return text[:ends[-1]].strip() if ends else text[:CUT].strip()

def payload(jb, order):
    if SLOT.search(jb):
        return SLOT.sub(lambda m: order, jb, count=1)
    return jb + "\n" + order

def insert(doc, text, key):
    pos = ["start", "middle", "end"][h(key) % 3]
    block = "\n" + text + "\n"
    if pos == "start":
        return block.lstrip("\n") + doc, pos
    if pos == "end":
        return doc.rstrip("\n") + "\n" + block, pos
    mid, best = len(doc) // 2, None
    for m in re.finditer(r"\n", doc):
        if best is None or abs(m.start() - mid) < abs(best - mid):
            best = m.start()
    best = mid if best is None else best
    return doc[:best] + "\n" + block + doc[best:], pos

def carriers():
    out = []
    for line in open(SPIKEE_TUNE):
        r = json.loads(line)
        if r["label"] == 0:
            out.append(("spikee-email", r["text"]))
    for line in open(BIPIA_CLEAN):
        r = json.loads(line)
        if len(r["text"]) <= MAXCARRIER:
            out.append(("bipia-email", r["text"]))
    return out

def main():
    seen, jbs = set(), []
    for r in rows("data/raw/jailbreak_prompts_2023_05_07.csv"):
        p = (r.get("prompt") or "").strip()
        k = re.sub(r"\s+", " ", p.lower())[:300]
        if len(p) >= 80 and english(p) and k not in seen:
            seen.add(k)
            jbs.append(cut(p))
    qs = sorted({r["question"].strip() for r in rows("data/raw/forbidden_question_set.csv") if r.get("question")})
    ben = sorted({r["text"].strip() for r in rows("data/raw/dataset.csv")
                  if r.get("label") == "0" and r.get("category") == "benign" and r.get("text")})
    rng = random.Random(SEED)
    for xs in (jbs, qs, ben):
        rng.shuffle(xs)
    cs = carriers()
    print(f"jailbreaks {len(jbs)}, orders {len(qs)}, benign {len(ben)}, carriers {len(cs)}")
    half_q, half_b = len(qs) // 3, N_TUNE[1]
    parts = {"tune": (jbs[:N_TUNE[0]], qs[:half_q], ben[:N_TUNE[1]]),
             "heldout": (jbs[N_TUNE[0]:N_TUNE[0] + N_HELD[0]], qs[half_q:], ben[half_b:half_b + N_HELD[1]])}
    for name, (pj, pq, pb) in parts.items():
        items = []
        for i, jb in enumerate(pj):
            kind, doc = cs[h("c" + jb) % len(cs)]
            text, pos = insert(doc, payload(jb, pq[i % len(pq)]), jb)
            items.append({"text": text, "label": 1, "category": f"inj/jailbreak/{kind}/{pos}", "id": f"{name}-jb-{i:03d}"})
        for i, b in enumerate(pb):
            kind, doc = cs[h("c" + b) % len(cs)]
            text, pos = insert(doc, b, b)
            items.append({"text": text, "label": 0, "category": f"clean/question/{kind}/{pos}", "id": f"{name}-q-{i:03d}"})
        if name == "heldout":
            for i, (kind, doc) in enumerate(cs):
                items.append({"text": doc, "label": 0, "category": f"clean/carrier/{kind}", "id": f"carrier-{i:03d}"})
        path = f"{OUT}/r19_{name}.jsonl"
        with open(path, "w") as f:
            for it in items:
                f.write(json.dumps(it, ensure_ascii=False) + "\n")
        print(path, sum(it["label"] for it in items), "injected,", sum(1 - it["label"] for it in items), "clean")

if __name__ == "__main__":
    import os
    os.makedirs(OUT, exist_ok=True)
    main()
