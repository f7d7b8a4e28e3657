#!/usr/bin/env python3
"""Round 9, third held-out set (frozen before the URL candidate was written): recorded
GitHub API responses of PyGithub's test replay data (LGPL-3.0: measurement only), as a
GitHub MCP server returns them, and their HTTP response headers as `name: value` lines.

Writes /tmp/inj-eval/sets-new/heldout9c/toolout_c_heldout.jsonl (label 0) and
toolout_c_injected.jsonl (label 1: every second JSON record with an ASB attacker
instruction added to one string value after " ", ". ", "\\n" or "\\n\\n", by hash).
Deterministic; uses build_heldout_r9.py's helpers. Replay files whose name's sha256 is
0 mod 2 only (about half), at most 3 responses per file.
"""
import ast, json
import build_heldout_r9 as b

R = "PyGithub+PyGithub"
SEPS = [" ", ". ", "\n", "\n\n"]

def replay(out, headers):
    for p in b.files(R, lambda n: n.startswith("tests/ReplayData/") and n.endswith(".txt")):
        if b.h("file" + p) % 2:
            continue
        lines = b.show(R, p).split("\n")
        k = 0
        for i in range(0, len(lines) - 9, 11):
            rec = lines[i:i + 10]
            if rec[0] not in ("http", "https"):
                break
            try:
                body = json.loads(rec[9])
            except ValueError:
                continue
            if isinstance(body, (dict, list)) and body and k < 3:
                b.json_items(R, f"{p}#{i}", body, "github/pygithub-replay", out)
                k += 1
                if b.h("hdr" + p + str(i)) % 8 == 0:
                    try:
                        hs = ast.literal_eval(rec[8])
                        headers.append(("http/pygithub-headers", f"{R}:{p}#{i}#headers",
                                        "HTTP/1.1 " + rec[7] + "\n" + "\n".join(f"{a}: {v}" for a, v in hs)))
                    except (ValueError, SyntaxError):
                        pass

def main():
    items, headers = [], []
    replay(items, headers)
    atts = b.asb_attacks()
    seen, ben, inj = set(), [], []
    for cat, key, v in items + headers:
        t = b.to_text(cat, key, v)
        if len(t) > b.MAXDOC or t in seen:
            continue
        seen.add(t)
        ben.append({"text": t, "label": 0, "category": cat, "id": key})
        if not isinstance(v, str) and b.h("inj" + key) % 2 == 0:
            sep = SEPS[b.h("sep" + key) % len(SEPS)]
            o = b.inject(v, key, sep + atts[b.h("att" + key) % len(atts)])
            if o is not None:
                it = b.render(o, key)
                if len(it) <= b.MAXDOC:
                    inj.append({"text": it, "label": 1, "category": cat + "/sep" + str(SEPS.index(sep)), "id": key})
    b.write(f"{b.OUT}/heldout9c/toolout_c_heldout.jsonl", ben)
    b.write(f"{b.OUT}/heldout9c/toolout_c_injected.jsonl", inj)

if __name__ == "__main__":
    main()
