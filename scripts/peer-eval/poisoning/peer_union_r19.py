#!/usr/bin/env python3
"""Round 19: Warden, Cisco YARA and mcpproxy-go's scanner, alone and in union.

Counts only (held-out files may be given). Per-item verdicts are joined in
memory by (file, index) with a label check and never printed:
  --warden-verdicts  probe_r19.go output (Warden HEAD, "flag")
  --mcpproxy-verdicts peer_mcpproxy_r19.go output ("flag" = dangerous,
                      hard tier; "any" = dangerous or warnings)
  YARA verdicts are computed here with peer_yara_r19.py's functions (live
  mode, as that script documents).

Usage: peer_union_r19.py --cisco DIR --warden-verdicts W --mcpproxy-verdicts M FILE...
Prints one JSON line per file and one per pool given with --pool NAME=F1,F2.
"""

import argparse
import importlib.util
import json
import os
import sys

# Importing peer_yara_r19 must leave no __pycache__ beside it in the repository.
sys.dont_write_bytecode = True


def load_peer_yara():
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location("peer_yara_r19", os.path.join(here, "peer_yara_r19.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_verdicts(path):
    out = {}
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            out[(r["file"], r["idx"])] = r
    return out


# Detectors and unions reported, each a predicate over one item's verdicts.
COLUMNS = {
    "W": lambda v: v["w"],
    "Y": lambda v: v["y"],
    "Mhard": lambda v: v["mh"],
    "Many": lambda v: v["ma"],
    "W|Y": lambda v: v["w"] or v["y"],
    "W|Mhard": lambda v: v["w"] or v["mh"],
    "W|Y|Mhard": lambda v: v["w"] or v["y"] or v["mh"],
}


def file_verdicts(py, rules, path, wv, mv):
    items = py.load_items(path)
    rows = []
    for i, obj in enumerate(items):
        w, m = wv.get((path, i)), mv.get((path, i))
        label = bool(int(obj["label"]))
        if w is None or m is None or w["label"] != label or m["label"] != label:
            raise SystemExit(f"{path}: verdicts missing or misaligned")
        rows.append({"label": label, "w": w["flag"], "y": bool(py.yara_rules_hit(rules, obj, "live")),
                     "mh": m["flag"], "ma": m["any"]})
    return rows


def tally(name, rows):
    out = {"set": name, "pos": sum(r["label"] for r in rows), "neg": sum(not r["label"] for r in rows)}
    for col, pred in COLUMNS.items():
        out[col] = [sum(1 for r in rows if r["label"] and pred(r)),
                    sum(1 for r in rows if not r["label"] and pred(r))]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cisco", required=True)
    ap.add_argument("--warden-verdicts", required=True)
    ap.add_argument("--mcpproxy-verdicts", required=True)
    ap.add_argument("--root", default="/tmp/poison-eval")
    ap.add_argument("--pool", action="append", default=[], help="NAME=relpath,relpath")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    py = load_peer_yara()
    rules = py.load_rules(a.cisco)
    wv, mv = read_verdicts(a.warden_verdicts), read_verdicts(a.mcpproxy_verdicts)
    per = {}
    for path in a.files:
        rel = os.path.relpath(path, a.root)
        per[rel] = file_verdicts(py, rules, path, wv, mv)
        print(json.dumps(tally(rel, per[rel])))
    for spec in a.pool:
        name, rels = spec.split("=", 1)
        rows = [r for rel in rels.split(",") for r in per[rel]]
        print(json.dumps(tally("POOL " + name, rows)))


if __name__ == "__main__":
    main()
