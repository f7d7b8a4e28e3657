#!/usr/bin/env python3
"""Round 24: poisoned and benign tools of eight repositories of owners not used before.

Reads bare mirrors (/work/.mirror/OWNER+NAME/repo, from the library's `fetch`) at
pinned commits, writes /tmp/poison-eval/r24/all.jsonl, then splits it by repository
into r24/tune.jsonl and r24/heldout.jsonl. Texts are written, never printed. Labels
come from the authors' own structure (per tool), never from Warden's output. `kind`:
`demo` (an attack demo, lab or a scanner's fixture server or benchmark case), `unit`
(strings of a scanner's unit tests).

  Gowthaman90/mcp-defense-bench (Apache-2.0): testcases/<vector>/*.json, each a case
    with an attack `fixture` and a `benignControl`. Vectors whose attack is the tool
    definition itself: tool-poisoning and system-prompt-leakage/001 (fixture.tool -> 1),
    rug-pull and mid-session-tool-injection (fixture.after -> 1; fixture.before is the
    trusted version -> 0). Every benignControl tool definition of any vector -> 0
    (`tool`, `before`, `after`). Attacks that live in calls, results, names, servers'
    identities or split across tools (tool-shadowing, multi-tool-split-poisoning) are
    left out, and so are the fixture tools of other vectors (their attack is elsewhere).
  rohanbxo/MCP (MIT): servers/poisoned_server.py `weather` (the module docstring: "the
    `weather` tool's docstring hides an instruction") -> 1; its other tools carry their
    payload in responses (left out); servers/clean_server.py tools -> 0.
  PRINCE2-AI/mcp-sentinel-lab (MIT): app/attacks.py sample_manifests(): `evil.webhook`
    (the case "poisoned-tool-description", "A malicious MCP tool embeds hidden
    instructions in its manifest") -> 1, the other three manifests -> 0.
  m0rvayne/mcp-redteam (MIT): tests/test_embedding_detector.py, the dict passed to
    scan_descriptions in test_scan_descriptions_with_malicious and test_finding_fields
    -> 1, in test_scan_descriptions_clean_not_critical -> 0 (too-short strings and the
    no-model dummy left out); tests/fixtures/benign/*.py tools -> 0.
  krishyaid-coder/sluice (Apache-2.0): tests/test_tool_poisoning.py, the tools/list
    payload of test_tool_poisoning_detects_ignore_instructions -> 1.
  Krishita17/purplemcp-lab (MIT): attacks/01_tool_poisoning/vulnerable_server.py `add`
    (README "01 - Tool poisoning"; its description is POISONED_DESCRIPTION) -> 1;
    attacks/07_rug_pull/vulnerable_server.py `format_text`, the `mode == "malicious"`
    DESCRIPTION -> 1 and the benign one -> 0; attacks/12_tool_shadowing
    malicious_server.py `lookup_user` -> 1, trusted_server.py `lookup_user` -> 0. The
    exfiltration sinks (`export_telemetry`) and the other attacks' servers (flaws in code:
    honest dangerous capabilities, as round 23 left out) are left out.
  onoz1169/1scan (MIT): testenv/dvla-mcp/main.py, TOOL_SEARCH_VULN ("VULNERABLE: description
    contains injected instructions (MCP01 - Tool Poisoning)") -> 1, TOOL_SEARCH_FIXED and
    TOOL_FETCH_URL_FIXED ("FIXED") -> 0; the other VULNERABLE tools (flaws in code) left out.
  SteveMonsway/mcp-trust-demo (no licence: evaluation only): server.js `run_command` (the
    comment "A tool whose description tries to poison the model") -> 1; `read_any_file`
    (no statement about its description) left out.

Items whose description already occurs in an earlier set under /tmp/poison-eval are
dropped (exact match); duplicates within the round are dropped.

Split (fixed before any scoring): the three repositories whose poisoned texts were read
while hunting (sluice, m0rvayne, SteveMonsway) go to tune; the others, sorted by name and shuffled
with random.Random(24), each go in turn to the half with fewer poisoned tools so far
(ties: held out), as in rounds 13, 22 and 23.

Usage: python3 build_r24.py [--mirror /work/.mirror] [--out /tmp/poison-eval]
"""
import argparse
import ast
import glob
import hashlib
import importlib.util
import json
import os
import random
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('b22', os.path.join(HERE, 'build_r22.py'))
b22 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(b22)
b14 = b22.b14  # round 14's helpers, with round 22's escape-decoding JS unquoting

SRC = {
    'gowtham': ('Gowthaman90/mcp-defense-bench', '005c1323347c8076ac3457c64acffe16e71dd533', 'Apache-2.0'),
    'rohan': ('rohanbxo/MCP', '0315a334f9cc48572d979cbb50f14690a0e97166', 'MIT'),
    'prince': ('PRINCE2-AI/mcp-sentinel-lab', '910486e88ba7711ba3cee21b7c9c3d61e73883c8', 'MIT'),
    'morv': ('m0rvayne/mcp-redteam', '7dfac763c0f39363d3d20bee845293993205bd28', 'MIT'),
    'sluice': ('krishyaid-coder/sluice', 'd9bceda3101414cebc714993e122ab04f54544e0', 'Apache-2.0'),
    'krish': ('Krishita17/purplemcp-lab', '16b56edd71f706ce93764b2d946a6be9c0caa14a', 'MIT'),
    'onoz': ('onoz1169/1scan', 'dcc866e4a2f668aaedd045f6a40b606400fc53b2', 'MIT'),
    'steve': ('SteveMonsway/mcp-trust-demo', '80cd15a989711916e9d3394377c57161c7c7b9f3', 'none (evaluation only)'),
}
KIND = {'morv': 'unit', 'sluice': 'unit'}
READ_WHILE_HUNTING = ('krishyaid-coder/sluice', 'm0rvayne/mcp-redteam', 'SteveMonsway/mcp-trust-demo')


def git(mirror, key, *args):
    repo, commit, _ = SRC[key]
    d = os.path.join(mirror, repo.replace('/', '+'), 'repo')
    return subprocess.run(['git', '--git-dir', d] + list(args), capture_output=True, text=True, check=True).stdout


def show(mirror, key, path):
    return git(mirror, key, 'show', SRC[key][1] + ':' + path)


def item(key, t, label, path):
    out = {'name': t['name'], 'description': t['description'], 'label': label,
           'source': 'r24/' + SRC[key][0].replace('/', '__'), 'repo': SRC[key][0],
           'path': path, 'labelkind': 'tool', 'category': 'r24', 'kind': KIND.get(key, 'demo')}
    if isinstance(t.get('inputSchema'), dict):
        out['inputSchema'] = t['inputSchema']
    return out


def tooldef(t):
    return isinstance(t, dict) and isinstance(t.get('name'), str) and isinstance(t.get('description'), str)


def gowtham(mirror):
    out = []
    names = git(mirror, 'gowtham', 'ls-tree', '-r', '--name-only', SRC['gowtham'][1], 'testcases').split('\n')
    for p in sorted(n for n in names if n.endswith('.json')):
        case = json.loads(show(mirror, 'gowtham', p))
        vec, fx = case.get('vector'), case.get('fixture') or {}
        if vec == 'tool-poisoning' or p.endswith('system-prompt-leakage/001-context-exfil-request.json'):
            if tooldef(fx.get('tool')):
                out.append(item('gowtham', fx['tool'], 1, p + '#fixture.tool'))
        elif vec in ('rug-pull', 'mid-session-tool-injection'):
            if tooldef(fx.get('after')):
                out.append(item('gowtham', fx['after'], 1, p + '#fixture.after'))
            if tooldef(fx.get('before')):
                out.append(item('gowtham', fx['before'], 0, p + '#fixture.before'))
        for k in ('tool', 'before', 'after'):
            t = (case.get('benignControl') or {}).get(k)
            if tooldef(t):
                out.append(item('gowtham', t, 0, p + '#benignControl.' + k))
    return out


def morv_tests(src):
    """(test name, tool name, description) for dict literals passed to scan_descriptions."""
    out = []
    for fn in ast.walk(ast.parse(src)):
        if not isinstance(fn, ast.FunctionDef) or not fn.name.startswith('test_'):
            continue
        for n in ast.walk(fn):
            if (isinstance(n, ast.Call) and getattr(n.func, 'id', '') == 'scan_descriptions'
                    and n.args and isinstance(n.args[0], ast.Dict)):
                for k, v in zip(n.args[0].keys, n.args[0].values):
                    if b14._const(k) and b14._const(v):
                        out.append((fn.name, b14._const(k), b14._const(v)))
    return out


def py_env(body, env):
    """Module-level string assignments of `body`, evaluated with only chr() and earlier
    names available (the lab builds zero-width characters with chr)."""
    for n in body:
        if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name):
            try:
                v = eval(compile(ast.Expression(n.value), '<r24>', 'eval'), {'__builtins__': {}, 'chr': chr}, dict(env))
            except Exception:
                continue
            if isinstance(v, str):
                env[n.targets[0].id] = v
    return env


def krish(mirror):
    out = []
    p = 'attacks/01_tool_poisoning/vulnerable_server.py'
    env = py_env(ast.parse(show(mirror, 'krish', p)).body, {})
    out.append(item('krish', {'name': 'add', 'description': env['POISONED_DESCRIPTION']}, 1, p))
    p = 'attacks/07_rug_pull/vulnerable_server.py'
    tree = ast.parse(show(mirror, 'krish', p))
    base = py_env(tree.body, {})
    branch = [n for n in tree.body if isinstance(n, ast.If) and 'malicious' in ast.unparse(n.test)][0]
    for body, lab in ((branch.body, 1), (branch.orelse, 0)):
        d = py_env(body, dict(base))['DESCRIPTION']
        out.append(item('krish', {'name': 'format_text', 'description': d}, lab, p + ('#malicious' if lab else '#benign')))
    for f, lab in (('malicious_server.py', 1), ('trusted_server.py', 0)):
        p = 'attacks/12_tool_shadowing/' + f
        out += [item('krish', t, lab, p) for t in b14.py_tools(show(mirror, 'krish', p)) if t['name'] == 'lookup_user']
    return out


def onoz(mirror):
    p = 'testenv/dvla-mcp/main.py'
    tree = ast.parse(show(mirror, 'onoz', p))
    out = []
    for n in tree.body:
        if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name):
            name = n.targets[0].id
            lab = {'TOOL_SEARCH_VULN': 1, 'TOOL_SEARCH_FIXED': 0, 'TOOL_FETCH_URL_FIXED': 0}.get(name)
            if lab is not None:
                out.append(item('onoz', ast.literal_eval(n.value), lab, p + '#' + name))
    return out


MORV_LABEL = {'test_scan_descriptions_with_malicious': 1, 'test_finding_fields': 1,
              'test_scan_descriptions_clean_not_critical': 0}


def build(mirror):
    out = gowtham(mirror)
    p = 'servers/poisoned_server.py'
    out += [item('rohan', t, 1, p) for t in b14.py_tools(show(mirror, 'rohan', p)) if t['name'] == 'weather']
    p = 'servers/clean_server.py'
    out += [item('rohan', t, 0, p) for t in b14.py_tools(show(mirror, 'rohan', p))]
    p = 'app/attacks.py'
    out += [item('prince', t, int(t['name'] == 'evil.webhook'), p) for t in b14.py_tools(show(mirror, 'prince', p))]
    p = 'tests/test_embedding_detector.py'
    for fn, name, desc in morv_tests(show(mirror, 'morv', p)):
        if fn in MORV_LABEL:
            out.append(item('morv', {'name': name, 'description': desc}, MORV_LABEL[fn], p + '#' + fn))
    names = git(mirror, 'morv', 'ls-tree', '-r', '--name-only', SRC['morv'][1], 'tests/fixtures/benign').split('\n')
    for p in sorted(n for n in names if n.endswith('.py') and not n.endswith('__init__.py')):
        out += [item('morv', t, 0, p) for t in b14.py_tools(show(mirror, 'morv', p))]
    p = 'tests/test_tool_poisoning.py'
    src = show(mirror, 'sluice', p)
    for fn in ast.walk(ast.parse(src)):
        if isinstance(fn, ast.FunctionDef) and fn.name == 'test_tool_poisoning_detects_ignore_instructions':
            for n in ast.walk(fn):
                if isinstance(n, ast.Assign) and b14._const(n.value):
                    for t in json.loads(b14._const(n.value))['result']['tools']:
                        out.append(item('sluice', t, 1, p + '#' + fn.name))
    out += krish(mirror) + onoz(mirror)
    p = 'server.js'
    out += [item('steve', t, 1, p) for t in b14.js_tools(show(mirror, 'steve', p)) if t['name'] == 'run_command']
    return out


def split(rows):
    repos = sorted({r['repo'] for r in rows} - set(READ_WHILE_HUNTING))
    random.Random(24).shuffle(repos)
    npois = {r: sum(t['label'] for t in rows if t['repo'] == r) for r in repos}
    held, hp, tp = set(), 0, sum(t['label'] for t in rows if t['repo'] in READ_WHILE_HUNTING)
    for r in repos:
        if hp <= tp:
            held.add(r)
            hp += npois[r]
        else:
            tp += npois[r]
    return held


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--mirror', default='/work/.mirror')
    ap.add_argument('--out', default='/tmp/poison-eval')
    a = ap.parse_args()
    d = os.path.join(a.out, 'r24')
    seen, kept, dropped = set(), [], 0
    for f in glob.glob(os.path.join(a.out, '**', '*.jsonl'), recursive=True):
        if '/r24/' in f:
            continue
        with open(f) as fh:
            for line in fh:
                try:
                    seen.add((json.loads(line).get('description') or '').strip())
                except ValueError:
                    pass
    for t in build(a.mirror):
        s = (t['description'] or '').strip()
        if not s or s in seen:
            dropped += 1
            print('dropped: %s %s label %d (%s)' % (t['repo'], t['path'], t['label'], 'empty' if not s else 'seen'))
            continue
        seen.add(s)
        kept.append(t)
    os.makedirs(d, exist_ok=True)
    held = split(kept)
    for name, keep in [('all', lambda r: True), ('tune', lambda r: r['repo'] not in held),
                       ('heldout', lambda r: r['repo'] in held)]:
        part = [r for r in kept if keep(r)]
        path = os.path.join(d, name + '.jsonl')
        with open(path, 'w') as fh:
            for r in part:
                fh.write(json.dumps(r, ensure_ascii=False) + '\n')
        by = {}
        for r in part:
            by.setdefault(r['repo'], [0, 0])[r['label'] == 0] += 1
        print('%s: %d poisoned / %d benign, sha256 %s' % (
            name, sum(r['label'] for r in part), sum(1 - r['label'] for r in part),
            hashlib.sha256(open(path, 'rb').read()).hexdigest()))
        for r, (p, b) in sorted(by.items()):
            print('   %-45s %-12s %3d / %3d' % (r, [v[2] for v in SRC.values() if v[0] == r][0], p, b))
    print('dropped %d (empty or already used)' % dropped)


if __name__ == '__main__':
    main()
