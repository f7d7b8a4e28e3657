#!/usr/bin/env python3
"""Round-5 training additions for the injection models (issue 6).

Reads the sets that build.py and build_new.py wrote (run fetch_sources.sh,
build.py, fetch_sources_new.sh, build_new.py first) and keeps only
permissively licensed material, written to /tmp/inj-train (never committed):

  attacks.jsonl  label 1: BIPIA test text attacks (MIT; category task/bipia-test,
                 also task-sentence positives), BIPIA test code attacks (MIT),
                 InjecAgent direct-harm instructions (MIT; task/injecagent),
                 llm-guard test injections (MIT), deepset/prompt-injections
                 injections (Apache-2.0)
  benign.jsonl   label 0: tldr-pages common+linux, every 5th page (CC BY 4.0), Rust book sections
                 (MIT/Apache-2.0), BIPIA test e-mails (MIT; tables and code answers
                 are CC BY-SA and left out)

  winneg.jsonl   label 0, window model only: NotInject benign prompts (MIT),
                 deepset benign prompts (Apache-2.0)

Left out on purpose: llm-guard's 11 benign prompts; benign prompts are no
task-sentence negatives (a request to an AI inside a document is what the
task model must flag); CyberSecEval (Llama licence), SEP, Tensor Trust, gandalf,
moltshield (no permissive licence); WASP (CC BY-NC); LLMail-Inject (held out).

Then, from the repository root:
  go run ./internal/detect/cmd/train -kind injection -corpus ../shared/corpora \
     -extra /tmp/inj-train/attacks.jsonl,/tmp/inj-train/benign.jsonl,/tmp/inj-train/winneg.jsonl \
     -pair-clean -per 8 -l2 2e-4 -out internal/detect/model/injection.bin
  (same flags with -task-out internal/detect/model/task.bin for the task model)
"""
import json, os

S = "/tmp/inj-eval/sets"
T = "/tmp/inj-eval/sets-new/tune"
OUT = "/tmp/inj-train"
TLDR_EVERY = 5


def rows(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def main():
    att, ben = [], []
    for r in rows(f"{S}/bipia_test_attacks_bare.jsonl"):
        cat = r["category"]
        att.append({"text": r["text"], "label": 1,
                    "category": ("task/bipia-test" if cat.startswith("text/") else "bipia-test-code/" + cat.split("/", 1)[1])})
    for r in rows(f"{S}/injecagent_dh_bare.jsonl"):
        att.append({"text": r["text"], "label": 1, "category": "task/injecagent"})
    for r in rows(f"{S}/direct_llmguard.jsonl"):
        if r["label"] == 1:
            att.append({"text": r["text"], "label": 1, "category": "llmguard/injection"})
    for r in rows(f"{T}/deepset.jsonl"):
        if r["label"] == 1:
            att.append({"text": r["text"], "label": 1, "category": "deepset/injection"})
    # Every TLDR_EVERY-th page only: all 6642 would make tldr the carrier of
    # most inserted attacks (and double the model's size).
    for i, r in enumerate(rows(f"{S}/tldr_all.jsonl")):
        if i % TLDR_EVERY:
            continue
        ben.append({"text": r["text"], "label": 0, "category": "tldr/page"})
    for r in rows(f"{T}/rustbook_benign.jsonl"):
        ben.append({"text": r["text"], "label": 0, "category": "rustbook/section"})
    for r in rows(f"{S}/bipia_test_clean.jsonl"):
        if r["category"] == "clean/email":
            ben.append({"text": r["text"], "label": 0, "category": "bipia-test-email/clean"})
    # Benign prompts to an AI, for the window model only (category
    # window-neg/*): the task-sentence model must still flag such requests
    # inside a document, so they are no task negatives.
    neg = []
    for r in rows(f"{T}/notinject_benign.jsonl"):
        neg.append({"text": r["text"], "label": 0, "category": "window-neg/notinject"})
    for r in rows(f"{T}/deepset.jsonl"):
        if r["label"] == 0:
            neg.append({"text": r["text"], "label": 0, "category": "window-neg/deepset"})
    os.makedirs(OUT, exist_ok=True)
    for name, items in (("attacks.jsonl", att), ("benign.jsonl", ben), ("winneg.jsonl", neg)):
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            for it in items:
                f.write(json.dumps(it, ensure_ascii=False) + "\n")
        print(f"{name}: {len(items)}")


if __name__ == "__main__":
    main()
