#!/usr/bin/env python3
"""Round 26: a fourth fresh independent set (repositories of owners never named before).

Reads bare mirrors (/work/.mirror/OWNER+NAME/repo, from the library's `fetch`) at
pinned commits with `git show`; never runs repository code (Python sources are
parsed with `ast`, string constants folded by a tiny evaluator: literals, `+`,
and `str * int`). Labels come from the authors' own structure:

  RasheedFarhat/mcp-detect (MIT), lab/attacks:
    servers/poisoned_tool_server.py DEFAULT_DESCRIPTION (the "poisoned tool") -> 1;
    harness.py TOOL_POISONING_VARIANTS, each `f"{base}<!-- {framing} -->"` as the
      harness builds it (task ids attack_tool_poisoning_*) -> 1;
    evasion_harness.py TOOL_POISONING_EVASIONS (task ids attack_evasion_*) -> 1;
    servers/rugpull_email_server.py: the rug pull's modes `pulled`,
      `pulled_desc_only` -> 1; BASELINE_DESCRIPTION and `legit_upgrade` -> 0
      (`live_confirm` left out: no label).
  hieuchaydi/MCPGuard (no licence), examples/: exploit_playground/malicious_server.py
    `prompt_injection_bait` (expected-detections.json: prompt_injection_in_description)
    -> 1; the playground's other tools are attacks in code or output only: left out;
    basic_server/server.py -> 0.
  MCP-Security-Research/pysealer-experiments (no licence), simulated-attacks/:
    tool-poisoning/post_tool_poisoning.py `create_ticket` and
    tool-shadowing/post_tool_shadowing.py `create_ticket_better` (the attacks'
    post-attack servers) -> 1; the pre-attack servers' tools -> 0.
  MCP-Security-Research/customer-service-mcp (no licence), src/categories/*.py -> 0.
  CULPRITCHAOS/MCP-Sentinel (no licence), tests/fixtures/good_server/server.py -> 0
    (evil_server's attacks are in code: left out).
  joshconkel/mcp-sentinel (MIT), tests/fixtures/benign-server.json ("zero-finding
    baseline") -> 0 (its 150 per-rule malicious fixtures carry no per-tool label and
    mostly target non-description fields: left out).
  Ordinary MCP servers (benign, -> 0): runekaagaard/mcp-redmine (MPL-2.0),
    AxelFooley/mcp-reddit-mod, yuki9541134/mcp-redash, hivanmeza/mcp-redmine (no
    licence), DiegoInFinland/mcp-threathunting, Flagler-County-BoCC/mcp-threatlocker
    (MIT), nokia/mcp-redfish (BSD-3-Clause), wdm0006/mcp-sentinel (MIT, src server).
  Tune-side scanner fixtures: xiaoming6886/mcp-sentinel (MIT) tests/fixtures:
    vulnerable_servers/{tool_poisoning,preference_manipulation,shadowing}_server.py
    TOOLS -> 1; 7anX/mcpsecScan (no licence) test_samples/python/malicious/0{1,2}_*.py
    -> 1, test_samples/python/safe/*.py -> 0; mcp-shark/MCPSec (no licence)
    tests/servers/compliant.py -> 0; aakriti1318/MCPCheck (MIT)
    tests/unit/test_tool_poison_rule.py: ToolDefinition descriptions in
    `test_detects_*` -> 1, in `test_ignores_*` / `test_handles_*` -> 0 (its poisoned
    text was printed while hunting, so it is tune whatever its hash).

Split by owner, fixed before any scoring: sha256("r26:" + owner.lower())'s first
byte < 0xAB -> held out (about two thirds), else tune; aakriti1318 forced to tune.
`heldout_small` is the held-out part without RasheedFarhat (19 of its poisoned
tools are one lab's variants of one attack).

Writes /tmp/poison-eval/r26/{all,tune,heldout,heldout_small}.jsonl (texts written,
never printed) and prints per-repository counts and sha256s. Texts already in any
earlier set under --out are dropped.

Usage: python3 build_r26.py [--mirror /work/.mirror] [--out /tmp/poison-eval]
"""
import argparse
import ast
import glob
import hashlib
import importlib.util
import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('b22', os.path.join(HERE, 'build_r22.py'))
b22 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(b22)
b14 = b22.b14  # round 14's helpers, with round 22's escape-decoding JS unquoting

SRC = {
    'rasheed': ('RasheedFarhat/mcp-detect', 'f99b1cba04609d9e43e1721ce21fff1072bfa25d', 'MIT'),
    'hieu': ('hieuchaydi/MCPGuard', '3913e26357468da1645e1ddc52becab4996e23a4', 'none (evaluation only)'),
    'pysealer': ('MCP-Security-Research/pysealer-experiments', '4a76a9060767b528fac701b85cbd6f30d652338e',
                 'none (evaluation only)'),
    'custsvc': ('MCP-Security-Research/customer-service-mcp', '8747569d35085fdf0688caacc638d2e1147dd2c9',
                'none (evaluation only)'),
    'culprit': ('CULPRITCHAOS/MCP-Sentinel', 'ca183db63fd97f9849aee514c1d52c4090bac1ef', 'none (evaluation only)'),
    'josh': ('joshconkel/mcp-sentinel', 'c284260f5a23fb3cc7d8e514b94fc42a49761902', 'MIT'),
    'rune': ('runekaagaard/mcp-redmine', '0d63b44c67aa1999ab0566c6a6a8b46b2efa6715', 'MPL-2.0'),
    'axel': ('AxelFooley/mcp-reddit-mod', '2bdb6f3452e37f607188ce6cf63f52a22f5c95ef', 'none (evaluation only)'),
    'yuki': ('yuki9541134/mcp-redash', 'b39fce677fb439aab0a1ec1063f08b5c8352bcf0', 'none (evaluation only)'),
    'hivan': ('hivanmeza/mcp-redmine', '85a2d6f18df992f9144977c216659bc7f5f3b767', 'none (evaluation only)'),
    'diego': ('DiegoInFinland/mcp-threathunting', '6bdb1b2d5df1cb027a70b4f117556fe9ae4d9507', 'MIT'),
    'flagler': ('Flagler-County-BoCC/mcp-threatlocker', '4fd63b25675fa7c057f6b5504d91ada2db1951bc', 'MIT'),
    'nokia': ('nokia/mcp-redfish', '9bf04b31744cc0da9c883324dddb8b9774dd681c', 'BSD-3-Clause'),
    'wdm': ('wdm0006/mcp-sentinel', 'f589b8f7f754d5deac457aa7b6d81c064e621907', 'MIT'),
    'xiao': ('xiaoming6886/mcp-sentinel', '46bfa02f40705ba348fe7f0de847ea1a196a7a6b', 'MIT'),
    'sevenanx': ('7anX/mcpsecScan', '79ea0008113eeb819a4f563a915f4613ca4fae87', 'none (evaluation only)'),
    'shark': ('mcp-shark/MCPSec', '5dae21dda6d34ed93e8110da7356be14c9a3f5dd', 'none (evaluation only)'),
    'aakriti': ('aakriti1318/MCPCheck', 'f9cc464a9e0929347d8eadc5fc156fcabea162d3', 'MIT'),
}
KIND = {'xiao': 'unit', 'aakriti': 'unit', 'josh': 'unit', 'shark': 'unit'}
READ_WHILE_HUNTING = ('aakriti1318/MCPCheck',)


def git(mirror, key, *args):
    repo, commit, _ = SRC[key]
    d = os.path.join(mirror, repo.replace('/', '+'), 'repo')
    return subprocess.run(['git', '--git-dir', d] + list(args), capture_output=True, text=True, check=True).stdout


def show(mirror, key, path):
    return git(mirror, key, 'show', SRC[key][1] + ':' + path)


def ls(mirror, key, under):
    return sorted(p for p in git(mirror, key, 'ls-tree', '-r', '--name-only', SRC[key][1], under).split('\n') if p)


def item(key, t, label, path):
    out = {'name': t['name'], 'description': t['description'], 'label': label,
           'source': 'r26/' + SRC[key][0].replace('/', '__'), 'repo': SRC[key][0],
           'path': path, 'labelkind': 'tool', 'category': 'r26', 'kind': KIND.get(key, 'demo')}
    if isinstance(t.get('inputSchema'), dict):
        out['inputSchema'] = t['inputSchema']
    return out


def fold(node):
    """Value of a constant string expression: literals, +, str * int; None otherwise."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, int)):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mult)):
        a, b = fold(node.left), fold(node.right)
        if a is None or b is None:
            return None
        if isinstance(node.op, ast.Add) and isinstance(a, str) and isinstance(b, str):
            return a + b
        if isinstance(node.op, ast.Mult) and {type(a), type(b)} == {str, int}:
            return a * b
        return None
    if isinstance(node, (ast.Tuple, ast.List)):
        vals = [fold(e) for e in node.elts]
        return None if any(v is None for v in vals) else vals
    return None


def assigned(tree, name):
    """Folded values of every `name = <const>` in tree, in source order."""
    out = []
    for n in ast.walk(tree):
        if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in n.targets):
            out.append((n.lineno, fold(n.value)))
    return [v for _, v in sorted(out, key=lambda x: x[0]) if v is not None]


def rasheed(mirror):
    out = []
    p = 'lab/attacks/servers/poisoned_tool_server.py'
    out.append(item('rasheed', {'name': 'get_fun_fact',
                                'description': assigned(ast.parse(show(mirror, 'rasheed', p)), 'DEFAULT_DESCRIPTION')[0]}, 1, p))
    p = 'lab/attacks/harness.py'
    for num, name, base, framing in assigned(ast.parse(show(mirror, 'rasheed', p)), 'TOOL_POISONING_VARIANTS')[0]:
        out.append(item('rasheed', {'name': name, 'description': f"{base}<!-- {framing} -->"}, 1, '%s#v%02d' % (p, num)))
    p = 'lab/attacks/evasion_harness.py'
    for suffix, desc in assigned(ast.parse(show(mirror, 'rasheed', p)), 'TOOL_POISONING_EVASIONS')[0]:
        out.append(item('rasheed', {'name': 'get_fun_fact', 'description': desc}, 1, p + '#' + suffix))
    p = 'lab/attacks/servers/rugpull_email_server.py'
    tree = ast.parse(show(mirror, 'rasheed', p))
    base = assigned(tree, 'BASELINE_DESCRIPTION')[0]
    out.append(item('rasheed', {'name': 'send_email', 'description': base}, 0, p + '#baseline'))
    labels = {'pulled': 1, 'pulled_desc_only': 1, 'legit_upgrade': 0}
    for n in ast.walk(tree):
        if not (isinstance(n, ast.If) and isinstance(n.test, ast.Compare)
                and isinstance(n.test.left, ast.Name) and n.test.left.id == 'MODE'):
            continue
        mode = fold(n.test.comparators[0])
        descs = [fold(s.value) for s in n.body if isinstance(s, ast.Assign)
                 and any(isinstance(t, ast.Name) and t.id == 'DESCRIPTION' for t in s.targets)]
        descs = [d for d in descs if isinstance(d, str)]
        if mode in labels and descs:
            out.append(item('rasheed', {'name': 'send_email', 'description': descs[0]}, labels[mode], p + '#' + mode))
    return out


def py_list_tools(src, var):
    """Tool dicts of a module-level `var = [{"name": ..., "description": ...}, ...]`."""
    tree = ast.parse(src)
    for n in tree.body:
        if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == var for t in n.targets):
            return [t for t in ast.literal_eval(n.value) if isinstance(t, dict) and 'description' in t]
    return []


def aakriti(mirror):
    out = []
    p = 'tests/unit/test_tool_poison_rule.py'
    tree = ast.parse(show(mirror, 'aakriti', p))
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef):
            continue
        lab = 1 if fn.name.startswith('test_detects_') else 0 if fn.name.startswith(('test_ignores_', 'test_handles_')) else None
        if lab is None:
            continue
        for c in ast.walk(fn):
            if isinstance(c, ast.Call) and getattr(c.func, 'id', '') == 'ToolDefinition':
                kw = {k.arg: fold(k.value) for k in c.keywords}
                if isinstance(kw.get('name'), str) and isinstance(kw.get('description'), str):
                    out.append(item('aakriti', {'name': kw['name'], 'description': kw['description']}, lab, p + '#' + fn.name))
    return out


def benign_servers(mirror):
    out = []
    for key, p, reader in [('rune', 'mcp_redmine/server.py', b14.py_tools), ('axel', 'src/server.py', b14.py_tools),
                           ('yuki', 'src/server.ts', b14.js_tools), ('wdm', 'src/sentinel/server.py', b14.py_tools)]:
        out += [item(key, t, 0, p) for t in reader(show(mirror, key, p))]
    for key, under in [('hivan', 'src/tools'), ('diego', 'src/tools'), ('flagler', 'src/tools'), ('nokia', 'src/tools')]:
        for p in ls(mirror, key, under):
            if p.endswith(('.ts', '.js')) and '.test.' not in p:
                out += [item(key, t, 0, p) for t in b14.js_tools(show(mirror, key, p))]
            elif p.endswith('.py') and not p.endswith('__init__.py'):
                out += [item(key, t, 0, p) for t in b14.py_tools(show(mirror, key, p))]
    for p in ls(mirror, 'custsvc', 'src/categories'):
        if p.endswith('.py') and not p.endswith('__init__.py'):
            out += [item('custsvc', t, 0, p) for t in b14.py_tools(show(mirror, 'custsvc', p))]
    p = 'tests/fixtures/good_server/server.py'
    out += [item('culprit', t, 0, p) for t in b14.py_tools(show(mirror, 'culprit', p))]
    p = 'tests/fixtures/benign-server.json'
    out += [item('josh', t, 0, p) for t in json.loads(show(mirror, 'josh', p))['tools']]
    return out


def build(mirror):
    out = rasheed(mirror)
    p = 'examples/exploit_playground/malicious_server.py'
    out += [item('hieu', t, 1, p) for t in b14.py_tools(show(mirror, 'hieu', p)) if t['name'] == 'prompt_injection_bait']
    p = 'examples/basic_server/server.py'
    out += [item('hieu', t, 0, p) for t in b14.py_tools(show(mirror, 'hieu', p))]
    for p, name, lab in [('simulated-attacks/tool-poisoning/post_tool_poisoning.py', 'create_ticket', 1),
                         ('simulated-attacks/tool-shadowing/post_tool_shadowing.py', 'create_ticket_better', 1),
                         ('simulated-attacks/tool-poisoning/tool_poisoning.py', 'create_ticket', 0)]:
        out += [item('pysealer', t, lab, p) for t in b14.py_tools(show(mirror, 'pysealer', p)) if t['name'] == name]
    out += benign_servers(mirror)
    # tune-side fixtures
    for f in ('tool_poisoning_server', 'preference_manipulation_server', 'shadowing_server'):
        p = 'tests/fixtures/vulnerable_servers/%s.py' % f
        out += [item('xiao', t, 1, p) for t in py_list_tools(show(mirror, 'xiao', p), 'TOOLS')]
    for p, lab in [('test_samples/python/malicious/01_credential_theft.py', 1),
                   ('test_samples/python/malicious/02_shadowing.py', 1),
                   ('test_samples/python/safe/safe_calculator.py', 0),
                   ('test_samples/python/safe/safe_weather_api.py', 0)]:
        out += [item('sevenanx', t, lab, p) for t in b14.py_tools(show(mirror, 'sevenanx', p))]
    p = 'tests/servers/compliant.py'
    out += [item('shark', t, 0, p) for t in b14.py_tools(show(mirror, 'shark', p))]
    out += aakriti(mirror)
    return out


def heldout_owner(repo):
    if repo in READ_WHILE_HUNTING:
        return False
    return hashlib.sha256(('r26:' + repo.split('/')[0].lower()).encode()).digest()[0] < 0xAB


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--mirror', default='/work/.mirror')
    ap.add_argument('--out', default='/tmp/poison-eval')
    a = ap.parse_args()
    d = os.path.join(a.out, 'r26')
    seen, kept, dropped = set(), [], 0
    for f in sorted(glob.glob(os.path.join(a.out, '**', '*.jsonl'), recursive=True)):
        if '/r26/' in f:
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
    parts = [('all', lambda r: True), ('tune', lambda r: not heldout_owner(r['repo'])),
             ('heldout', lambda r: heldout_owner(r['repo'])),
             ('heldout_small', lambda r: heldout_owner(r['repo']) and r['repo'] != 'RasheedFarhat/mcp-detect')]
    for name, keep in parts:
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
            print('   %-45s %-24s %3d / %3d' % (r, [v[2] for v in SRC.values() if v[0] == r][0], p, b))
    print('dropped %d (empty or already used)' % dropped)


if __name__ == '__main__':
    main()
