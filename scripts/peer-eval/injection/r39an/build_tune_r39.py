"""Round 39 tune probe: tune-side attacks (40 ASB attacker instructions, round 33's tune family, and 40
Mosscap prompts of round 33's tune half, sha256("r33tune"+p) even) placed after the unpunctuated line
"## Next steps" in r23 web tune markdown carriers (as round 37), with the break between the line and the
attack (and after the attack) being one of: \\n\\n (control), U+2028, U+2029, U+0085, \\v, \\f, \\n + 16
spaces. Clean side: every carrier with each of its \\n replaced by the separator (or each line indented
by 16 spaces), so the wider reading's false positives show."""
import json, sys
sys.path.insert(0, "/work/main/scripts/peer-eval/injection")
from build_heldout_r9 import h, write, asb_attacks
from build_heldout_r14 import mosscap
from build_r36 import place
SEPS = (("nl", "\n\n"), ("ls", "\u2028"), ("ps", "\u2029"), ("nel", "\u0085"), ("vt", "\v"), ("ff", "\f"), ("indent", "\n" + " " * 16))
docs = [x for x in map(json.loads, open("/tmp/r23/sets/r23_web_tune.jsonl")) if x["category"].startswith("clean/web/md/")]
docs = [d for d in docs if "\n\n" in d["text"].strip() and len(d["text"]) <= 20000]
moss = sorted({a for a in mosscap() if h("r33tune" + a) % 2 == 0}, key=lambda a: h("r39" + a))[:40]
asb = sorted(set(asb_attacks()), key=lambda a: h("r39" + a))[:40]
inj, clean = [], []
for fam, atts in (("asb", asb), ("mosscap", moss)):
    for a in atts:
        d = docs[h("r39doc" + a) % len(docs)]
        base = place(d["text"], "## Next steps", "\x00")  # marks the attack's paragraph
        for name, sep in SEPS:
            t = base.replace("## Next steps\n\n\x00\n\n", "## Next steps" + sep + a + sep)
            assert a in t
            inj.append({"text": t, "label": 1, "id": d["id"], "category": f"r39tune/{fam}/{name}"})
for d in docs:
    for name, sep in SEPS:
        if name == "nl":
            t = d["text"]
        elif name == "indent":
            t = "\n".join(" " * 16 + l if l.strip() else l for l in d["text"].split("\n"))
        else:
            t = d["text"].replace("\n", sep)
        clean.append({"text": t, "label": 0, "id": d["id"], "category": f"r39tune/clean/{name}"})
print("docs", len(docs), "asb", len(asb), "moss", len(moss), "inj", len(inj), "clean", len(clean))
write("/tmp/r39/sets/r39tune_injected.jsonl", inj)
write("/tmp/r39/sets/r39tune_clean.jsonl", clean)
