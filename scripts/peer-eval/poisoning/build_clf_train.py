#!/usr/bin/env python3
"""Build the real-data training file of the poisoning classifier (round 14b).

Reads the TUNE sets under /tmp/poison-eval (rebuilt by build.py ... split_round13.py,
see SOURCES.md) and writes /tmp/clf-train/real.jsonl: every tool whose source licence
permits training (MIT, Apache-2.0, BSD, CC0, CC-BY), labelled as its set labels it,
with `_source` set to the repository (or server list) it came from, so that the trainer
can group by repository (`-extra`, `-repocv` in internal/detect/cmd/train).

Left out on purpose (licence): MCPTox (tune/mcptox_a, seen/mcptox_b), beejak,
truongvan25, DevSecOps_Arena, MCP-SafetyBench (evaluation only), sentinelmcp and
MCP-AuditGuard (r13_tune, evaluation only), Invariant's demos and the benign tools of
seen/demos (no licence / mixed), Accenture mcp-bench servers of tune/r4_benign
(evaluation only), Sentry (none) and Terraform (MPL-2.0) of other/r7_extra_benign.
Left out on purpose (scope): other/cisco_malicious_capability (overt capabilities) and
other/cisco_example_servers (server-level labels, half the tools clean). Never read:
any heldout/ file, r10/mpma_heldout, r12, r13_heldout. Items whose name and description
equal a held-out item's are dropped (counted, not printed).

Nothing is copied into the repository: the output lives under /tmp.
"""
import hashlib
import json
import os
import sys

ROOT = os.environ.get("POISON_EVAL", "/tmp/poison-eval")
OUT = os.environ.get("CLF_TRAIN", "/tmp/clf-train")

# (file, fixed group or None, filter(row) -> group or None to drop)
def fixed(group):
    return lambda r: group


def r4(r):
    kind = r.get("server", "").split("/")[0]
    if kind == "mcpbench":  # vendored servers, no licence: evaluation only
        return None
    return "r4:" + r["server"]


def by_field(prefix, field):
    return lambda r: prefix + str(r.get(field, "?"))


DEMOS = {"gensecai-poc": "gensecaihq/mcp-poisoning-poc", "mcp-scan-demo": "invariantlabs-ai/mcp-scan"}


def demos(r):
    return DEMOS.get(r.get("category"))  # benign rows and Invariant's own demos dropped


EXTRA_OK = {"mongodb-js/mongodb-mcp-server", "supabase-community/supabase-mcp"}


def extra_benign(r):
    repo = r["source"].split("@")[0]
    return repo if repo in EXTRA_OK else None


R13_OK = {"security-researcher-ca/AI-Agentic-Shield", "Blute122/redcell", "perparimmjeku/mcp-tool-auditor",
          "smart-mcp-proxy/mcp-scanner", "mcp-audit", "sarveshchandak"}


def r13(r):
    return r["repo"] if r["repo"] in R13_OK else None


SETS = [
    # attacks and their authors' benign controls
    ("tune/mcpproxy_security.jsonl", fixed("smart-mcp-proxy/mcpproxy-go")),           # MIT
    ("seen/mcpproxy_detect.jsonl", fixed("smart-mcp-proxy/mcpproxy-go")),             # MIT
    ("tune/cisco_poisoned.jsonl", fixed("cisco-ai-defense/mcp-scanner")),             # Apache-2.0
    ("tune/cisco_benign.jsonl", fixed("cisco-ai-defense/mcp-scanner")),               # Apache-2.0
    ("tune/dvmcp.jsonl", fixed("harishsg993010/damn-vulnerable-MCP-server")),         # MIT (README)
    ("seen/harryc_bench.jsonl", fixed("harryc295/tool-poisoning-bench")),             # MIT
    ("seen/demos.jsonl", demos),                                                      # MIT / Apache-2.0 parts
    ("tune/r5_acuvity.jsonl", fixed("acuvity/mcp-server-everything-wrong")),          # Apache-2.0
    ("tune/r5_nmeisenzahl.jsonl", fixed("nmeisenzahl/hijack-agentic-ai")),            # MIT
    ("tune/r5_tum_dse.jsonl", fixed("TUM-DSE/MCPSecBench")),                          # MIT
    ("seen/r7_enkrypt.jsonl", fixed("enkryptai/secure-mcp-gateway")),                 # Apache-2.0
    ("seen/r7_mcp_guardian.jsonl", fixed("alexandriashai/mcp-guardian")),             # MIT
    ("r10/mpma_tune.jsonl", fixed("cao-elaine/MPMA")),                                # MIT
    ("r13/r13_tune.jsonl", r13),                                                      # per repo, see R13_OK
    # real benign tool lists
    ("tune/github_mcp_benign.jsonl", fixed("github/github-mcp-server")),              # MIT
    ("tune/livemcpbench_a.jsonl", by_field("livemcp:", "_server")),                   # Apache-2.0
    ("seen/livemcpbench_b.jsonl", by_field("livemcp:", "_server")),                   # Apache-2.0
    ("seen/awslabs_benign.jsonl", fixed("awslabs/mcp")),                              # Apache-2.0
    ("tune/r4_benign.jsonl", r4),                                                     # docker MIT, Klavis Apache-2.0
    ("other/ibm_contextforge_benign.jsonl", fixed("IBM/mcp-context-forge")),         # Apache-2.0
    ("other/r7_extra_benign.jsonl", extra_benign),                                    # Apache-2.0 parts
]

HELDOUT = ["heldout/*.jsonl", "r10/mpma_heldout.jsonl", "r13/r13_heldout.jsonl"]

KEEP = ("name", "title", "description", "inputSchema", "outputSchema", "annotations")


def key(r):
    return hashlib.sha256(json.dumps([r.get("name", ""), r.get("description", "")]).encode()).hexdigest()


def main():
    import glob
    held = set()
    for pat in HELDOUT:
        for f in sorted(glob.glob(os.path.join(ROOT, pat))):
            for line in open(f):
                if line.strip():
                    held.add(key(json.loads(line)))
    out, seen, dropped = [], set(), 0
    counts = {}
    for rel, group_of in SETS:
        for line in open(os.path.join(ROOT, rel)):
            if not line.strip():
                continue
            r = json.loads(line)
            g = group_of(r)
            if g is None or not isinstance(r.get("description"), str):
                continue
            k = key(r)
            if k in held:
                dropped += 1
                continue
            lab = int(r["label"])
            if (k, lab) in seen:
                continue
            seen.add((k, lab))
            o = {f: r[f] for f in KEEP if f in r and r[f] not in (None, "")}
            o["label"] = lab
            o["_source"] = g
            out.append(o)
            c = counts.setdefault(rel, [0, 0])
            c[lab] += 1
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "real.jsonl")
    with open(path, "w") as w:
        for o in out:
            w.write(json.dumps(o, sort_keys=True) + "\n")
    for rel, (b, m) in counts.items():
        print(f"{rel:42s} {m:4d} poisoned {b:5d} benign", file=sys.stderr)
    mal = sum(o["label"] for o in out)
    groups = len({o["_source"] for o in out if o["label"]})
    print(f"{path}: {mal} poisoned ({groups} repositories), {len(out) - mal} benign; "
          f"{dropped} dropped as equal to a held-out item", file=sys.stderr)
    print(hashlib.sha256(open(path, "rb").read()).hexdigest(), path)


if __name__ == "__main__":
    main()
