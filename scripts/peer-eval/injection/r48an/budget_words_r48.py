#!/usr/bin/env python3
"""Round 48: for each truncated tune view under MAXLEN bytes, which frequent word alone takes
the document over the analysis budget: each word (at least MINC times) is masked with x's of the
same length, one at a time, and the variant is scored; a word whose masking clears the
truncation is printed. Tune data only (prints words of the item).
usage: PERITEM=/tmp/r48/peritem-head budget_words_r48.py SET.jsonl PERITEM_OUT.jsonl"""
import collections, json, os, re, subprocess, sys, tempfile

MAXLEN, MINC = 100_000, 8


def trunc(r):
    return "inj.budget.truncated" in (r.get("rules") or [])


def main():
    items = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
    pi = os.environ.get("PERITEM", "/tmp/r48/peritem-head")
    for l in open(sys.argv[2], encoding="utf-8"):
        r = json.loads(l)
        it = items[r["line"] - 1]
        if not trunc(r) or len(it["text"].encode()) > MAXLEN:
            continue
        t = it["text"]
        words = [w for w, c in collections.Counter(re.findall(r"\w+", t)).most_common() if c >= MINC and not w.isdigit()]
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            for w in words:
                f.write(json.dumps({"text": re.sub(r"\b%s\b" % re.escape(w), "x" * len(w), t), "label": 0,
                                    "category": "clean/web/text/mask", "id": w}, ensure_ascii=False) + "\n")
        out = subprocess.run([pi, f.name], capture_output=True, check=True, text=True).stdout.splitlines()
        os.unlink(f.name)
        clears = [w for w, o in zip(words, out) if not trunc(json.loads(o))]
        print(it["id"], len(t.encode()), "bytes;", len(words), "words tried; masking clears:", clears)


if __name__ == "__main__":
    main()
