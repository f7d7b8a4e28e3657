#!/usr/bin/env python3
"""Round 34b: the poisoning classifier's real-data training file, widened to the used fresh sets.

Round 14b trained on 214 real poisoned tools of 17 owners (build_clf_train.py) and found that a
bag of n-grams learns the owners' shared words, which the rules already read. Since then eight
fresh sets (rounds 22-33) have been scored and used: about 300 poisoned tools of about 60 more
owners. This file asks round 14b's question again with four times the authors.

Reads /tmp/clf-train/real.jsonl (build_clf_train.py, round 14b) and the used fresh sets of rounds
22, 23, 24, 26, 28, 30, 32 and 33 (their builders: build_r22.py ... build_r33.py), and writes
/tmp/clf-train/real34.jsonl: round 14b's rows plus every fresh-set tool whose repository's licence,
as its builder records it, is MIT, MIT-0, Apache-2.0, BSD or ISC (PERMISSIVE below: taken from the
builders' docstrings and source tables; a repository not listed there is left out). `_source` is
the repository, so the trainer's -repocv folds by owner.

Never read: round 34 (/tmp/r34p, held out), the held-out benign pools (/tmp/poison-eval/heldout/:
r4, r7, r9 benign, kept to measure false positives), and every injection set. Items whose name
and description equal an r34 item's or a held-out benign item's are dropped (counted only).
Nothing is copied into the repository: the output lives under /tmp.
"""
import hashlib
import json
import os
import sys

OUT = os.environ.get("CLF_TRAIN", "/tmp/clf-train")
P = "/tmp/poison-eval"
R34 = "/tmp/r34p/sets/all.jsonl"

FRESH = [
    P + "/r22/r22_all.jsonl",
    P + "/r23/all.jsonl",
    P + "/r24/all.jsonl",
    P + "/r26/all.jsonl",
    P + "/r28/all.jsonl",
    P + "/r30/all.jsonl",
    "/tmp/r32/sets/all.jsonl",
    "/tmp/r33/sets/all.jsonl",
]

# Repositories whose licence the fresh builders record as permissive (MIT, Apache-2.0, BSD-3-Clause;
# "declared in package.json / pyproject.toml" counts). Everything else in those sets (no licence,
# "evaluation only", MPL, a licence file of unknown kind) is left out.
PERMISSIVE = {
    "5h1Vm/Secure-Pipe", "Aveerayy/agent-guard", "Chris79OG/mcp-scan", "CobaltoSec/corvus",
    "CodingSelim/mcp-scan", "DaoyuanLi2816/mcp-guard", "DiegoInFinland/mcp-threathunting",
    "Dmitriusan/mcp-redis-diagnostics", "Flagler-County-BoCC/mcp-threatlocker", "GaboITB/mcp-shield",
    "Giannos-G/MCP", "Gowthaman90/mcp-defense-bench", "HailBytes/mcp-security-scanner",
    "Krishita17/purplemcp-lab", "LangSight/langsight", "MrunmayeeN/vibeguard",
    "Nislive/llm-agent-mcp-security-lab", "PRINCE2-AI/mcp-sentinel-lab", "QWED-AI/qwed-verification",
    "RasheedFarhat/mcp-detect", "SabyasachiDhal/MCPGoat", "UnitOneAI/unitone-agentgateway",
    "UsableMachines/mcp-security-scanner", "aakriti1318/MCPCheck", "adithyan-ak/agenthound",
    "adudley78/mcp-audit", "alsimoes/mcp-redmine", "aolune/mcp-guard", "bmcfarlane/mcp-security-lab",
    "bountyyfi/mcp-watchdog", "coreyhines/opnsense-mcp", "cylestio/usecases", "duriantaco/skylos",
    "imran-siddique/agent-os", "jaschadub/AgentNull", "jmolz/mcp-guard", "jnMetaCode/shellward",
    "joemunene-by/ghostprobe", "joshconkel/mcp-sentinel", "krishyaid-coder/sluice",
    "lorbeere711/mcp-security-scanner", "m0rvayne/mcp-redteam", "manthanghasadiya/mcpsec",
    "mattschaller/eslint-plugin-mcp-security", "mcpredteam/mcp-redteam-junit", "mhajder/zabbix-mcp",
    "mohitgurnani1/mcp-checkup", "myProjectsRavi/sentinel-protocol", "nokia/mcp-redfish",
    "ogulcanaydogan/mcp-security-scanner", "onoz1169/1scan", "pablohawkes/zabbix-mcp-server-nodejs",
    "raceksd-source/reizan-mcpfuzz", "rfobelieve-crypto/mcp-guard", "riteshkew/firmis-scanner",
    "rodolfboctor/mcp-scan", "rohanbxo/MCP", "samhdz/redmine-mcp-hacks", "saqreed/argusgate",
    "semgrep/mcp-tool-shadowing-demo", "tazendor/opnsense-mcp-server", "thuggeelya/mcp-shield",
    "triepod-ai/inspector-assessment", "wdm0006/mcp-sentinel", "webr0ck/mcp-security-platform",
    "xiaoming6886/mcp-sentinel",
}


def rows(path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                yield json.loads(line)


def key(r):
    return hashlib.sha256((r.get("name", "") + "\x00" + r.get("description", "")).encode()).hexdigest()


def repo_of(r):
    if r.get("repo"):
        return r["repo"]
    return None


def main():
    held = set()
    for f in [R34] + [os.path.join(P, "heldout", n) for n in sorted(os.listdir(os.path.join(P, "heldout")))]:
        if f.endswith(".jsonl"):
            held.update(key(r) for r in rows(f))
    out, seen = [], set()
    dropped = {"held-out repeat": 0, "licence": 0, "no repository": 0, "repeat": 0}
    for r in rows(os.path.join(OUT, "real.jsonl")):
        k = key(r)
        if k in held:
            dropped["held-out repeat"] += 1
            continue
        seen.add(k)
        out.append(r)
    base = len(out)
    per = {}
    for f in FRESH:
        if not os.path.exists(f):
            sys.exit(f"missing {f}: rebuild the fresh sets first (build_r22.py ... build_r33.py)")
        for r in rows(f):
            repo = repo_of(r)
            if repo is None:
                dropped["no repository"] += 1
                continue
            if repo not in PERMISSIVE:
                dropped["licence"] += 1
                continue
            k = key(r)
            if k in held:
                dropped["held-out repeat"] += 1
                continue
            if k in seen:
                dropped["repeat"] += 1
                continue
            seen.add(k)
            t = {x: r[x] for x in ("name", "title", "description", "inputSchema", "outputSchema", "annotations") if x in r}
            t["label"] = int(r["label"])
            t["_source"] = repo
            out.append(t)
            p = per.setdefault(repo.split("/")[0], [0, 0])
            p[0 if t["label"] else 1] += 1
    path = os.path.join(OUT, "real34.jsonl")
    with open(path, "w", encoding="utf-8") as fh:
        for t in out:
            fh.write(json.dumps(t, ensure_ascii=False, sort_keys=True) + "\n")
    pois = sum(1 for t in out[base:] if t["label"])
    owners = sum(1 for v in per.values() if v[0])
    print(f"round 14b rows {base}; fresh rows {len(out) - base} ({pois} poisoned of {owners} owners, "
          f"{len(out) - base - pois} benign); dropped {dropped}")
    with open(path, "rb") as fh:
        print(hashlib.sha256(fh.read()).hexdigest(), path)


if __name__ == "__main__":
    sys.exit(main())
