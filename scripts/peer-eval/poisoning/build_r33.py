#!/usr/bin/env python3
"""Round 33: an eighth fresh independent set (repositories of owners never named before).

Measurement only: one frozen file, scored once with HEAD; no tune half, no candidate.

Reads bare mirrors (/work/.mirror/OWNER+NAME/repo, from the library's `fetch`) at pinned
commits with `git show`; never runs repository code (Python parsed with `ast`, JavaScript
read with a small literal scanner). Every source is under a permissive licence (MIT /
Apache-2.0). Labels come from the authors' own structure:

  bountyyfi/mcp-watchdog (MIT, declared in pyproject.toml; no licence file), tests:
    test_tool_shadow.py: the tool dicts of test_shadowing_override_instruction,
    test_shadowing_cross_tool_redirect (kind shadowing), test_preference_manipulation
    (preference), test_false_error_escalation_in_desc (escalation),
    test_email_header_injection_in_desc (exfil) -> 1; test_cross_server_tool_reference:
    `helper` (asserted as a cross-server reference) -> 1 (shadowing), the server-a
    `read_file` it refers to -> 0; test_clean_tool_no_alerts -> 0 (name-squatting test left
    out: a name, not a description). test_tool_registry.py test_rug_pull_detected and
    test_proxy.py test_rug_pull_via_proxy: `tools_v2` -> 1 (rugpull), `tools_v1` -> 0;
    test_proxy.py test_tool_listing_scanned -> 1 (injection);
    test_integration_attack_flows.py test_sandworm_tool_description_injection -> 1
    (injection), test_rug_pull_tool_schema_change `second_listing` -> 1 (rugpull),
    `first_listing` -> 0, test_clean_traffic_no_false_positives -> 0. Schema-only and
    argument/response tests left out.
  myProjectsRavi/sentinel-protocol (MIT): test/unit/mcp-poisoning-detector.test.js,
    `validTool()` (the accepted tool) -> 0, every `poisoned.function.description = ...` of
    a test asserting `detected` -> 1 (kind unicode when the test title names zero-width,
    else injection); test/integration/mcp-poisoning.integration.test.js, the `search_docs`
    tool of both tests (blocked / warned as poisoning) -> 1.
  MrunmayeeN/vibeguard (MIT): tests/test_mcp.py MCPTool(...) of
    test_tool_poisoning_detected, test_fake_system_tags (injection),
    test_data_exfiltration_detected (exfil), test_stealth_directive_detected (conceal)
    -> 1, of test_clean_tool_passes -> 0; tests/test_scanners.py test_detects_tool_poisoning
    -> 1, test_basic_scan -> 0 (capability, allow/block-list and parameter tests left out).
  imran-siddique/agent-os (MIT): tests/test_mcp_security.py, scan_tool(name, description)
    of class TestHiddenInstructions (kinds unicode / hidden / encoded / injection by test
    name) and TestDescriptionInjection (injection / exfil) -> 1; TestScanTool
    test_poisoned_tool_detected, test_multiple_threat_types, TestScanServer test_mixed_server
    `evil`, TestAuditLog test_audit_entry_contains_threat_info -> 1 (unit);
    TestRugPullDetection test_rug_pull_description_change: check_rug_pull -> 1 (rugpull),
    register_tool -> 0; TestScanTool test_clean_tool_no_threats, TestScanServer
    test_clean_server and the `add` of test_mixed_server, TestBenignTools,
    TestSchemaAbuse test_clean_schema_passes -> 0 (other schema-abuse and cross-server
    tests left out: schema or name, not description); tests/test_mcp_scan_cli.py
    CLEAN_CONFIG -> 0, POISONED_CONFIG `admin_tool` (test_scan_detects_hidden_comment)
    -> 1 (hidden), `safe_tool` -> 0 (`schema_abuse` left out).
  UnitOneAI/unitone-agentgateway (MIT): testservers/src/tool_poisoning_test/server.py, the
    decorated tools under the comments "Category 1" .. "Category 6" -> 1 (kinds hidden,
    injection, override, bypass, role, leak), under "Category 7: Clean / Benign Tools" -> 0;
    testservers/src/rug_pull_test/server.py MCPTool(...) of _get_benign_tools -> 0, of
    _get_malicious_tools_all and _get_malicious_tools_description -> 1 (rugpull)
    (schema/remove modes keep the benign descriptions; the tool the add mode introduces is
    a new tool, left out as round 32 left out corvus' post-rug-pull tool; utility tools
    left out).
  QWED-AI/qwed-verification (Apache-2.0): tests/test_phase17_guards.py class
    TestMCPPoisonGuard, self._tool(description, name) of test_important_tag_injection_blocked
    (hidden), test_ignore_previous_instructions_blocked, test_system_prompt_injection_blocked
    (injection), `evil` of test_poisoned_server_config_blocked and `steal` of
    test_mcpservers_nested_format_scanned (unit) -> 1; test_clean_tool_passes,
    test_allowed_url_passes, test_localhost_url_passes, test_clean_server_config_passes and
    the clean companions (`safe`, `list_issues`) of the two server-config tests -> 0 (URL
    allow-list tests and parameter-description test left out: a URL rule / schema).
  Ordinary MCP servers (benign, -> 0): coreyhines/opnsense-mcp (MIT)
    opnsense_mcp/fastmcp_server.py; tazendor/opnsense-mcp-server (MIT)
    src/opnsense_mcp/tools/*.py (decorated tools, round 14's reader).

Owner cap: no owner may hold more than a quarter of the poisoned items. The cap c is the
largest integer with c <= sum_o min(n_o, c) / 4; an owner above c keeps the c poisoned items
whose sha256(description) sort first (a fixed rule, no reading).

Category of each item: "r33/<owner>/<kind>" (benign: "r33/<owner>/benign").

Dropped as already used: texts already in any earlier set (every *.jsonl under each --prev
directory: the description or description + inputSchema, whole text), a text of 24 chars
or more found inside an earlier set's description (whitespace-normalised substring), a text
of 8 words or more at least half of whose word 8-grams occur in earlier sets' descriptions
(near copies, e.g. of public benchmark sets used before), any "description" string of a
JSON/JSONL file committed at the HEAD of --repo, or a text found verbatim
(whitespace-normalised, 24 chars or more) in any committed text file of that HEAD. Run
after the earlier sets are rebuilt.

Writes --out/all.jsonl (texts written, never printed) and prints counts and its sha256.

Usage: python3 build_r33.py [--mirror /work/.mirror] [--prev /tmp/poison-eval --prev ...]
                            [--repo /work/main] [--out /tmp/r33/sets]
"""
import argparse
import ast
import glob
import hashlib
import importlib.util
import json
import os
import re
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))


def _load(name, fname):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, fname))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


b14 = _load('b14', 'build_round14.py')
b32 = _load('b32', 'build_r32.py')   # literal readers, owner cap, committed-text reader

SRC = {
    'watchdog': ('bountyyfi/mcp-watchdog', 'f7d4db527421492d8f43d9ecde28dd0e5bc48d43', 'MIT (pyproject.toml)'),
    'sentinel': ('myProjectsRavi/sentinel-protocol', '16ce68e3a4c7009efaabd75f0b43782d0bfbe181', 'MIT'),
    'vibeguard': ('MrunmayeeN/vibeguard', 'ed68c2ed8b88cb4cf6df7ee34ae56d464e2c91e3', 'MIT'),
    'agentos': ('imran-siddique/agent-os', 'a7ee6eb8a16744613df6ebca2a4a37242abcdf56', 'MIT'),
    'unitone': ('UnitOneAI/unitone-agentgateway', '8af0b5da17804735ec699aa31d205bff80033aae', 'MIT'),
    'qwed': ('QWED-AI/qwed-verification', '4f0f4f05f2998889aed386e34f6a14e469d1ef2d', 'Apache-2.0'),
    'opnA': ('coreyhines/opnsense-mcp', '3b5b4965f2e506b3b87c0a0adf585e5c3c4893d5', 'MIT'),
    'opnB': ('tazendor/opnsense-mcp-server', 'facab5608ab089b49eb02062f347f3b0d47a547f', 'MIT'),
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
           'source': 'r33/' + SRC[key][0].replace('/', '__'), 'repo': SRC[key][0], 'owner': owner,
           'path': path, 'labelkind': 'tool', 'kind': kind,
           'category': 'r33/%s/%s' % (owner, kind if label else 'benign')}
    if isinstance(t.get('inputSchema'), dict):
        out['inputSchema'] = t['inputSchema']
    return out


# ---- Python helpers beyond round 32's ----

def dicts_under_assign(fn, var, env):
    """Tool dicts inside the value assigned to `var` in fn (first such assignment)."""
    for st in ast.walk(fn):
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name) \
                and st.targets[0].id == var:
            return b32.py_dict_tools(st.value, env)
    return []


def kw_call_tools(node, fname, env):
    """Calls to fname with keyword name= and description= (literal or known name), in source order."""
    out = []
    for n in ast.walk(node):
        if isinstance(n, ast.Call) and ast.unparse(n.func) == fname:
            kw = {k.arg: k.value for k in n.keywords if k.arg}
            if 'name' in kw and 'description' in kw:
                t = {'name': b32.pyval(kw['name'], env), 'description': b32.pyval(kw['description'], env)}
                for sk in ('inputSchema', 'input_schema'):
                    if sk in kw:
                        try:
                            s = ast.literal_eval(kw[sk])
                            if isinstance(s, dict):
                                t['inputSchema'] = s
                        except ValueError:
                            pass
                out.append((n, t))
    out.sort(key=lambda x: (x[0].lineno, x[0].col_offset))
    return [t for _, t in out]


# ---- sources ----

def watchdog():
    out = []
    p = 'tests/test_tool_shadow.py'
    pos = {'test_shadowing_override_instruction': 'shadowing', 'test_shadowing_cross_tool_redirect': 'shadowing',
           'test_preference_manipulation': 'preference', 'test_false_error_escalation_in_desc': 'escalation',
           'test_email_header_injection_in_desc': 'exfil'}
    for name, (fn, cls) in b32.test_functions(show('watchdog', p)).items():
        env = b32.fn_env(fn)
        where = '%s#%s' % (p, name)
        if name in pos:
            out += [item('watchdog', t, 1, where, pos[name]) for t in b32.py_dict_tools(fn, env)]
        elif name == 'test_cross_server_tool_reference':
            for t in b32.py_dict_tools(fn, env):
                lab = int(t['name'] == 'helper')
                out.append(item('watchdog', t, lab, where, 'shadowing' if lab else 'benign'))
        elif name == 'test_clean_tool_no_alerts':
            out += [item('watchdog', t, 0, where, 'benign') for t in b32.py_dict_tools(fn, env)]
    for p, tests in (('tests/test_tool_registry.py', ('test_rug_pull_detected',)),
                     ('tests/test_proxy.py', ('test_rug_pull_via_proxy', 'test_tool_listing_scanned'))):
        for name, (fn, cls) in b32.test_functions(show('watchdog', p)).items():
            if name not in tests:
                continue
            env = b32.fn_env(fn)
            where = '%s#%s' % (p, name)
            if name == 'test_tool_listing_scanned':
                out += [item('watchdog', t, 1, where, 'injection') for t in b32.py_dict_tools(fn, env)]
                continue
            out += [item('watchdog', t, 0, where + '.tools_v1', 'benign') for t in dicts_under_assign(fn, 'tools_v1', env)]
            out += [item('watchdog', t, 1, where + '.tools_v2', 'rugpull') for t in dicts_under_assign(fn, 'tools_v2', env)]
    p = 'tests/test_integration_attack_flows.py'
    for name, (fn, cls) in b32.test_functions(show('watchdog', p)).items():
        env = b32.fn_env(fn)
        where = '%s#%s' % (p, name)
        if name == 'test_sandworm_tool_description_injection':
            out += [item('watchdog', t, 1, where, 'injection') for t in b32.py_dict_tools(fn, env)]
        elif name == 'test_rug_pull_tool_schema_change':
            out += [item('watchdog', t, 0, where + '.first', 'benign') for t in dicts_under_assign(fn, 'first_listing', env)]
            out += [item('watchdog', t, 1, where + '.second', 'rugpull') for t in dicts_under_assign(fn, 'second_listing', env)]
        elif name == 'test_clean_traffic_no_false_positives':
            out += [item('watchdog', t, 0, where, 'benign') for t in b32.py_dict_tools(fn, env)
                    if t.get('description')]
    return out


def sentinel():
    out = []
    p = 'test/unit/mcp-poisoning-detector.test.js'
    src = show('sentinel', p)
    m = re.search(r'function validTool\(\)\s*\{', src)
    body = src[m.end():src.index('\n  }\n', m.end())]
    d = re.search(r"name:\s*'([\w-]+)',\s*description:\s*", body)
    out.append(item('sentinel', {'name': d.group(1), 'description': b14.js_expr(body, d.end(), {})},
                    0, p + '#validTool', 'benign'))
    tests = [(t.start(), t.group(2)) for t in re.finditer(r"\btest\((['\"])(.*?)\1", src)]
    for a in re.finditer(r'poisoned\.function\.description\s*=\s*', src):
        title = [tt for pos, tt in tests if pos < a.start()][-1]
        block = src[a.start():]
        nxt = re.search(r"\btest\(", block)
        block = block[:nxt.start()] if nxt else block
        if 'detected).toBe(true)' not in block:
            continue
        desc = b14.js_expr(src, a.end(), {})
        out.append(item('sentinel', {'name': d.group(1), 'description': desc}, 1, '%s#%s' % (p, title),
                        'unicode' if 'zero-width' in title else 'injection'))
    p = 'test/integration/mcp-poisoning.integration.test.js'
    src = show('sentinel', p)
    for t in re.finditer(r"name:\s*'([\w-]+)',\s*description:\s*", src):
        title = [tt.group(2) for tt in re.finditer(r"\btest\((['\"])(.*?)\1", src[:t.start()])][-1]
        out.append(item('sentinel', {'name': t.group(1), 'description': b14.js_expr(src, t.end(), {})},
                        1, '%s#%s' % (p, title), 'injection'))
    return out


def vibeguard():
    out = []
    files = {'tests/test_mcp.py': ({'test_tool_poisoning_detected': 'injection', 'test_fake_system_tags': 'injection',
                                    'test_data_exfiltration_detected': 'exfil',
                                    'test_stealth_directive_detected': 'conceal'}, {'test_clean_tool_passes'}),
             'tests/test_scanners.py': ({'test_detects_tool_poisoning': 'injection'}, {'test_basic_scan'})}
    for p, (pos, neg) in files.items():
        for name, (fn, cls) in b32.test_functions(show('vibeguard', p)).items():
            if cls != 'TestMCPScanner' or (name not in pos and name not in neg):
                continue
            lab = int(name in pos)
            out += [item('vibeguard', t, lab, '%s#%s' % (p, name), pos.get(name, 'benign'))
                    for t in kw_call_tools(fn, 'MCPTool', b32.fn_env(fn))]
    return out


def agentos():
    out = []
    p = 'tests/test_mcp_security.py'
    hidden_kind = {'test_zero_width_space': 'unicode', 'test_zero_width_joiner': 'unicode',
                   'test_bidi_override': 'unicode', 'test_html_comment': 'hidden', 'test_markdown_comment': 'hidden',
                   'test_base64_encoded_instruction': 'encoded', 'test_excessive_whitespace_hidden': 'hidden',
                   'test_instruction_override_pattern': 'injection'}
    inj_kind = {'test_ignore_previous_instructions': 'injection', 'test_role_assignment': 'injection',
                'test_data_exfiltration_curl': 'exfil', 'test_send_to_pattern': 'exfil',
                'test_include_contents_of': 'exfil'}
    src = show('agentos', p)
    tree = ast.parse(src)
    for c in tree.body:
        if not isinstance(c, ast.ClassDef):
            continue
        for fn in c.body:
            if not isinstance(fn, ast.FunctionDef):
                continue
            env = b32.fn_env(fn)
            where = '%s#%s.%s' % (p, c.name, fn.name)
            scan = b32.py_call_tools(fn, 'self.scanner.scan_tool', env)
            if c.name == 'TestHiddenInstructions' and fn.name in hidden_kind:
                out += [item('agentos', t, 1, where, hidden_kind[fn.name]) for t in scan]
            elif c.name == 'TestDescriptionInjection' and fn.name in inj_kind:
                out += [item('agentos', t, 1, where, inj_kind[fn.name]) for t in scan]
            elif (c.name, fn.name) in (('TestScanTool', 'test_poisoned_tool_detected'),
                                       ('TestScanTool', 'test_multiple_threat_types'),
                                       ('TestAuditLog', 'test_audit_entry_contains_threat_info')):
                out += [item('agentos', t, 1, where, 'unit') for t in scan]
            elif (c.name, fn.name) in (('TestScanTool', 'test_clean_tool_no_threats'),
                                       ('TestSchemaAbuse', 'test_clean_schema_passes')) or c.name == 'TestBenignTools':
                out += [item('agentos', t, 0, where, 'benign') for t in scan]
            elif c.name == 'TestScanServer' and fn.name in ('test_clean_server', 'test_mixed_server'):
                for t in b32.py_dict_tools(fn, env):
                    lab = int(fn.name == 'test_mixed_server' and t['name'] == 'evil')
                    out.append(item('agentos', t, lab, where, 'unit' if lab else 'benign'))
            elif c.name == 'TestRugPullDetection' and fn.name == 'test_rug_pull_description_change':
                out += [item('agentos', t, 0, where + '.register', 'benign')
                        for t in b32.py_call_tools(fn, 'self.scanner.register_tool', env)]
                out += [item('agentos', t, 1, where + '.check', 'rugpull')
                        for t in b32.py_call_tools(fn, 'self.scanner.check_rug_pull', env)]
    p = 'tests/test_mcp_scan_cli.py'
    for n in ast.parse(show('agentos', p)).body:
        if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name) \
                and n.targets[0].id in ('CLEAN_CONFIG', 'POISONED_CONFIG'):
            for t in b32.py_dict_tools(n, {}):
                if n.targets[0].id == 'CLEAN_CONFIG' or t['name'] == 'safe_tool':
                    out.append(item('agentos', t, 0, '%s#%s' % (p, n.targets[0].id), 'benign'))
                elif t['name'] == 'admin_tool':
                    out.append(item('agentos', t, 1, '%s#%s.admin_tool' % (p, n.targets[0].id), 'hidden'))
    return out


def unitone():
    out = []
    p = 'testservers/src/tool_poisoning_test/server.py'
    src = show('unitone', p)
    marks = [(i + 1, m.group(1), m.group(2)) for i, line in enumerate(src.split('\n'))
             for m in [re.match(r'#\s*Category\s+(\d+):\s*(.*)', line.strip())] if m]
    kinds = {1: 'hidden', 2: 'injection', 3: 'override', 4: 'bypass', 5: 'role', 6: 'leak'}
    for n in ast.parse(src).body:
        if isinstance(n, ast.FunctionDef) and any(re.search(r'\btool\b', ast.unparse(d)) for d in n.decorator_list):
            cat = int([c for ln, c, _ in marks if ln < n.lineno][-1])
            doc = ast.get_docstring(n) or ''
            lab = int(cat in kinds)
            if not lab and cat != 7:
                continue
            out.append(item('unitone', {'name': n.name, 'description': doc}, lab, '%s#category%d' % (p, cat),
                            kinds.get(cat, 'benign')))
    p = 'testservers/src/rug_pull_test/server.py'
    for n in ast.parse(show('unitone', p)).body:
        if isinstance(n, ast.FunctionDef) and n.name in ('_get_benign_tools', '_get_malicious_tools_all',
                                                         '_get_malicious_tools_description'):
            lab = int(n.name != '_get_benign_tools')
            out += [item('unitone', t, lab, '%s#%s' % (p, n.name), 'rugpull' if lab else 'benign')
                    for t in kw_call_tools(n, 'MCPTool', {})]
    return out


def qwed():
    out = []
    p = 'tests/test_phase17_guards.py'
    pos = {'test_important_tag_injection_blocked': 'hidden', 'test_ignore_previous_instructions_blocked': 'injection',
           'test_system_prompt_injection_blocked': 'injection'}
    neg = {'test_clean_tool_passes', 'test_allowed_url_passes', 'test_localhost_url_passes',
           'test_clean_server_config_passes'}
    mixed = {'test_poisoned_server_config_blocked': 'evil', 'test_mcpservers_nested_format_scanned': 'steal'}
    for name, (fn, cls) in b32.test_functions(show('qwed', p)).items():
        if cls != 'TestMCPPoisonGuard' or name not in set(pos) | neg | set(mixed):
            continue
        env = b32.fn_env(fn)
        calls = []
        for n in ast.walk(fn):
            if isinstance(n, ast.Call) and ast.unparse(n.func) == 'self._tool' and n.args:
                nm = b32.pyval(n.args[1], env) if len(n.args) > 1 else 'test_tool'
                calls.append((n.lineno, n.col_offset, {'name': nm, 'description': b32.pyval(n.args[0], env)}))
        for _, _, t in sorted(calls, key=lambda x: x[:2]):
            if name in mixed:
                lab = int(t['name'] == mixed[name])
                kind = 'unit' if lab else 'benign'
            else:
                lab = int(name in pos)
                kind = pos.get(name, 'benign')
            out.append(item('qwed', t, lab, '%s#%s' % (p, name), kind))
    return out


def build():
    out = watchdog() + sentinel() + vibeguard() + agentos() + unitone() + qwed()
    p = 'opnsense_mcp/fastmcp_server.py'
    out += [item('opnA', t, 0, p, 'benign') for t in b14.py_tools(show('opnA', p))]
    for p in ls('opnB', 'src/opnsense_mcp/tools'):
        if p.endswith('.py'):
            out += [item('opnB', t, 0, p, 'benign') for t in b14.py_tools(show('opnB', p))]
    return out


def grams(s, n=8):
    w = re.findall(r'\w+', s.lower())
    return {' '.join(w[i:i + n]) for i in range(len(w) - n + 1)}


def main():
    global MIRROR
    ap = argparse.ArgumentParser()
    ap.add_argument('--mirror', default='/work/.mirror')
    ap.add_argument('--prev', action='append', default=None)
    ap.add_argument('--repo', default='/work/main')
    ap.add_argument('--out', default='/tmp/r33/sets')
    a = ap.parse_args()
    MIRROR = a.mirror
    prevs = a.prev or ['/tmp/poison-eval', '/tmp/r32/sets']
    seen, kept, nfiles, prev_texts = set(), [], 0, []
    dropped = {'empty': 0, 'earlier set': 0, 'earlier substring': 0, 'earlier 8-gram': 0,
               'committed json': 0, 'committed text': 0, 'duplicate': 0}
    for d in prevs:
        for f in sorted(glob.glob(os.path.join(d, '**', '*.jsonl'), recursive=True)):
            if os.path.abspath(f).startswith(os.path.abspath(a.out)):
                continue
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
                    if s:
                        prev_texts.append(b32._norm(s))
                    if isinstance(o.get('inputSchema'), dict):
                        seen.add(s + '\x00' + json.dumps(o['inputSchema'], sort_keys=True))
    prev_blob = '\x00'.join(prev_texts)
    prev_grams = set()
    for s in prev_texts:
        prev_grams |= grams(s)
    cdescs, ctext = b32.committed(a.repo)
    mine = set()
    for t in build():
        s = b32.key(t)
        d = (t['description'] or '').strip()
        nd = b32._norm(d)
        g = grams(d)
        if not d and not t.get('inputSchema'):
            dropped['empty'] += 1
            continue
        if s in seen:
            why = 'earlier set'
        elif len(nd) >= 24 and nd in prev_blob:
            why = 'earlier substring'
        elif g and len(g & prev_grams) * 2 >= len(g):
            why = 'earlier 8-gram'
        elif d in cdescs:
            why = 'committed json'
        elif len(nd) >= 24 and nd in ctext:
            why = 'committed text'
        elif s in mine:
            why = 'duplicate'
        else:
            mine.add(s)
            kept.append(t)
            continue
        dropped[why] += 1
        print('dropped: %-40s label %d (%s)' % (t['repo'], t['label'], why))
    rows, cap, before = b32.owner_cap(kept)
    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, 'all.jsonl')
    with open(path, 'w') as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + '\n')
    by = {}
    for r in rows:
        by.setdefault(r['repo'], [0, 0])[r['label'] == 0] += 1
    print('earlier set files read for dedup: %d (%s); committed descriptions %d' % (nfiles, ', '.join(prevs), len(cdescs)))
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
