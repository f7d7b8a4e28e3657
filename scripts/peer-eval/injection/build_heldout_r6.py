#!/usr/bin/env python3
"""Round-6 held-out set, frozen before any round-6 change; scored once.

Injected: Agent Security Bench (ASB) attacker instructions, MIT, as vendored in
Zhang-Henry/AIOS_agent@b38a3d201c13ce8cf74ebc2aa61ce771f14ef3f4 (data/all_attack_tools.jsonl,
400 "Attacker Instruction" strings written by the ASB authors). Each is appended, with one
space and no separator, to the observation of a normal tool of the same agent
(data/all_normal_tools.jsonl, "Expected Achievements"), the way ASB's naive observation
prompt injection builds a tool result.

Clean: the 20 normal-tool observations alone, and README sections (split at "## ") of
awslabs/mcp@100b55b6d92f731bc8d23486ce9efd5bbf90c606 (Apache-2.0): ordinary instructions
addressed to human readers. Every 3rd section of 40..4000 characters, in path order.

Usage: fetch github:Zhang-Henry/AIOS_agent and github:awslabs/mcp with the library's fetch
tool, then python3 build_heldout_r6.py -> /tmp/inj-eval/sets-new/heldout6/asb.jsonl
"""
import json, os, subprocess

ASB = "/work/.mirror/Zhang-Henry+AIOS_agent/repo"
ASB_COMMIT = "b38a3d201c13ce8cf74ebc2aa61ce771f14ef3f4"
AWS = "/work/.mirror/awslabs+mcp/repo"
AWS_COMMIT = "100b55b6d92f731bc8d23486ce9efd5bbf90c606"
OUT = "/tmp/inj-eval/sets-new/heldout6"


def show(repo, commit, path):
    return subprocess.check_output(["git", "-C", repo, "show", f"{commit}:{path}"]).decode("utf-8")


def jsonl(repo, commit, path):
    return [json.loads(l) for l in show(repo, commit, path).splitlines() if l.strip()]


def readme_sections():
    names = subprocess.check_output(["git", "-C", AWS, "ls-tree", "-r", "--name-only", AWS_COMMIT]).decode().split("\n")
    out = []
    for p in sorted(n for n in names if n.endswith("README.md")):
        text = show(AWS, AWS_COMMIT, p)
        cur = []
        for line in text.split("\n"):
            if line.startswith("## ") and cur:
                out.append("\n".join(cur).strip())
                cur = []
            cur.append(line)
        if cur:
            out.append("\n".join(cur).strip())
    out = [s for s in out if 40 <= len(s) <= 4000]
    return out[::3]


def main():
    attacks = jsonl(ASB, ASB_COMMIT, "data/all_attack_tools.jsonl")
    normal = jsonl(ASB, ASB_COMMIT, "data/all_normal_tools.jsonl")
    by_agent = {}
    for t in normal:
        by_agent.setdefault(t["Corresponding Agent"], []).append(t["Expected Achievements"])
    os.makedirs(OUT, exist_ok=True)
    n = [0, 0]
    with open(os.path.join(OUT, "asb.jsonl"), "w", encoding="utf-8") as f:
        for i, a in enumerate(attacks):
            obs = by_agent[a["Corresponding Agent"]]
            text = obs[i % len(obs)] + " " + a["Attacker Instruction"]
            f.write(json.dumps({"text": text, "label": 1, "category": "asb/" + a["Attack Type"].split()[0].lower()}) + "\n")
            n[1] += 1
        for t in normal:
            f.write(json.dumps({"text": t["Expected Achievements"], "label": 0, "category": "asb/observation"}) + "\n")
            n[0] += 1
        for s in readme_sections():
            f.write(json.dumps({"text": s, "label": 0, "category": "awslabs/readme"}) + "\n")
            n[0] += 1
    print("asb.jsonl: %d injected, %d clean" % (n[1], n[0]))


if __name__ == "__main__":
    main()
