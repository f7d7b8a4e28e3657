#!/usr/bin/env python3
"""Round 32: a seventh fresh independent set (repositories of owners never named before).

Measurement only: one frozen file, scored once with HEAD; no tune half, no candidate.

Reads bare mirrors (/work/.mirror/OWNER+NAME/repo, from the library's `fetch`) at pinned
commits with `git show`; never runs repository code (Python parsed with `ast`, Go and
JavaScript read with small literal scanners, YAML with `yaml.safe_load`). Every source is
under a permissive licence (MIT / Apache-2.0). Labels come from the authors' own structure:

  LangSight/langsight (Apache-2.0), tests/unit/security/test_poisoning_detector.py: the
    `_tool(name, description)` of each test, by test class: TestInjectionPhrases (kind
    injection), TestExfiltrationPatterns (exfil), TestHiddenUnicode (unicode),
    TestBase64Injection (encoded; the payload is built with base64.b64encode of a literal)
    -> 1; TestCleanTools -> 0; TestScanAllTools: `evil` of test_scans_all_tools (asserted in
    the findings) -> 1, `safe` (asserted absent) and every tool of
    test_false_positive_rate_on_real_tools -> 0. TestExternalUrls left out (a bare URL is
    not an order).
  duriantaco/skylos (Apache-2.0), test/test_mcp_rules.py: each test's `code` snippet is a
    small MCP server; its decorated tool (docstring or description= keyword) -> 1 when the
    test asserts "SKY-D240" (tool description poisoning) in the findings, -> 0 for
    test_safe_docstring_no_flag; the non-MCP tests left out (kind unit).
  adithyan-ak/agenthound (Apache-2.0), sdk/rules/builtin_tests/injection-*.yaml and
    instruction-*.yaml (rule tests for rules whose targets include tool.description):
    `input` with should_match true -> 1, false -> 0 (kind rule-test);
    injection-embedded-url left out (a URL rule, not an order).
  Aveerayy/agent-guard (MIT): tests/test_mcp.py dicts of test_detects_injection,
    test_detects_hidden_unicode, test_risk_score (`evil`), test_register_and_scan (`evil`)
    -> 1, of test_clean_tool and test_scan_multiple_clean -> 0 (code-execution,
    typosquat, long-description, duplicate and schema tests left out: not description
    poisoning by their names); examples/mcp_security_scan.py module lists `safe_tools` -> 0
    and `malicious_tools` -> 1 except the entry commented "# typosquat" (kind unit).
  saqreed/argusgate (Apache-2.0): argusgate/scanner/detectors/detectors_test.go, the
    mcp.ToolDefinition of each TestToolPoisoningDetectorFinds* test -> 1 (kind unit; the
    prompt-metadata test is a prompt, left out); examples/fixtures/safe-tools.yaml -> 0.
  joemunene-by/ghostprobe (MIT), tests/test_analyzer.py: `_tool(...)` of
    test_detects_concealment_instruction, test_detects_instruction_override,
    test_detects_exfiltration_instruction_as_critical, test_detects_hidden_unicode_as_critical
    -> 1; test_clean_tool_has_no_poisoning_finding -> 0 (capability tests left out).
  CobaltoSec/corvus (MIT, declared in pyproject.toml; no licence file): tests/mock_server.py
    TOOLS: `get_time` and `fetch_data` (the tools tests/test_modules.py expects CRITICAL
    tool-poisoning findings for) -> 1, `echo` (expected clean) -> 0 (other tools attack in
    code or other categories: left out); tests/mock_mutating_server.py: `echo` of _TOOLS_V2
    (the description change test_rug_pull_critical_on_description_change expects) -> 1
    (kind rugpull), of _TOOLS_V1 -> 0.
  5h1Vm/Secure-Pipe (MIT), tests/test_mcp_scanner.py: the tool of
    test_static_injection_detection -> 1, of test_static_clean_tool -> 0.
  mohitgurnani1/mcp-checkup (Apache-2.0), tests/test_checks_security.py, check H03
    (behavioural reference to another server's tool): `helper` of
    test_h03_behavioral_reference_to_foreign_tool_flagged -> 1 (kind shadowing); the other
    tools of the four h03 tests (the ones asserted not flagged, and `send_email`) -> 0.
  Ordinary MCP servers (benign, -> 0): pablohawkes/zabbix-mcp-server-nodejs (MIT)
    src/tools/*.js `server.tool(...)`; mhajder/zabbix-mcp (MIT) src/zabbix_mcp/tools/*.py.

Owner cap: no owner may hold more than a quarter of the poisoned items. The cap c is the
largest integer with c <= sum_o min(n_o, c) / 4; an owner above c keeps the c poisoned items
whose sha256(description) sort first (a fixed rule, no reading).

Category of each item: "r32/<owner>/<kind>" (benign: "r32/<owner>/benign").

Dropped as already used: texts already in any earlier set (every *.jsonl under --prev, the
description or description + inputSchema), in any JSON/JSONL file committed at the HEAD of
--repo (every "description" string), or found verbatim (whitespace-normalised, 24 chars or
more) in any committed text file of that HEAD. Run after the earlier sets are rebuilt.

Writes --out/all.jsonl (texts written, never printed) and prints counts and its sha256.

Usage: python3 build_r32.py [--mirror /work/.mirror] [--prev /tmp/poison-eval]
                            [--repo /work/main] [--out /tmp/r32/sets]
"""
import argparse
import ast
import base64
import glob
import hashlib
import importlib.util
import json
import os
import re
import subprocess

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('b14', os.path.join(HERE, 'build_round14.py'))
b14 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(b14)

SRC = {
    'langsight': ('LangSight/langsight', 'e2ceaa87bb1372ca923c69b7cb0b36e83d628ea1', 'Apache-2.0'),
    'skylos': ('duriantaco/skylos', 'e7044e8fc327705ea627c19d363fab46083ce1bb', 'Apache-2.0'),
    'agenthound': ('adithyan-ak/agenthound', 'a9a1bea4773c894d914ae9b64ef897a82272dc83', 'Apache-2.0'),
    'agentguard': ('Aveerayy/agent-guard', '61570675e25f4d57f982f1353e3788be71b66f43', 'MIT'),
    'argusgate': ('saqreed/argusgate', '6bbb854e64a322c84d8372ea3cd5548a01262ab2', 'Apache-2.0'),
    'ghostprobe': ('joemunene-by/ghostprobe', '62bab77b4de0ca0e204d0e9f4788027637d67a03', 'MIT'),
    'corvus': ('CobaltoSec/corvus', '06f553c886849a375c300bff76c11f24ae5b5b3b', 'MIT (pyproject.toml)'),
    'securepipe': ('5h1Vm/Secure-Pipe', '4094da5f73674d3bb3eb851ec8df097f1f38ed93', 'MIT'),
    'checkup': ('mohitgurnani1/mcp-checkup', '01aec5c0067c449d3a4c6658002d638ca98379b1', 'Apache-2.0'),
    'zbxnode': ('pablohawkes/zabbix-mcp-server-nodejs', 'bc055dd9f2cab82a5b4add0e5779ddc890b40135', 'MIT'),
    'zbxpy': ('mhajder/zabbix-mcp', 'cd590351d6e534b563bf6c78961799c198f182c0', 'MIT'),
}
MIRROR = '/work/.mirror'


def git(key, *args):
    d = os.path.join(MIRROR, SRC[key][0].replace('/', '+'), 'repo')
    return subprocess.run(['git', '--git-dir', d] + list(args), capture_output=True, text=True, check=True).stdout


def show(key, path):
    return git(key, 'show', SRC[key][1] + ':' + path)


def ls(key, under):
    return [p for p in git(key, 'ls-tree', '-r', '--name-only', SRC[key][1], under).split('\n') if p]


def item(key, t, label, path, kind):
    owner = SRC[key][0].split('/')[0]
    out = {'name': t['name'], 'description': t['description'], 'label': label,
           'source': 'r32/' + SRC[key][0].replace('/', '__'), 'repo': SRC[key][0], 'owner': owner,
           'path': path, 'labelkind': 'tool', 'kind': kind,
           'category': 'r32/%s/%s' % (owner, kind if label else 'benign')}
    if isinstance(t.get('inputSchema'), dict):
        out['inputSchema'] = t['inputSchema']
    return out


# ---- Python: literal values of a test function (constants, '+', f-strings of known names,
# base64.b64encode(<bytes literal>).decode()) ----

def pyval(n, env):
    if isinstance(n, ast.Constant) and isinstance(n.value, (str, bytes)):
        return n.value
    if isinstance(n, ast.Name):
        return env[n.id]
    if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add):
        return pyval(n.left, env) + pyval(n.right, env)
    if isinstance(n, ast.JoinedStr):
        return ''.join(v.value if isinstance(v, ast.Constant) else str(pyval(v.value, env)) for v in n.values)
    if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == 'decode' \
            and isinstance(n.func.value, ast.Call) and ast.unparse(n.func.value.func) == 'base64.b64encode':
        return base64.b64encode(pyval(n.func.value.args[0], env)).decode()
    raise ValueError('not a literal: ' + ast.dump(n)[:60])


def fn_env(fn):
    """Simple `name = <literal>` assignments of a function body, in order."""
    env = {}
    for st in ast.walk(fn):
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
            try:
                env[st.targets[0].id] = pyval(st.value, env)
            except (ValueError, KeyError, TypeError):
                pass
    return env


def py_dict_tool(d, env):
    keys = [k.value if isinstance(k, ast.Constant) else None for k in d.keys]
    if 'name' not in keys or 'description' not in keys:
        return None
    t = {'name': pyval(d.values[keys.index('name')], env),
         'description': pyval(d.values[keys.index('description')], env)}
    if 'inputSchema' in keys:
        try:
            s = ast.literal_eval(d.values[keys.index('inputSchema')])
            if isinstance(s, dict):
                t['inputSchema'] = s
        except ValueError:
            pass
    return t


def py_dict_tools(node, env):
    """Dict literals with string name and description under node, in source order."""
    out = []
    for n in ast.walk(node):
        if isinstance(n, ast.Dict):
            t = py_dict_tool(n, env)
            if t:
                out.append((n, t))
    out.sort(key=lambda x: (x[0].lineno, x[0].col_offset))
    return [t for _, t in out]


def py_call_tools(node, fname, env):
    """Positional (name, description) arguments of calls to fname under node."""
    out = []
    for n in ast.walk(node):
        if isinstance(n, ast.Call) and ast.unparse(n.func) == fname and len(n.args) >= 2:
            out.append((n, {'name': pyval(n.args[0], env), 'description': pyval(n.args[1], env)}))
    out.sort(key=lambda x: (x[0].lineno, x[0].col_offset))
    return [t for _, t in out]


def test_functions(src):
    """{test name: (FunctionDef, enclosing class name or None)}."""
    out = {}
    tree = ast.parse(src)
    for n in tree.body:
        if isinstance(n, ast.ClassDef):
            for f in n.body:
                if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    out[f.name] = (f, n.name)
        elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out[n.name] = (n, None)
    return out


# ---- sources ----

def langsight():
    p = 'tests/unit/security/test_poisoning_detector.py'
    out = []
    classes = {'TestInjectionPhrases': (1, 'injection'), 'TestExfiltrationPatterns': (1, 'exfil'),
               'TestHiddenUnicode': (1, 'unicode'), 'TestBase64Injection': (1, 'encoded'),
               'TestCleanTools': (0, 'benign')}
    for name, (fn, cls) in test_functions(show('langsight', p)).items():
        env = fn_env(fn)
        tools = py_call_tools(fn, '_tool', env)
        where = '%s#%s.%s' % (p, cls, name)
        if cls in classes:
            lab, kind = classes[cls]
            out += [item('langsight', t, lab, where, kind) for t in tools]
        elif name == 'test_scans_all_tools':
            for t in tools:
                if t['name'] in ('evil', 'safe'):
                    out.append(item('langsight', t, int(t['name'] == 'evil'), where,
                                    'injection' if t['name'] == 'evil' else 'benign'))
        elif name == 'test_false_positive_rate_on_real_tools':
            out += [item('langsight', t, 0, where, 'benign') for t in tools]
    return out


def skylos():
    p = 'test/test_mcp_rules.py'
    out = []
    for name, (fn, cls) in test_functions(show('skylos', p)).items():
        s = ast.unparse(fn)
        if 'D240' not in s and 'd240' not in s:
            continue
        if name == 'test_safe_docstring_no_flag':
            lab = 0
        elif re.search(r"""['"]SKY-D240['"] in _ids|d240\[0\]""", s) and 'not in _ids' not in s:
            lab = 1
        else:
            continue
        env = fn_env(fn)
        if 'code' not in env:
            continue
        for t in b14.py_tools(env['code']):
            t = {'name': t['name'], 'description': t['description']}
            out.append(item('skylos', t, lab, '%s#%s.%s' % (p, cls, name), 'unit' if lab else 'benign'))
    return out


def agenthound():
    out = []
    d = 'sdk/rules/builtin_tests'
    for p in ls('agenthound', d):
        stem = os.path.basename(p)[:-5]
        if not re.match(r'(injection|instruction)-', stem) or stem == 'injection-embedded-url':
            continue
        for i, c in enumerate(yaml.safe_load(show('agenthound', p))['tests']):
            if isinstance(c.get('input'), str) and isinstance(c.get('should_match'), bool):
                lab = int(c['should_match'])
                out.append(item('agenthound', {'name': 'tool', 'description': c['input']}, lab,
                                '%s#%d' % (p, i), 'rule-test' if lab else 'benign'))
    return out


def agentguard():
    out = []
    p = 'tests/test_mcp.py'
    pos = {'test_detects_injection', 'test_detects_hidden_unicode', 'test_risk_score', 'test_register_and_scan'}
    neg = {'test_clean_tool', 'test_scan_multiple_clean'}
    for name, (fn, cls) in test_functions(show('agentguard', p)).items():
        if name in pos or name in neg:
            lab = int(name in pos)
            out += [item('agentguard', t, lab, '%s#%s' % (p, name), 'unit' if lab else 'benign')
                    for t in py_dict_tools(fn, fn_env(fn))]
    p = 'examples/mcp_security_scan.py'
    src = show('agentguard', p)
    typo = {m.group(1) for m in re.finditer(r'"name":\s*"(\w+)",\s*#\s*typosquat', src)}
    for n in ast.parse(src).body:
        if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name) \
                and n.targets[0].id in ('safe_tools', 'malicious_tools'):
            lab = int(n.targets[0].id == 'malicious_tools')
            for t in py_dict_tools(n, {}):
                if t['name'] not in typo:
                    out.append(item('agentguard', t, lab, '%s#%s' % (p, n.targets[0].id), 'unit' if lab else 'benign'))
    return out


def go_string(expr):
    """Value of a Go string expression: "..." / `...` literals joined by '+'."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"|`([^`]*)`', expr)
    out = []
    for q, raw in parts:
        if raw:
            out.append(raw)
            continue
        out.append(re.sub(r'\\(U[0-9a-fA-F]{8}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{3}|.)',
                          lambda m: _go_esc(m.group(1)), q))
    return ''.join(out)


def _go_esc(e):
    if e[0] in 'Uux' and len(e) > 1:
        return chr(int(e[1:], 16))
    if len(e) == 3 and e.isdigit():
        return chr(int(e, 8))
    return {'n': '\n', 't': '\t', 'r': '\r', 'a': '\a', 'b': '\b', 'f': '\f', 'v': '\v'}.get(e, e)


GO_LIT = r'"(?:[^"\\\n]|\\.)*"|`[^`]*`'


def go_close(src, i):
    """Index just past the brace matching src[i] == '{', skipping Go string literals."""
    depth, j = 0, i
    while j < len(src):
        m = re.match(GO_LIT, src[j:])
        if m:
            j += m.end()
            continue
        if src[j] == '{':
            depth += 1
        elif src[j] == '}':
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    raise ValueError('unbalanced')


def argusgate():
    out = []
    p = 'argusgate/scanner/detectors/detectors_test.go'
    src = show('argusgate', p)
    for m in re.finditer(r'func (TestToolPoisoningDetectorFinds\w+)\(t \*testing\.T\) \{', src):
        body = src[m.end():src.index('\n}\n', m.end())]
        k = body.find('mcp.ToolDefinition{')
        if k < 0:
            continue
        lit = body[k:go_close(body, k + len('mcp.ToolDefinition{') - 1)]
        f = {fm.group(1): go_string(fm.group(2)) for fm in re.finditer(
            r'\b(Name|Description):\s*((?:%s)(?:\s*\+\s*(?:%s))*)' % (GO_LIT, GO_LIT), lit)}
        out.append(item('argusgate', {'name': f['Name'], 'description': f['Description']},
                        1, '%s#%s' % (p, m.group(1)), 'unit'))
    p = 'examples/fixtures/safe-tools.yaml'
    for srv in yaml.safe_load(show('argusgate', p))['servers'].values():
        for t in srv.get('tools', []):
            out.append(item('argusgate', t, 0, p, 'benign'))
    return out


def ghostprobe():
    p = 'tests/test_analyzer.py'
    pos = {'test_detects_concealment_instruction': 'conceal', 'test_detects_instruction_override': 'injection',
           'test_detects_exfiltration_instruction_as_critical': 'exfil',
           'test_detects_hidden_unicode_as_critical': 'unicode'}
    out = []
    for name, (fn, cls) in test_functions(show('ghostprobe', p)).items():
        if name in pos or name == 'test_clean_tool_has_no_poisoning_finding':
            lab = int(name in pos)
            out += [item('ghostprobe', t, lab, '%s#%s' % (p, name), pos.get(name, 'benign'))
                    for t in py_call_tools(fn, '_tool', fn_env(fn))]
    return out


def _module_list(src, var):
    for n in ast.parse(src).body:
        if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name) and n.targets[0].id == var:
            return py_dict_tools(n, {})
    return []


def corvus():
    out = []
    p = 'tests/mock_server.py'
    for t in _module_list(show('corvus', p), 'TOOLS'):
        if t['name'] in ('get_time', 'fetch_data', 'echo'):
            lab = int(t['name'] != 'echo')
            out.append(item('corvus', t, lab, '%s#TOOLS.%s' % (p, t['name']), 'unit' if lab else 'benign'))
    p = 'tests/mock_mutating_server.py'
    src = show('corvus', p)
    for var, lab in (('_TOOLS_V1', 0), ('_TOOLS_V2', 1)):
        for t in _module_list(src, var):
            if t['name'] == 'echo':
                out.append(item('corvus', t, lab, '%s#%s.echo' % (p, var), 'rugpull' if lab else 'benign'))
    return out


def securepipe():
    p = 'tests/test_mcp_scanner.py'
    out = []
    for name, (fn, cls) in test_functions(show('securepipe', p)).items():
        if name in ('test_static_injection_detection', 'test_static_clean_tool'):
            lab = int(name == 'test_static_injection_detection')
            out += [item('securepipe', t, lab, '%s#%s' % (p, name), 'unit' if lab else 'benign')
                    for t in py_dict_tools(fn, fn_env(fn))]
    return out


def checkup():
    p = 'tests/test_checks_security.py'
    out = []
    for name, (fn, cls) in test_functions(show('checkup', p)).items():
        if not name.startswith('test_h03_'):
            continue
        flagged = name == 'test_h03_behavioral_reference_to_foreign_tool_flagged'
        for t in py_call_tools(fn, '_tool', fn_env(fn)):
            lab = int(flagged and t['name'] == 'helper')
            out.append(item('checkup', t, lab, '%s#%s' % (p, name), 'shadowing' if lab else 'benign'))
    return out


def build():
    out = (langsight() + skylos() + agenthound() + agentguard() + argusgate() + ghostprobe()
           + corvus() + securepipe() + checkup())
    for p in ls('zbxnode', 'src/tools'):
        if p.endswith('.js'):
            out += [item('zbxnode', t, 0, p, 'benign') for t in b14.js_tools(show('zbxnode', p))]
    for p in ls('zbxpy', 'src/zabbix_mcp/tools'):
        if p.endswith('.py'):
            out += [item('zbxpy', t, 0, p, 'benign') for t in b14.py_tools(show('zbxpy', p))]
    return out


def key(t):
    d = (t.get('description') or '').strip()
    if t.get('kind') == 'schema' and t['label']:
        return d + '\x00' + json.dumps(t.get('inputSchema'), sort_keys=True)
    return d


def owner_cap(rows):
    n = {}
    for r in rows:
        if r['label']:
            n[r['owner']] = n.get(r['owner'], 0) + 1
    c = max([0] + [c for c in range(1, max(n.values()) + 1) if 4 * c <= sum(min(v, c) for v in n.values())])
    keep, by = [], {}
    for r in sorted(rows, key=lambda r: hashlib.sha256(key(r).encode()).hexdigest()):
        if r['label']:
            by[r['owner']] = by.get(r['owner'], 0) + 1
            if by[r['owner']] > c:
                continue
        keep.append(r)
    order = {id(r): i for i, r in enumerate(rows)}
    keep.sort(key=lambda r: order[id(r)])
    return keep, c, n


def _norm(s):
    return re.sub(r'\s+', ' ', s).strip()


def committed(repo):
    """(descriptions in committed JSON/JSONL, whitespace-normalised text of every committed text file)."""
    files = subprocess.run(['git', '-C', repo, 'ls-tree', '-r', '--name-only', 'HEAD'],
                           capture_output=True, text=True, check=True).stdout.split('\n')
    descs, texts = set(), []

    def walk(o):
        if isinstance(o, dict):
            for k, v in o.items():
                if k == 'description' and isinstance(v, str):
                    descs.add(v.strip())
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
    for f in files:
        if not f or f.endswith(('.bin', '.png', '.gif', '.jpg', '.webm', '.ico')):
            continue
        raw = subprocess.run(['git', '-C', repo, 'show', 'HEAD:' + f], capture_output=True, check=True).stdout
        try:
            s = raw.decode('utf-8')
        except UnicodeDecodeError:
            continue
        texts.append(_norm(s))
        if f.endswith('.json'):
            try:
                walk(json.loads(s))
            except ValueError:
                pass
        elif f.endswith('.jsonl'):
            for line in s.split('\n'):
                try:
                    walk(json.loads(line))
                except ValueError:
                    pass
    return descs, '\x00'.join(texts)


def main():
    global MIRROR
    ap = argparse.ArgumentParser()
    ap.add_argument('--mirror', default='/work/.mirror')
    ap.add_argument('--prev', default='/tmp/poison-eval')
    ap.add_argument('--repo', default='/work/main')
    ap.add_argument('--out', default='/tmp/r32/sets')
    a = ap.parse_args()
    MIRROR = a.mirror
    seen, kept, nfiles = set(), [], 0
    dropped = {'empty': 0, 'earlier set': 0, 'committed json': 0, 'committed text': 0, 'duplicate': 0}
    for f in sorted(glob.glob(os.path.join(a.prev, '**', '*.jsonl'), recursive=True)):
        nfiles += 1
        with open(f) as fh:
            for line in fh:
                try:
                    o = json.loads(line)
                except ValueError:
                    continue
                if not isinstance(o, dict):
                    continue
                s = (o.get('description') or '').strip() if isinstance(o.get('description'), str) else ''
                seen.add(s)
                if isinstance(o.get('inputSchema'), dict):
                    seen.add(s + '\x00' + json.dumps(o['inputSchema'], sort_keys=True))
    cdescs, ctext = committed(a.repo)
    mine = set()
    for t in build():
        s = key(t)
        d = (t['description'] or '').strip()
        if not d and not t.get('inputSchema'):
            dropped['empty'] += 1
            continue
        if s in seen:
            why = 'earlier set'
        elif d in cdescs:
            why = 'committed json'
        elif len(_norm(d)) >= 24 and _norm(d) in ctext:
            why = 'committed text'
        elif s in mine:
            why = 'duplicate'
        else:
            mine.add(s)
            kept.append(t)
            continue
        dropped[why] += 1
        print('dropped: %-40s label %d (%s)' % (t['repo'], t['label'], why))
    rows, cap, before = owner_cap(kept)
    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, 'all.jsonl')
    with open(path, 'w') as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + '\n')
    by = {}
    for r in rows:
        by.setdefault(r['repo'], [0, 0])[r['label'] == 0] += 1
    print('earlier set files read for dedup: %d; committed descriptions %d' % (nfiles, len(cdescs)))
    print('owner cap: %d poisoned per owner (poisoned before cap: %s)' % (cap, before))
    print('all: %d poisoned / %d benign, sha256 %s' % (
        sum(r['label'] for r in rows), sum(1 - r['label'] for r in rows),
        hashlib.sha256(open(path, 'rb').read()).hexdigest()))
    for r, (p, b) in sorted(by.items()):
        print('   %-45s %-22s %3d / %3d' % (r, [v[2] for v in SRC.values() if v[0] == r][0], p, b))
    kinds = {}
    for r in rows:
        if r['label']:
            kinds[r['kind']] = kinds.get(r['kind'], 0) + 1
    print('poisoned by kind:', dict(sorted(kinds.items())))
    print('dropped:', dropped)


if __name__ == '__main__':
    main()
