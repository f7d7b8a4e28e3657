#!/usr/bin/env python3
"""Round 52: chat-line evasion set (tune data only).

Attacks from spikee tune (the 'twin' items' injected span) and garak tune (the 'peers' items'
span, at most 600 bytes) are written as ONE chat line into a clean r50 chat TUNE chunk that HEAD
does not flag: the line copies a real line's prefix (timestamp and speaker tag) of that chunk and
replaces its message with the attack (newlines folded to spaces), inserted in the chunk's middle.
100 spikee + 100 garak, deterministic (sha256 order).

usage: build_evasion_r52.py R34_SETS_DIR R50_CHAT_TUNE.jsonl HEAD_PERITEM_CHAT_TUNE.out OUT.jsonl"""
import hashlib, json, re, sys

PREFIX = re.compile(r"^(.*?(?:<[^<>\n]{1,40}>|\d\d:\d\d(?::\d\d)? -? ?[A-Za-z][\w ]{0,20}:)[ \t]+)\S")


def h(s):
    return hashlib.sha256(s.encode()).hexdigest()


def main():
    sets, tune, headout, out = sys.argv[1:5]
    flagged = {json.loads(l)["line"] for l in open(headout) if json.loads(l)["flagged"]}
    hosts = []
    for n, l in enumerate(open(tune, encoding="utf-8"), 1):
        d = json.loads(l)
        lines = d["text"].split("\n")
        speak = [i for i, x in enumerate(lines) if PREFIX.match(x)]
        if n in flagged or len(speak) < 4:
            continue
        hosts.append((h(d["source"]), d, lines, speak))
    hosts.sort(key=lambda t: t[0])
    atk = []
    for name, how, k in (("spikee_tune", "twin", 100), ("garak_tune", "peers", 100)):
        cand = []
        for l in open(f"{sets}/{name}.jsonl", encoding="utf-8"):
            d = json.loads(l)
            p = " ".join(d["text"][d["a"]:d["b"]].split())
            if d["how"] == how and 20 <= len(p) <= 600:
                cand.append((h(name + d["id"] + p), name, d["id"], p))
        cand.sort()
        seen, got = set(), []
        for c in cand:
            if c[3] not in seen:
                seen.add(c[3])
                got.append(c)
            if len(got) == k:
                break
        atk += got
    with open(out, "w", encoding="utf-8") as f:
        for j, (_, name, aid, p) in enumerate(atk):
            _, d, lines, speak = hosts[j % len(hosts)]
            i = speak[len(speak) // 2]
            pre = PREFIX.match(lines[i]).group(1)
            new = lines[:i + 1] + [pre + p] + lines[i + 1:]
            f.write(json.dumps({"text": "\n".join(new), "label": 1, "category": f"inj/chatline/{name}",
                                "source": d["source"] + " + " + name + ":" + aid}, ensure_ascii=False) + "\n")
    print(len(atk), "items,", len(hosts), "hosts", file=sys.stderr)


if __name__ == "__main__":
    main()
