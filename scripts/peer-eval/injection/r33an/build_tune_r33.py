#!/usr/bin/env python3
"""Round 33: a JSON tune set from tune carriers (go-gitlab testdata, go-jira mock data: the round-9
tune carriers) with tune-side attacks: (1) Mosscap prompts (Parapet's sample, 40-400 chars) that
none of rounds 14, 14b, 15, 16 inserted, only those whose sha256("r33tune"+prompt) is even (the
other half stays unused for later held-out sets); (2) ASB attacker instructions (all_attack_tools,
tune since round 7). Appended to one string value (round 10's inject) after " ", ". ", an escaped
line break, " - " or ", " by hash. Tune data: errors may be read. Deterministic.
Run from scripts/peer-eval/injection (imports the round-9/10/14 builders)."""
import json, sys
sys.path.insert(0, "/work/main/scripts/peer-eval/injection")
from build_heldout_r9 import files, show, h, render, MAXDOC, write, asb_attacks
from build_heldout_r10 import inject
from build_heldout_r14 import items_of, mosscap

OUT = "/tmp/r33/sets"
SEPS = (" ", ". ", "\n", " - ", ", ")
SEPNAMES = ("space", "period", "newline", "dash", "comma")

def json_files(repo, pred, cat, out):
    for p in files(repo, pred):
        try:
            items_of(repo, p, json.loads(show(repo, p)), cat, out)
        except ValueError:
            pass

def main():
    items = []
    json_files("xanzy+go-gitlab", lambda n: n.startswith("testdata/") and n.endswith(".json"), "gitlab", items)
    json_files("andygrunwald+go-jira", lambda n: n.startswith("testing/mock-data/") and n.endswith(".json"), "jira", items)
    used = "".join(open(f"/tmp/inj-eval/sets-new/{d}").read() for d in
                   ("heldout14/toolout14_injected.jsonl", "heldout14b/toolout14b_injected.jsonl",
                    "heldout15/toolout15_injected.jsonl", "heldout16/toolout16_injected.jsonl"))
    moss = [a for a in mosscap() if a not in used and h("r33tune" + a) % 2 == 0]
    asb = asb_attacks()
    print("mosscap pool", len(moss), "asb", len(asb))
    seen, ben, im, ia = set(), [], [], []
    for cat, key, v in items:
        t = render(v, key)
        if len(t) > MAXDOC or len(t) < 40 or t in seen or not isinstance(v, (dict, list)):
            continue
        seen.add(t)
        ben.append({"text": t, "label": 0, "category": cat, "id": key})
        for fam, atts, dst in (("mosscap", moss, im), ("asb", asb, ia)):
            a = atts[h("att33" + fam + key) % len(atts)]
            si = h("sep33" + fam + key) % len(SEPS)
            o = inject(v, key, a, SEPS[si])
            if o is None:
                continue
            it = render(o, key)
            if len(it) <= MAXDOC:
                dst.append({"text": it, "label": 1, "id": key, "category": f"{cat}/{fam}/{SEPNAMES[si]}", "attack": a})
    write(f"{OUT}/json_tune_r33_clean.jsonl", ben)
    write(f"{OUT}/json_tune_r33_mosscap.jsonl", im)
    write(f"{OUT}/json_tune_r33_asb.jsonl", ia)

if __name__ == "__main__":
    main()
