#!/usr/bin/env python3
"""Round-8 frozen sets, written before any round-8 change.

1. garak_latent.jsonl (round 7) split by probe, fixed before reading any
   error: the probes at odd positions of build_heldout_r7.py's list
   (report, Eiffel, WHOIS record) become tune; the even ones (resume, legal,
   WHOIS snippets) stay held out.
2. records_heldout.jsonl: benign structured records by other authors, none
   of them trained on (the round-8 training records come from
   weppos/whois-parser only): WHOIS responses of likexian/whois-parser
   (Apache-2.0) and richardpenman/whois (MIT), log excerpts and their
   structured CSV rows from logpai/loghub (research use: measurement only),
   and licence texts from github/choosealicense.com (MIT).
"""
import hashlib, json, os, random, subprocess

MIRROR = "/work/.mirror"
OUT = "/tmp/inj-eval/sets-new/heldout8"
R7 = "/tmp/inj-eval/sets-new/heldout7/garak_latent.jsonl"
TUNE = {"LatentInjectionReportFull", "LatentInjectionFactSnippetEiffelFull", "LatentWhois"}
SOURCES = {
    "likexian+whois-parser": "2426ff1e36f7540b2e0e7f69324cbe2091f5b278",
    "richardpenman+whois": "3c050db870982d4f571420dedae25a122a30aec5",
    "logpai+loghub": "dd61d0952749ee7963bde24220d1be5ede023033",
    "github+choosealicense.com": "aed28f9933c9e8435c0f1d07aa563c0a830859bc",
}


def git(repo, *args):
    return subprocess.run(["git", "--git-dir=%s/%s/repo" % (MIRROR, repo)] + list(args),
                          check=True, capture_output=True).stdout.decode("utf-8", "replace")


def files(repo, under):
    return sorted(git(repo, "ls-tree", "-r", "--name-only", SOURCES[repo], *([under] if under else [])).split("\n")[:-1])


def show(repo, path):
    return git(repo, "show", SOURCES[repo] + ":" + path)


def split_garak():
    tune, held = [], []
    for line in open(R7, encoding="utf-8"):
        probe = json.loads(line)["category"].split("/", 1)[1]
        (tune if probe in TUNE else held).append(line)
    return tune, held


def records(rng):
    items = []
    def add(text, cat):
        text = text.strip()
        if len(text) >= 40:
            items.append({"text": text, "label": 0, "category": cat})
    r = "likexian+whois-parser"
    for p in files(r, "testdata"):
        if not p.endswith((".json", ".md")):
            add(show(r, p), "records/whois-likexian")
    r = "richardpenman+whois"
    for p in files(r, "test/samples/whois"):
        add(show(r, p), "records/whois-pywhois")
    r = "logpai+loghub"
    for p in files(r, ""):
        if p.endswith("_2k.log") or p.endswith("_2k.log_structured.csv"):
            lines = show(r, p).split("\n")
            kind = "csv" if p.endswith(".csv") else "log"
            head = lines[0] + "\n" if kind == "csv" else ""
            for _ in range(4):
                i = rng.randrange(1, max(2, len(lines) - 40))
                add(head + "\n".join(lines[i:i + 40]), "records/loghub-" + kind)
    r = "github+choosealicense.com"
    for p in files(r, "_licenses"):
        body = show(r, p).split("---", 2)[-1]
        add(body, "records/licence-choosealicense")
    return items


def write(name, lines):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(lines)
    print("%s %s %d" % (hashlib.sha256(open(path, "rb").read()).hexdigest(), path, len(lines)))


def main():
    os.makedirs(OUT, exist_ok=True)
    tune, held = split_garak()
    write("garak_tune.jsonl", tune)
    write("garak_held.jsonl", held)
    items = records(random.Random(8))
    write("records_heldout.jsonl", [json.dumps(it, ensure_ascii=False) + "\n" for it in items])


if __name__ == "__main__":
    main()
