#!/usr/bin/env python3
"""Round 74: score one `warden` binary once on the frozen r74 sets and keep aggregates only.

Usage: summarise_r74.py [--bin /tmp/r74/warden-head] [--out DIR] [--sets /tmp/inj74/sets]

Runs `BIN eval injection --json` once on r74_bare.jsonl and once on r74_doc.jsonl (recall per
category comes from the tool). The tool reports rates for malicious categories only, so every clean
category is written to its own file and scored once for its flagged count. Nothing item-level is
printed or kept (no --verbose). Writes, in DIR: r74_bare_eval.json, r74_doc_eval.json (the tool's
stdout), r74_clean_by_category.txt ("category flagged n") and summary.txt (round 68's layout,
Wilson 95% intervals; recall per source, per source/type in the bare view and in all three carriers,
and per carrier kind x source; the worst and best TOP types with at least MIN_TYPE items).
Adapted from r68an/summarise_r68.py (the Arcanum pillar lines dropped).
"""
import argparse, collections, json, math, os, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = ("email", "document", "json")
MIN_TYPE, TOP = 5, 8


def wilson(k, n, z=1.96):
    if n == 0:
        return 0.0, 0.0
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    w = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return max(0.0, c - w), min(1.0, c + w)


def fmt(k, n):
    lo, hi = wilson(k, n)
    r = 100 * k / n if n else 0.0
    return f"{r:5.1f}% ({k}/{n}) [{100 * lo:.1f}–{100 * hi:.1f}]"


def run(binary, path):
    out = subprocess.run([binary, "eval", "injection", "--json", path],
                         capture_output=True, text=True, check=True).stdout
    return out, json.loads(out.strip().splitlines()[-1])


def clean_counts(binary, sets, r="74"):
    """Flagged/total per clean category, each category scored once as its own file."""
    groups = collections.defaultdict(list)
    for name in (f"r{r}_bare.jsonl", f"r{r}_doc.jsonl"):
        for l in open(os.path.join(sets, name)):
            r = json.loads(l)
            if r["label"] == 0:
                groups[r["category"]].append(l)
    res = {}
    with tempfile.TemporaryDirectory() as tmp:
        for cat, lines in sorted(groups.items()):
            p = os.path.join(tmp, cat.replace("/", "_") + ".jsonl")
            with open(p, "w") as f:
                f.writelines(lines)
            _, js = run(binary, p)
            res[cat.replace("/", "_")] = (js["fp"], js["benign"])
    return res


def recall_lines(bare, doc):
    cats = {**bare["categories"], **doc["categories"]}
    agg = collections.defaultdict(lambda: [0, 0])
    bytype = collections.defaultdict(lambda: {"bare": [0, 0], "doc": [0, 0]})
    for cat, v in cats.items():
        _, setting, src, typ = cat.split("/", 3)
        for key in ((setting, "all"), (setting, src)) + ((("doc", "all"), ("doc", src)) if setting != "bare" else ()):
            agg[key][0] += v["detected"]
            agg[key][1] += v["items"]
        t = bytype[f"{src}/{typ}"]["bare" if setting == "bare" else "doc"]
        t[0] += v["detected"]
        t[1] += v["items"]
    out = ["RECALL (setting, source): rate (k/n) [Wilson 95%]"]
    for (s, src) in sorted(agg, key=lambda x: (x[0] != "bare", x[0] != "doc", x[0], x[1] != "all", x[1])):
        out.append(f"  {s:<9} {src:<5} {fmt(*agg[(s, src)])}")
    out.append("RECALL by source/type: bare | all three carriers")
    for key in sorted(bytype):
        out.append(f"  {key:<36} {fmt(*bytype[key]['bare'])} | {fmt(*bytype[key]['doc'])}")
    ranked = sorted((k for k in bytype if bytype[k]["bare"][1] >= MIN_TYPE),
                    key=lambda k: (bytype[k]["doc"][0] / bytype[k]["doc"][1], k))
    for name, keys in (("WORST", ranked[:TOP]), ("BEST", ranked[::-1][:TOP])):
        out.append(f"{name} {TOP} types with >= {MIN_TYPE} items, by recall in carriers: bare | all three carriers")
        out += [f"  {k:<36} {fmt(*bytype[k]['bare'])} | {fmt(*bytype[k]['doc'])}" for k in keys]
    return out


def fp_lines(clean):
    out = ["FALSE POSITIVES (category: flagged/benign)"]
    out += [f"  {cat:<36} {fmt(k, n)}" for cat, (k, n) in sorted(clean.items())]
    car = [clean.get(f"clean_carrier_{k}", (0, 0)) for k in KINDS]
    out.append(f"  carriers alone, all                  {fmt(sum(c[0] for c in car), sum(c[1] for c in car))}")
    groups = sorted({c.split("_", 2)[2] for c in clean if not c.startswith("clean_carrier")})
    for g in groups:
        rows = [clean[f"clean_{k}_{g}"] for k in KINDS if f"clean_{k}_{g}" in clean]
        out.append(f"  {g:<13} in carriers, all     {fmt(sum(r[0] for r in rows), sum(r[1] for r in rows))}")
    return out


def main(r="74"):
    """Round r's sets (round 76's script calls this with r="76")."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=f"/tmp/r{r}/warden-head")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(HERE), f"r{r}an"))
    ap.add_argument("--sets", default=f"/tmp/inj{r}/sets")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    bare, doc = f"r{r}_bare", f"r{r}_doc"
    texts, res = {}, {}
    for name in (bare, doc):
        texts[name], res[name] = run(a.bin, os.path.join(a.sets, name + ".jsonl"))
        with open(os.path.join(a.out, name + "_eval.json"), "w") as f:
            f.write(texts[name])
    clean = clean_counts(a.bin, a.sets, r)
    with open(os.path.join(a.out, f"r{r}_clean_by_category.txt"), "w") as f:
        f.writelines(f"{c} {k} {n}\n" for c, (k, n) in sorted(clean.items()))
    lines = recall_lines(res[bare], res[doc]) + fp_lines(clean)
    with open(os.path.join(a.out, "summary.txt"), "w") as f:
        f.write(texts[bare] + texts[doc] + "\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
