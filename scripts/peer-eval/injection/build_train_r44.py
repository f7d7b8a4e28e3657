#!/usr/bin/env python3
"""Round 44: task-sentence negatives from permissively licensed web prose (the W3 sources).

Why: round 42 counted that the task-sentence model decides 53% of the real web page views HEAD
still flags (anchored declaratives, questions in prose, "Please ..." text, question headings);
task.bin (round 5) was trained with e-mails, READMEs and synthetic requests as negatives, never
web prose. Round 41's W3 posts (same sources, same picking, same views; build_train_r41.py)
are turned here into task-model negatives exactly as the model scores them at run time: every
candidate sentence that the detector's own scan-time reader takes from each post view
(Detector.InjectionTaskSentences, glued starts included, at most 256 per view), written as
detect.InjectionTaskText (sentence, end mark, overlap token of the view around it). Questions
and "Please ..." sentences the posts contain are kept like any other.

Sources, licences, picking: build_train_r41.py's SOURCES (rust-lang/blog.rust-lang.org MIT OR
Apache-2.0; nodejs/nodejs.org English blog MIT; golang/website blog CC-BY-4.0, The Go Authors;
reactjs/react.dev blog CC-BY-4.0; python/peps, public domain / CC0-1.0 PEPs only), posts picked
per source by sha256("r41w3|" + repo + path), the first --cap (0: all), views md and text, cut
at --maxlen characters at a paragraph break (defaults: exactly W3's 1,246 contexts). None of
these sources is in an eval set.

The sentence reader is the tree's (--tree, default this repository): the candidates depend on
the task anchors, so the tree is part of the recipe (round 44: HEAD 9de773c). Exact duplicate
task texts are written once.

Writes OUT/tneg.jsonl ({text, sentence, category web3t/<view>/<source>, _source repo@commit:path,
licence}) and OUT/tneg_manifest.tsv (repo@commit, path, licence, sentences), prints counts and
sha256. Deterministic. Then: train -kind injection (round-5 X) -task-neg OUT/tneg.jsonl
[-task-neg-rep N] -task-out task.bin (internal/detect/model/README.md, task.bin).

usage: build_train_r44.py [--cap N] [--maxlen N] [--views md,text] [--tree DIR] [--out DIR]
"""
import argparse, collections, hashlib, json, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_train_r41 as r41  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def docs(cap, maxlen, views):
    out, counts = [], {}
    for key, mirror, commit, licence, keep in r41.SOURCES:
        allp = r41.posts(key, mirror, commit, licence, keep)
        chosen = r41.pick(allp, cap) if cap > 0 else allp
        for x in chosen:
            src = f"{x['repo']}@{x['commit']}:{x['path']}"
            text = {"md": f"# {x['title']}\n\n{x['body']}", "text": f"{x['title']}\n\n{r41.plain(x['body'])}"}
            for v in views:
                t = r41.cut(text[v], maxlen) if maxlen > 0 else text[v]
                out.append({"text": t, "category": f"web3t/{v}/{key}", "_source": src, "licence": x["licence"]})
        counts[key] = (len(allp), len(chosen))
    return out, counts


def sentences(tree, rows):
    exe = os.path.join(os.environ.get("TMPDIR", "/tmp"), "r44_tasksents")
    subprocess.run(["go", "build", "-o", exe, "./scripts/peer-eval/injection/r44an/tasksents"], cwd=tree, check=True)
    inp = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
    res = subprocess.run([exe], input=inp, capture_output=True, check=True)
    return [json.loads(l) for l in res.stdout.decode().splitlines()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cap", type=int, default=150)
    ap.add_argument("--maxlen", type=int, default=12000)
    ap.add_argument("--views", default="md,text")
    ap.add_argument("--tree", default=os.path.abspath(os.path.join(HERE, "../../..")))
    ap.add_argument("--out", default="/tmp/inj-train/r44")
    a = ap.parse_args()
    rows, counts = docs(a.cap, a.maxlen, a.views.split(","))
    sents = sentences(a.tree, rows)
    seen, keep = set(), []
    per = collections.Counter()
    for s in sents:
        if s["text"] in seen:
            continue
        seen.add(s["text"])
        keep.append({k: s[k] for k in ("text", "sentence", "category", "_source", "licence")})
        per[s["_source"]] += 1
    os.makedirs(a.out, exist_ok=True)
    out = os.path.join(a.out, "tneg.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for r in keep:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    man = os.path.join(a.out, "tneg_manifest.tsv")
    lic = {r["_source"]: r["licence"] for r in rows}
    with open(man, "w", encoding="utf-8") as f:
        f.write("repo@commit\tpath\tlicence\tsentences\n")
        for src in sorted(lic):
            repo, path = src.split(":", 1)
            f.write(f"{repo}\t{path}\t{lic[src]}\t{per[src]}\n")
    for k, (n, c) in counts.items():
        ns = sum(1 for r in keep if r["category"].endswith("/" + k))
        print(f"{k}: {c} of {n} posts, {ns} sentences")
    q = sum(1 for r in keep if "qendq" in r["text"])
    pl = sum(1 for r in keep if r["sentence"].lower().startswith("please"))
    print(f"views {len(rows)}, candidate sentences {len(sents)}, distinct {len(keep)} (questions {q}, 'Please' {pl})")
    for p in (out, man):
        print(hashlib.sha256(open(p, "rb").read()).hexdigest(), p)


if __name__ == "__main__":
    main()
