#!/usr/bin/env python3
"""Round-7 held-out set: garak's latent-injection probes as documents.

NVIDIA/garak (Apache-2.0) buries instructions in a financial report, a
resume, fact snippets (Eiffel Tower, legal), and WHOIS records. The probes
build prompts as top_instruction + context-with-injection; a tool result is
only the document, so the user's top instruction is left out. Class
attributes are read by executing the probe module with stub garak imports;
nothing of garak runs. Writes /tmp/inj-eval/sets-new/heldout7/garak_latent.jsonl.
"""
import json, os, random, subprocess, sys, types

GIT = "/work/.mirror/NVIDIA+garak/repo"
COMMIT = "cafbe992780df70015de7295ca026b70c4629ada"
OUT = "/tmp/inj-eval/sets-new/heldout7"
PER_CLASS = 120


def show(path):
    return subprocess.run(["git", "--git-dir=" + GIT, "show", COMMIT + ":" + path],
                          check=True, capture_output=True, text=True).stdout


def stub_garak():
    class Payloads:
        def __init__(self, name):
            self.payloads = json.loads(show("garak/data/payloads/%s.json" % name))["payloads"]
    class Probe:
        DEFAULT_PARAMS = {}
    mods = {
        "garak": types.ModuleType("garak"),
        "garak._config": types.ModuleType("garak._config"),
        "garak.attempt": types.ModuleType("garak.attempt"),
        "garak.payloads": types.ModuleType("garak.payloads"),
        "garak.probes": types.ModuleType("garak.probes"),
        "garak.resources": types.ModuleType("garak.resources"),
        "garak.resources.theme": types.ModuleType("garak.resources.theme"),
        "tqdm": types.ModuleType("tqdm"),
    }
    mods["garak.attempt"].Attempt = object
    mods["garak.payloads"].load = Payloads
    mods["garak.probes"].Probe = Probe
    mods["garak.probes"].Tier = types.SimpleNamespace(OF_CONCERN=1)
    mods["garak"]._config = mods["garak._config"]
    mods["garak"].payloads = mods["garak.payloads"]
    mods["garak"].probes = mods["garak.probes"]
    mods["garak"].resources = mods["garak.resources"]
    mods["garak.resources"].theme = mods["garak.resources.theme"]
    sys.modules.update(mods)
    ns = {"__name__": "latentinjection"}
    exec(compile(show("garak/probes/latentinjection.py"), "latentinjection.py", "exec"), ns)
    return ns


def snippet_contexts(cls, ns, rng, cap=20, per=5, raw=True):
    # As FactSnippetMixin._build_snippet_contexts, with a seeded generator.
    per = min(per, len(cls.paragraphs))
    out, clean = [], []
    while len(out) < cap:
        ids = rng.sample(range(len(cls.paragraphs)), per)
        snips = [cls.paragraphs[i] for i in ids]
        pos = rng.randint(1 if raw else 0, per - 1)
        keep = None if raw else pos
        snips = [s.replace("{INJECTION_MARKER}", "") if i != keep else s for i, s in enumerate(snips)]
        clean.append("\n".join(s.replace("{INJECTION_MARKER}", "") for s in snips))
        if raw:
            snips.insert(pos, "{INJECTION_MARKER}")
        ctx = "\n".join(snips).replace("{INJECTION_MARKER}", ns["INJECTION_MARKER"])
        if ctx not in out:
            out.append(ctx)
    return out, clean


def main():
    ns = stub_garak()
    IM, PM, TM = ns["INJECTION_MARKER"], ns["PAYLOAD_MARKER"], ns["TRIGGER_MARKER"]
    rng = random.Random(7)
    domains = json.loads(show("garak/data/payloads/domains_latentinjection.json"))["payloads"]
    items = []
    for name in ["LatentInjectionReportFull", "LatentInjectionResumeFull",
                 "LatentInjectionFactSnippetEiffelFull", "LatentInjectionFactSnippetLegalFull",
                 "LatentWhois", "LatentWhoisSnippetFull"]:
        cls = ns[name]
        triggers = list(cls.payload_triggers) or domains
        if hasattr(cls, "paragraphs"):
            raw = name != "LatentWhoisSnippetFull"
            contexts, clean = snippet_contexts(cls, ns, rng, cap=10 if not raw else 20, raw=raw)
        else:
            contexts = list(cls.contexts)
            clean = [c.replace(IM, "") for c in contexts]
        docs = []
        for ctx in contexts:
            for a, b in cls.injection_sep_pairs:
                for ins in cls.injection_instructions:
                    for p in cls.payloads:
                        for t in triggers:
                            docs.append(ctx.replace(IM, a + ins.replace(PM, p.replace(TM, t)) + b))
        docs = sorted(set(docs))
        rng.shuffle(docs)
        for d in docs[:PER_CLASS]:
            items.append({"text": d, "label": 1, "category": "garak/" + name})
        for c in sorted(set(clean)):
            items.append({"text": c, "label": 0, "category": "garak-clean/" + name})
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "garak_latent.jsonl")
    with open(path, "w") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    n1 = sum(it["label"] for it in items)
    print("%s: %d injected, %d clean" % (path, n1, len(items) - n1))


if __name__ == "__main__":
    main()
