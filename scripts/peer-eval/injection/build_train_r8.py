#!/usr/bin/env python3
"""Round-8 training records and a tune set of records.

Training (written to /tmp/inj-train/records.jsonl, label 0 contexts):
WHOIS responses of weppos/whois-parser (MIT), spec/fixtures/responses/*.txt,
split by WHOIS server: every server whose name hashes into the first four
fifths is trained on, the rest go to the tune file; and licence texts as
found in the wild from google/licensecheck (BSD-3-Clause), testdata/*.t1,
leaving out every licence family that choosealicense.com lists (the
held-out licences) or Debian ships in common-licenses (the tune licences),
so that no trained licence is also measured.

Tune (/tmp/inj-eval/sets-new/tune/records_tune.jsonl, measurement only): the
remaining weppos servers, and local system records of this machine's Debian
image (dpkg status stanzas, /usr/share/doc/*/copyright files, common-licenses
texts), which are never trained on.
"""
import glob, hashlib, json, os, random, subprocess

GIT = "/work/.mirror/weppos+whois-parser/repo"
COMMIT = "bedb4a48b0c9b28dad1c18e5d2bd0f761642927c"
LC_GIT = "/work/.mirror/google+licensecheck/repo"
LC_COMMIT = "0279a51dbb8a386077c68c8eb18ff2850dfbc12e"
CAL_GIT = "/work/.mirror/github+choosealicense.com/repo"
CAL_COMMIT = "aed28f9933c9e8435c0f1d07aa563c0a830859bc"
TRAIN = "/tmp/inj-train/records.jsonl"
TUNE = "/tmp/inj-eval/sets-new/tune/records_tune.jsonl"


def git(*args, repo=GIT):
    return subprocess.run(["git", "--git-dir=" + repo] + list(args), check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")


def family(name):
    # "GPL-2.0-or-later" -> "gpl", "cc-by-sa-4.0" -> "cc", "0BSD" -> "0bsd"
    return name.lower().replace(".", "-").split("-")[0]


def licences():
    held = {family(p.split("/")[-1][:-4]) for p in
            git("ls-tree", "--name-only", CAL_COMMIT, "_licenses/", repo=CAL_GIT).split()}
    held |= {family(os.path.basename(p)) for p in glob.glob("/usr/share/common-licenses/*")}
    out = []
    for p in git("ls-tree", "--name-only", LC_COMMIT, "testdata/", repo=LC_GIT).split():
        name = p.split("/")[-1].rsplit(".", 1)[0]
        if not p.endswith(".t1") or family(name) in held:
            continue
        text = git("show", LC_COMMIT + ":" + p, repo=LC_GIT).split("\n", 2)[-1]
        if len(text.strip()) >= 200:
            out.append(item(text, "records/licence"))
    return out


def trained_server(server):
    return int(hashlib.sha256(server.encode()).hexdigest(), 16) % 5 != 0


def item(text, cat):
    return {"text": text.strip(), "label": 0, "category": cat}


def main():
    train, tune = [], []
    for p in git("ls-tree", "-r", "--name-only", COMMIT, "spec/fixtures/responses").split("\n"):
        if not p.endswith(".txt"):
            continue
        text = git("show", COMMIT + ":" + p)
        if len(text.strip()) < 40:
            continue
        server = p.split("/")[3]
        if trained_server(server):
            train.append(item(text, "records/whois"))
        else:
            tune.append(item(text, "records/whois-weppos-tune"))
    train += licences()
    rng = random.Random(8)
    stanzas = [s for s in open("/var/lib/dpkg/status", encoding="utf-8", errors="replace").read().split("\n\n") if s.strip()]
    for s in rng.sample(stanzas, min(100, len(stanzas))):
        tune.append(item(s, "records/dpkg-status"))
    cps = sorted(glob.glob("/usr/share/doc/*/copyright"))
    for p in rng.sample(cps, min(100, len(cps))):
        tune.append(item(open(p, encoding="utf-8", errors="replace").read()[:20000], "records/debian-copyright"))
    for p in sorted(glob.glob("/usr/share/common-licenses/*")):
        if os.path.isfile(p):
            tune.append(item(open(p, encoding="utf-8", errors="replace").read(), "records/common-licenses"))
    for path, rows in ((TRAIN, train), (TUNE, tune)):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            for it in rows:
                f.write(json.dumps(it, ensure_ascii=False) + "\n")
        print(hashlib.sha256(open(path, "rb").read()).hexdigest(), path, len(rows))


if __name__ == "__main__":
    main()
