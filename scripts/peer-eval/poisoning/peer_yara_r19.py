#!/usr/bin/env python3
"""Round 19: Cisco mcp-scanner's YARA analyzer against Warden on our labelled tools.

Measurement only; no third-party rule text is copied here. The rules are read
at run time from a checkout of github:cisco-ai-defense/mcp-scanner
(Apache-2.0), `mcpscanner/data/yara_rules/*.yara`, and compiled with
yara-python (Debian `python3-yara`) exactly as `YaraAnalyzer._load_rules`
does: one `yara.compile(sources={file name: text})` over every *.yara/*.yar.

What a tool's verdict is, reproduced from `mcpscanner/core/scanner.py`
`Scanner._analyze_tool` (the live scan, mode "live", the default here):
  1. `rules.match(data=description)` when the description is non-empty;
  2. `rules.match(data=json.dumps(tool))` where `tool` is
     `MCPTool.model_dump_json()` reloaded with "description" deleted: every
     field of mcp's `Tool` model (name, title, inputSchema, outputSchema,
     icons, annotations with all five hint keys, meta, execution), absent
     ones as null; a tool without inputSchema gets {"type": "object"} (the
     model requires one, and a live server always sends one).
Every match is a finding whatever its severity, and `ScanResult.is_safe` is
`len(findings) == 0` (`mcpscanner/core/result.py`): a tool counts as flagged
iff any rule matches either text. Mode "static" reproduces
`StaticAnalyzer.scan_tools_file` instead (the tool object as given, minus our
label keys; parameters scanned only when it has "inputSchema").

Warden's per-item verdicts come from `probe_r19.go` (run in a clean
`git archive` tree; it prints file, index, label and verdict, never text);
its per-file counts are checked against `warden eval poisoning --json`.

Usage:
  peer_yara_r19.py --cisco DIR --warden-verdicts V.jsonl [--warden BIN] FILE...
      per file: items, poisoned/benign counts, Warden / YARA / union found.
      Counts only, so held-out files may be given.
  peer_yara_r19.py --cisco DIR --warden-verdicts V.jsonl --list FILE...
      tune files only (refuses held-out paths): the poisoned tools YARA
      flags and Warden misses, and the benign tools YARA flags, with rules.
"""

import argparse
import json
import os
import subprocess
import sys

import yara

# Keys of our labelled files that are bookkeeping, not part of what an MCP
# server sends; Cisco's scanner must not see them.
MCP_TOOL_KEYS = ("name", "title", "description", "inputSchema", "outputSchema",
                 "icons", "annotations", "_meta", "execution")
ANNOTATION_KEYS = ("title", "readOnlyHint", "destructiveHint", "idempotentHint",
                   "openWorldHint")

# Listing texts is allowed only under these tune paths (relative to the data
# root); everything else counts as held-out.
TUNE_PREFIXES = ("tune/", "seen/", "other/", "r13/r13_tune", "r14/r14_tune",
                 "r10/mpma_tune", "r10/persuasive_benign")


def load_rules(cisco_dir):
    """Compile Cisco's rules the way YaraAnalyzer._load_rules does."""
    rules_dir = os.path.join(cisco_dir, "mcpscanner", "data", "yara_rules")
    sources = {}
    for name in sorted(os.listdir(rules_dir)):
        if name.endswith((".yara", ".yar")):
            with open(os.path.join(rules_dir, name), encoding="utf-8") as f:
                sources[name] = f.read()
    if not sources:
        raise SystemExit(f"no YARA rules in {rules_dir}")
    return yara.compile(sources=sources)


def live_dump(obj):
    """MCPTool(**obj).model_dump_json() reloaded, description removed."""
    ann = obj.get("annotations")
    if isinstance(ann, dict):
        ann = {**{k: ann.get(k) for k in ANNOTATION_KEYS},
               **{k: v for k, v in ann.items() if k not in ANNOTATION_KEYS}}
    schema = obj.get("inputSchema")
    if not isinstance(schema, dict):
        schema = {"type": "object"}
    return {"name": obj.get("name"), "title": obj.get("title"),
            "inputSchema": schema, "outputSchema": obj.get("outputSchema"),
            "icons": obj.get("icons"), "annotations": ann,
            "meta": obj.get("_meta"), "execution": obj.get("execution")}


def texts_scanned(obj, mode):
    """The strings Cisco's analyzer matches for one tool, in its order."""
    out = []
    desc = obj.get("description")
    if desc:
        out.append(desc)
    if mode == "live":
        out.append(json.dumps(live_dump(obj)))
    else:
        tool = {k: v for k, v in obj.items() if k in MCP_TOOL_KEYS}
        if "inputSchema" in tool:
            out.append(json.dumps({k: v for k, v in tool.items() if k != "description"}))
    return out


def yara_rules_hit(rules, obj, mode):
    """Names of the rules matching any scanned text (empty = is_safe)."""
    hit = []
    for text in texts_scanned(obj, mode):
        for m in rules.match(data=text):
            if m.rule not in hit:
                hit.append(m.rule)
    return hit


def load_items(path):
    """Our labelled tools, in the order Warden's corpus loader yields them."""
    items = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            obj = json.loads(line)
            if "label" not in obj or not isinstance(obj.get("name"), str):
                raise SystemExit(f"{path}: item without label or name; not handled")
            items.append(obj)
    return items


def warden_verdicts(path):
    """probe_r19.go output: {file: {idx: (label, flag)}}."""
    out = {}
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            out.setdefault(r["file"], {})[r["idx"]] = (r["label"], r["flag"])
    return out


def warden_eval_counts(binary, path):
    """tp, fp of `warden eval poisoning --json FILE` (last line)."""
    res = subprocess.run([binary, "eval", "poisoning", "--json", path],
                         capture_output=True, text=True, check=False)
    rep = json.loads(res.stdout.strip().splitlines()[-1])
    return rep["tp"], rep["fp"]


def score_file(rules, path, verdicts, mode):
    """Per-item (label, warden, yara, rules) in memory; never printed here."""
    items = load_items(path)
    wv = verdicts.get(path)
    if wv is None or len(wv) != len(items):
        raise SystemExit(f"{path}: Warden verdicts missing or misaligned")
    rows = []
    for i, obj in enumerate(items):
        label, wflag = wv[i]
        if label != bool(int(obj["label"])):
            raise SystemExit(f"{path}: label mismatch at an item; not aligned")
        hit = yara_rules_hit(rules, obj, mode)
        rows.append((label, wflag, bool(hit), hit, obj))
    return rows


def counts(rows):
    pos = [r for r in rows if r[0]]
    neg = [r for r in rows if not r[0]]
    c = {"pos": len(pos), "neg": len(neg)}
    for name, sel in (("w", lambda r: r[1]), ("y", lambda r: r[2]),
                      ("u", lambda r: r[1] or r[2]), ("yonly", lambda r: r[2] and not r[1])):
        c[name + "_tp"] = sum(1 for r in pos if sel(r))
        c[name + "_fp"] = sum(1 for r in neg if sel(r))
    return c


def is_tune(path, root):
    rel = os.path.relpath(path, root)
    return rel.startswith(TUNE_PREFIXES) and "heldout" not in rel


def list_tune(rows, path):
    print(f"## {path}")
    for label, wflag, yflag, hit, obj in rows:
        if yflag and (not label or not wflag):
            kind = "YONLY-POISONED" if label else "BENIGN-FP"
            print(json.dumps({"kind": kind, "warden": wflag, "rules": hit,
                              "name": obj.get("name"),
                              "description": obj.get("description"),
                              "params": sorted((obj.get("inputSchema") or {}).get("properties") or {})},
                             ensure_ascii=False))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cisco", required=True, help="checkout of cisco-ai-defense/mcp-scanner")
    ap.add_argument("--warden-verdicts", required=True, help="probe_r19.go output")
    ap.add_argument("--warden", help="warden binary: check per-file counts against eval --json")
    ap.add_argument("--mode", choices=("live", "static"), default="live")
    ap.add_argument("--root", default="/tmp/poison-eval")
    ap.add_argument("--list", action="store_true", help="tune files only: list YARA-only hits")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    rules = load_rules(a.cisco)
    verdicts = warden_verdicts(a.warden_verdicts)
    if a.list:
        bad = [f for f in a.files if not is_tune(f, a.root)]
        if bad:
            raise SystemExit(f"--list refuses non-tune files: {len(bad)} given")
    for path in a.files:
        rows = score_file(rules, path, verdicts, a.mode)
        c = counts(rows)
        if a.warden:
            tp, fp = warden_eval_counts(a.warden, path)
            c["eval_agrees"] = (tp, fp) == (c["w_tp"], c["w_fp"])
        print(json.dumps({"file": os.path.relpath(path, a.root), "mode": a.mode, **c}))
        if a.list:
            list_tune(rows, path)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
