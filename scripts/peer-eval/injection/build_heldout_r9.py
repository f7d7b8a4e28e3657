#!/usr/bin/env python3
"""Round 9: tool outputs as an MCP server returns them (JSON API responses,
command output), by other authors, never trained on.

Writes, under /tmp/inj-eval/sets-new/:
  heldout9/toolout_heldout.jsonl   benign held-out tool outputs (label 0)
  heldout9/toolout_injected.jsonl  the same kinds of records with an ASB attacker
                                   instruction appended to one string field value (label 1)
  tune9/toolout_tune.jsonl         benign tune tool outputs from other repositories (label 0)
  tune9/toolout_tune_injected.jsonl  tune records with a BIPIA test attack in a field (label 1)

Sources are bare git mirrors brought in with the `fetch` tool (see SOURCES.md, "Round 9").
Deterministic: every choice is a function of a sha256 of the item's path.
"""
import hashlib, json, os, subprocess

M = "/work/.mirror"
OUT = "/tmp/inj-eval/sets-new"
MAXDOC = 48 << 10

def git(repo, *args):
    return subprocess.run(["git", "--git-dir", f"{M}/{repo}/repo", *args],
                          check=True, capture_output=True).stdout

def files(repo, pred):
    names = git(repo, "ls-tree", "-r", "--name-only", "HEAD").decode().splitlines()
    return sorted(n for n in names if pred(n))

def show(repo, path):
    try:
        return git(repo, "show", f"HEAD:{path}").decode("utf-8", "replace")
    except subprocess.CalledProcessError:
        return ""  # the snapshot leaves out its largest files

def h(s):
    return int(hashlib.sha256(s.encode()).hexdigest(), 16)

def render(obj, key):
    # The text of a tools/call result: servers send compact JSON or pretty-printed JSON.
    if h("fmt" + key) % 2:
        return json.dumps(obj, indent=2, ensure_ascii=False)
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)

def json_items(repo, path, obj, cat, out):
    """One item per response object; a list response also yields up to 8 elements."""
    if isinstance(obj, list):
        if obj and len(json.dumps(obj)) <= MAXDOC:
            out.append((cat, f"{repo}:{path}", obj))
        for i, e in enumerate(obj[:8]):
            if isinstance(e, (dict, list)) and e:
                out.append((cat, f"{repo}:{path}#{i}", e))
    elif isinstance(obj, dict) and obj:
        out.append((cat, f"{repo}:{path}", obj))

def octokit(out):
    r = "octokit+fixtures"
    for p in files(r, lambda n: n.endswith("normalized-fixture.json")):
        for i, rec in enumerate(json.loads(show(r, p))):
            resp = rec.get("response")
            if isinstance(resp, (dict, list)) and resp:
                json_items(r, f"{p}#{i}", resp, "github/octokit-fixtures", out)

def stripe(out):
    r = "stripe+openapi"
    res = json.loads(show(r, "openapi/fixtures3.json"))["resources"]
    for k in sorted(res):
        out.append(("stripe/openapi-fixtures", f"{r}:fixtures3.json#{k}", res[k]))

def slack(out):
    r = "slackapi+python-slack-sdk"
    seen = set()
    for p in files(r, lambda n: n.startswith("tests/slack_sdk_fixture/") and n.endswith(".json")):
        t = show(r, p)
        if t in seen or len(t) < 40:
            continue
        seen.add(t)
        try:
            json_items(r, p, json.loads(t), "slack/sdk-fixture", out)
        except ValueError:
            pass

def text_files(repo, pred, cat, out, limit=None):
    for p in files(repo, pred)[:limit]:
        t = show(repo, p)
        if 40 <= len(t.strip()) <= MAXDOC and "\x00" not in t:
            out.append((cat, f"{repo}:{p}", t))

def gitlab(out):
    r = "xanzy+go-gitlab"
    for p in files(r, lambda n: n.startswith("testdata/") and n.endswith(".json")):
        try:
            json_items(r, p, json.loads(show(r, p)), "gitlab/go-gitlab-testdata", out)
        except ValueError:
            pass

def jira(out):
    r = "andygrunwald+go-jira"
    for p in files(r, lambda n: n.startswith("testing/mock-data/") and n.endswith(".json")):
        try:
            json_items(r, p, json.loads(show(r, p)), "jira/go-jira-mock", out)
        except ValueError:
            pass

def gitlog(out):
    # `git log --stat` pages of a tune repository, as a git MCP server returns them.
    r = "andygrunwald+go-jira"
    revs = git(r, "rev-list", "--max-count=400", "HEAD").decode().split()
    for i in range(0, len(revs), 10):
        t = git(r, "log", "--stat", "--no-color", "-n", "5", revs[i]).decode("utf-8", "replace")
        out.append(("git/log-stat-go-jira", f"{r}:log@{revs[i]}", t))

def to_text(cat, key, v):
    return v if isinstance(v, str) else render(v, key)

def string_paths(o, path=()):
    if isinstance(o, dict):
        for k, v in o.items():
            yield from string_paths(v, path + (k,))
    elif isinstance(o, list):
        for i, v in enumerate(o):
            yield from string_paths(v, path + (i,))
    elif isinstance(o, str) and not o.startswith("http") and len(o) >= 3:
        yield path

PREFERRED = ("body", "description", "text", "message", "title", "summary", "name", "comment", "note")

def inject(obj, key, attack):
    """Append attack to one string field value (a text field when there is one)."""
    paths = list(string_paths(obj))
    if not paths:
        return None
    pref = [p for p in paths if p and isinstance(p[-1], str) and p[-1].lower() in PREFERRED]
    cand = pref or paths
    p = cand[h("field" + key) % len(cand)]
    o = json.loads(json.dumps(obj))
    t = o
    for k in p[:-1]:
        t = t[k]
    t[p[-1]] = t[p[-1]] + " " + attack
    return o

def write(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(path, len(rows), hashlib.sha256(open(path, "rb").read()).hexdigest())

def build(sources, attacks, name, inj_every):
    items = []
    for s in sources:
        s(items)
    seen, ben, inj = set(), [], []
    for cat, key, v in items:
        t = to_text(cat, key, v)
        if len(t) > MAXDOC or t in seen:
            continue
        seen.add(t)
        ben.append({"text": t, "label": 0, "category": cat, "id": key})
        if not isinstance(v, str) and h("inj" + key) % inj_every == 0:
            a = attacks[h("att" + key) % len(attacks)]
            o = inject(v, key, a)
            if o is not None:
                it = render(o, key)
                if len(it) <= MAXDOC:
                    inj.append({"text": it, "label": 1, "category": cat, "id": key})
    return ben, inj

def asb_attacks():
    raw = git("Zhang-Henry+AIOS_agent", "show",
              "b38a3d201c13ce8cf74ebc2aa61ce771f14ef3f4:data/all_attack_tools.jsonl").decode()
    return sorted({json.loads(l)["Attacker Instruction"] for l in raw.splitlines() if l.strip()})

def bipia_attacks():
    rows = [json.loads(l) for l in open("/tmp/inj-eval/sets/bipia_test_attacks_bare.jsonl")]
    return sorted({r["text"] for r in rows if r.get("label") == 1})

def main():
    ben, inj = build([octokit, stripe, slack,
                      lambda o: text_files("docker+cli", lambda n: n.endswith(".golden"), "docker/cli-golden", o),
                      lambda o: text_files("kubernetes+kubectl",
                                           lambda n: "testdata" in n and n.endswith((".yaml", ".yml", ".json")),
                                           "kubectl/testdata", o)],
                     asb_attacks(), "heldout", 2)
    write(f"{OUT}/heldout9/toolout_heldout.jsonl", ben)
    write(f"{OUT}/heldout9/toolout_injected.jsonl", inj)
    ben, inj = build([gitlab, jira, gitlog], bipia_attacks(), "tune", 1)
    write(f"{OUT}/tune9/toolout_tune.jsonl", ben)
    write(f"{OUT}/tune9/toolout_tune_injected.jsonl", inj)

if __name__ == "__main__":
    main()
