#!/usr/bin/env python3
"""Round 23: training additions for the candidate window models W and W2 (not shipped).

Reads the frozen tune half written by build_web_r23.py (/tmp/r23/sets/r23_web_tune.jsonl; the
held-out half is never read) and writes label-0 benign contexts for `train -extra`:

  /tmp/r23/train/web23.jsonl      text, md and article views of the 161 tune pages (category
                                  web/<view>); W
  /tmp/r23/train/web23_raw.jsonl  raw views, first 262,144 characters each (category web/raw);
                                  W2 = W plus this file

Then, in a tree of commit 8034066 (where the round-13 command still gives the shipped
afb36a4b...db68; see internal/detect/model/README.md) with the round-5/8/13 training files in
$T (build_train_r5.py, build_train_r8.py, build_train_r13.py):

  X="-kind injection -corpus /work/shared/corpora -extra $T/attacks.jsonl,$T/benign.jsonl,$T/winneg.jsonl,$T/records.jsonl,$T/mail13.jsonl"
  go run ./internal/detect/cmd/train $X,/tmp/r23/train/web23.jsonl -pair-clean -per 14 -l2 2e-4 -out W.bin
  go run ./internal/detect/cmd/train $X,/tmp/r23/train/web23.jsonl,/tmp/r23/train/web23_raw.jsonl -pair-clean -per 14 -l2 2e-4 -out W2.bin

sha256 of the files and models: SOURCES.md, "Round 23". The pages are third-party content saved
as Apache-2.0 test fixtures: the lead decides whether weights trained on them may be committed."""
import hashlib, json, os

TUNE = "/tmp/r23/sets/r23_web_tune.jsonl"
OUT = "/tmp/r23/train"
RAW_CAP = 262144


def main():
    os.makedirs(OUT, exist_ok=True)
    views = open(os.path.join(OUT, "web23.jsonl"), "w", encoding="utf-8")
    raws = open(os.path.join(OUT, "web23_raw.jsonl"), "w", encoding="utf-8")
    with views, raws:
        for line in open(TUNE, encoding="utf-8"):
            r = json.loads(line)
            v = r["category"].split("/")[2]
            if v == "raw":
                raws.write(json.dumps({"text": r["text"][:RAW_CAP], "label": 0, "category": "web/raw"}, ensure_ascii=False) + "\n")
            else:
                views.write(json.dumps({"text": r["text"], "label": 0, "category": "web/" + v}, ensure_ascii=False) + "\n")
    for name in ("web23.jsonl", "web23_raw.jsonl"):
        p = os.path.join(OUT, name)
        print(hashlib.sha256(open(p, "rb").read()).hexdigest(), p)


if __name__ == "__main__":
    main()
