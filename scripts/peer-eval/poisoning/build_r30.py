#!/usr/bin/env python3
"""Round 30: a sixth fresh independent set (repositories of owners never named before).

Measurement only: one frozen file, scored once with HEAD; no tune half, no candidate.

Reads bare mirrors (/work/.mirror/OWNER+NAME/repo, from the library's `fetch`) at pinned
commits with `git show`; never runs repository code (Python parsed with `ast`, TypeScript and
JavaScript read with small literal scanners, JSON with `json`, YAML with `yaml.safe_load`).
Labels come from the authors' own structure:

  SabyasachiDhal/MCPGoat (MIT), src/challenges.ts (a CTF server; each challenge at four
    levels, "secure" being the fixed reference): block "A1 — TOOL POISONING": `add_numbers`
    at easy (kind directive), moderate (the poison is a parameter's .describe(): schema) and
    difficult (a base64 blob: encoded) -> 1, at secure -> 0; block "A2 — TOOL SHADOWING":
    `send_email` at easy (shadowing) and moderate (the bcc parameter's .describe(): schema)
    and the difficult shadow twin `send_emai1` (shadowing) -> 1, the clean `send_email` of
    the secure/difficult branch -> 0; the level-agnostic control tools and the base
    `get_weather` of "A3 — RUG PULL" (attack in behaviour, not in the definition) -> 0.
    Flags are filled with the file's own format, FLAG{<slug>__<level>} (scoreboard.ts).
  xp4u1/mcp_security_tool_benchmark (no licence), exploits/samples_translated.json: 200
    tools (100 `malicious: true`, 100 false, sampled by the author from MCPTox and
    MCP-SafetyBench) with the author's German translation `description_de`: the German text
    with the `malicious` flag as label (kind translated-de). The English originals come from
    sets used before and are not taken.
  RohitKulkarni02/malicious_mcp_research_kit (no licence), cases/: tools whose description
    is built by the kit's `poison_description(visible=..., channel=...)`
    (cases/harvest_common.py; the f-string is filled with the call's literal arguments)
    in case_01_url_exfil.py and case_02_dns_exfil.py -> 1 (kind exfil);
    case_00_mock_trusted_connector.py (the mock of the victim connector) -> 0.
  jnMetaCode/shellward (Apache-2.0): bench/corpus.ts rows of category 'tool_poisoning'
    (`malicious: true` -> 1, false -> 0; kind unit); test-fixtures/evil-mcp-server.mjs
    POISONED_TOOL -> 1 (kind fixture); test-mcp.ts `scan_mcp_tool` cases whose validate
    expects `text.safe === false` -> 1, `=== true` -> 0 (kind unit); test-rugpull.ts the
    description under the comment "Swapped (malicious) description" -> 1 and `benign` -> 0
    (kind rugpull); src/mcp-server.ts (the product's own tools) -> 0.
  dyingc/mcp_security (no licence), server/server_config.yaml: `shadow_tool` ("Sample
    shadowing tool" in server/mcp_server.py) -> 1 (kind shadowing); send_mail,
    execute_os_command -> 0.
  DaoyuanLi2816/mcp-guard (Apache-2.0): examples/vulnerable_metadata_server/server.py
    `summarize` (README "What's wrong": hidden HTML comment in its description) -> 1 (kind
    conceal; the confusable-name and annotation tools left out); examples/safe_server -> 0;
    tests/test_metadata_scan.py tools of test_prompt_injection_phrase_in_description and
    test_html_comment_in_description -> 1 (kind unit).
  aolune/mcp-guard (Apache-2.0), examples/: poisoned_tool_manifest.json (fixture_matrix.yaml:
    "poisoned tool metadata", MCPG-INJ-001 expected) -> 1 (kind unit);
    safe_readonly_docs_manifest.json ("safe readonly docs", gate pass) -> 0.
  manthanghasadiya/mcpsec (MIT), tests/test_scanners.py: the tool of
    test_prompt_injection_scanner_detects_hidden_instructions -> 1 (kind unit).
  Ordinary MCP servers (benign, -> 0): samhdz/redmine-mcp-hacks (MIT) src/redmine_mcp/server.py;
    vegarwaage/homeassistant-mcp-server (no licence) src/**/*.ts tool objects.

Owner cap: no owner may hold more than a quarter of the poisoned items. The cap c is the
largest integer with c <= sum_o min(n_o, c) / 4; an owner above c keeps the c poisoned items
whose sha256(description) sort first (a fixed rule, no reading).

Category of each item: "r30/<owner>/<kind>" (benign: "r30/<owner>/benign").

Texts already in any earlier set under --out (description, or description + inputSchema for
schema items) are dropped; run after the earlier rounds' sets are rebuilt.

Writes /tmp/poison-eval/r30/all.jsonl (texts written, never printed) and prints counts and
its sha256.

Usage: python3 build_r30.py [--mirror /work/.mirror] [--out /tmp/poison-eval]
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
    'goat': ('SabyasachiDhal/MCPGoat', '9390f488639d7560203eeab10e8b2c595a90d015', 'MIT'),
    'xp4u1': ('xp4u1/mcp_security_tool_benchmark', 'd5637b55d60e305badf54c4182a0b3a20beadb17',
              'none (evaluation only)'),
    'rohit': ('RohitKulkarni02/malicious_mcp_research_kit', '04d2dd21ee7f8ee8a00c6874dc9b8f48ef54cbbf',
              'none (evaluation only)'),
    'shellward': ('jnMetaCode/shellward', 'adace0f14e30d9eeefa767909e7704b4e7b25245', 'Apache-2.0'),
    'dyingc': ('dyingc/mcp_security', '0fc336690baaf43320f4e5f3444ecf2f1e49adf7', 'none (evaluation only)'),
    'fence': ('DaoyuanLi2816/mcp-guard', 'fce509ee89e0edff14870d0ab79050ba95e9a5d0', 'Apache-2.0'),
    'aolune': ('aolune/mcp-guard', 'cae4f31eaa6ae6f1759668b2b26cc31dd8c543f5', 'Apache-2.0'),
    'mcpsec': ('manthanghasadiya/mcpsec', '32659498466044a7cff5c14d32405c2e38c3481a', 'MIT'),
    'samhdz': ('samhdz/redmine-mcp-hacks', 'd52c8bce41ce61671aa834ece036e3dfd34d8e0d', 'MIT'),
    'vegar': ('vegarwaage/homeassistant-mcp-server', '0f3bf496646c3918424b585f36d8b3731edbdfe2',
              'none (evaluation only)'),
}
MIRROR = '/work/.mirror'


def git(key, *args):
    repo = SRC[key][0]
    d = os.path.join(MIRROR, repo.replace('/', '+'), 'repo')
    return subprocess.run(['git', '--git-dir', d] + list(args), capture_output=True, text=True, check=True).stdout


def show(key, path):
    return git(key, 'show', SRC[key][1] + ':' + path)


def item(key, t, label, path, kind):
    owner = SRC[key][0].split('/')[0]
    out = {'name': t['name'], 'description': t['description'], 'label': label,
           'source': 'r30/' + SRC[key][0].replace('/', '__'), 'repo': SRC[key][0], 'owner': owner,
           'path': path, 'labelkind': 'tool', 'kind': kind,
           'category': 'r30/%s/%s' % (owner, kind if label else 'benign')}
    if isinstance(t.get('inputSchema'), dict):
        out['inputSchema'] = t['inputSchema']
    return out


# ---- a small TypeScript expression reader (string literals only) ----

def _skip_str(s, i):
    """Index just past the string/template literal starting at s[i]."""
    q = s[i]
    j = i + 1
    while j < len(s):
        if s[j] == '\\':
            j += 2
            continue
        if q == '`' and s.startswith('${', j):
            j = _balanced(s, j + 1, '{', '}')
            continue
        if s[j] == q:
            return j + 1
        j += 1
    raise ValueError('unterminated literal')


def _balanced(s, i, o, c):
    """Index just past the bracket matching s[i] (== o), skipping literals and comments."""
    depth = 0
    j = i
    while j < len(s):
        ch = s[j]
        if ch in '"\'`':
            j = _skip_str(s, j)
            continue
        if s.startswith('//', j):
            j = s.index('\n', j)
            continue
        if ch == o:
            depth += 1
        elif ch == c:
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    raise ValueError('unbalanced')


def _split_top(s, sep):
    """Split s at top-level occurrences of the one-character separator sep."""
    parts, depth, start, j = [], 0, 0, 0
    while j < len(s):
        ch = s[j]
        if ch in '"\'`':
            j = _skip_str(s, j)
            continue
        if s.startswith('//', j):
            j = s.index('\n', j) if '\n' in s[j:] else len(s)
            continue
        if ch in '([{':
            depth += 1
        elif ch in ')]}':
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(s[start:j])
            start = j + 1
        j += 1
    parts.append(s[start:])
    return [p for p in (x.strip() for x in parts) if p]


def _unescape(body):
    return re.sub(r'\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)',
                  lambda m: _esc(m.group(1)), body, flags=re.S)


def _esc(e):
    if e.startswith('u{'):
        return chr(int(e[2:-1], 16))
    if e[0] in 'ux' and len(e) > 1:
        return chr(int(e[1:], 16))
    return {'n': '\n', 't': '\t', 'r': '\r', '0': '\0', '\n': ''}.get(e, e)


def ts_eval(expr, env):
    """Value of a TS string expression: literals, templates (${name} from env), '+',
    [..].join(sep), Buffer.from(x).toString("base64"), flag("slug", level)."""
    e = re.sub(r'^(?:\s*//[^\n]*\n)+', '', expr).strip()
    while e.startswith('(') and _balanced(e, 0, '(', ')') == len(e):
        e = e[1:-1].strip()
    parts = _split_top(e, '+')
    if len(parts) > 1:
        return ''.join(ts_eval(p, env) for p in parts)
    m = re.match(r'\[(.*)\]\.join\((.*)\)$', e, re.S)
    if m:
        return ts_eval(m.group(2), env).join(ts_eval(p, env) for p in _split_top(m.group(1), ','))
    m = re.match(r'Buffer\.from\((.*)\)\.toString\(\s*"base64"\s*\)$', e, re.S)
    if m:
        return base64.b64encode(ts_eval(m.group(1), env).encode()).decode()
    m = re.match(r'flag\(\s*"([\w-]+)"\s*,\s*(?:"(\w+)"|(\w+))\s*\)$', e)
    if m:
        return 'FLAG{%s__%s}' % (m.group(1), m.group(2) or env[m.group(3)])
    if e[0] in '"\'' and _skip_str(e, 0) == len(e):
        return _unescape(e[1:-1])
    if e[0] == '`' and _skip_str(e, 0) == len(e):
        body = e[1:-1]
        out, j = [], 0
        while j < len(body):
            if body[j] == '\\':
                out.append(_esc(body[j + 1]))
                j += 2
            elif body.startswith('${', j):
                k = _balanced(body, j + 1, '{', '}')
                out.append(ts_eval(body[j + 2:k - 1], env))
                j = k
            else:
                out.append(body[j])
                j += 1
        return ''.join(out)
    if re.match(r'[A-Za-z_]\w*$', e):
        return env[e]
    raise ValueError('not a string expression')


def zod_shape(s, env):
    """A zod raw shape `{ a: z.number(), b: z.string().describe(...) }` as JSON Schema."""
    s = s.strip()
    assert s.startswith('{') and s.endswith('}')
    props = {}
    for p in _split_top(s[1:-1], ','):
        m = re.match(r'(\w+)\s*:\s*z\s*\.\s*(\w+)\(', p)
        if not m:
            continue
        d = {'type': {'number': 'number', 'string': 'string', 'boolean': 'boolean'}.get(m.group(2), m.group(2))}
        dm = re.search(r'\.describe\(', p)
        if dm:
            d['description'] = ts_eval(p[dm.end():_balanced(p, dm.end() - 1, '(', ')') - 1], env)
        props[m.group(1)] = d
    return {'type': 'object', 'properties': props}


def server_tools(src, env):
    """server.tool(name, description, shape, handler) calls in src."""
    out = []
    for m in re.finditer(r'server\.tool\(', src):
        call = src[m.end() - 1:_balanced(src, m.end() - 1, '(', ')')]
        args = _split_top(call[1:-1], ',')
        t = {'name': ts_eval(args[0], env), 'description': ts_eval(args[1], env)}
        if len(args) > 3 and args[2].startswith('{'):
            t['inputSchema'] = zod_shape(args[2], env)
        out.append(t)
    return out


def _block(src, start_marker, end_marker):
    a = src.index(start_marker)
    return src[a:src.index(end_marker, a)]


def _body_after(src, pat):
    """Body (without braces) of the `{` that follows the regex pat."""
    m = re.search(pat, src)
    k = src.index('{', m.end() - 1)
    return src[k + 1:_balanced(src, k, '{', '}') - 1]


def _run_assigns(body, env):
    """Apply `[const |let ]x[: T] = EXPR;` / `x += EXPR;` statements of body in order (string
    expressions, or a zod shape for `schema`); other statements are skipped."""
    env = dict(env)
    for st in _split_top(body, ';'):
        st = re.sub(r'^(?:\s*//[^\n]*\n)+', '', st).strip()
        m = re.match(r'(?:(?:const|let)\s+)?(\w+)(?:\s*:\s*[\w.]+)?\s*(\+?=)(?!=)\s*(.*)$', st, re.S)
        if not m:
            continue
        name, op, val = m.groups()
        try:
            v = zod_shape(val, env) if val.strip().startswith('{') else ts_eval(val, env)
        except (ValueError, KeyError, AssertionError, IndexError):
            continue
        env[name] = env.get(name, '') + v if op == '+=' else v
    return env


def goat():
    p = 'src/challenges.ts'
    src = show('goat', p)
    out = []
    ctl = _block(src, 'control + helper tools', 'A1 — TOOL POISONING')
    out += [item('goat', t, 0, p + '#control', 'benign') for t in server_tools(ctl, {})]
    a1 = _block(src, 'A1 — TOOL POISONING', 'A2 — TOOL SHADOWING')
    base = {'schema': {'type': 'object', 'properties': {'a': {'type': 'number'}, 'b': {'type': 'number'}}}}
    branches = [('secure', r'if \(secureMode\)\s*\{', 0, 'benign'),
                ('easy', r'if \(snap === "easy"\)\s*\{', 1, 'directive'),
                ('moderate', r'else if \(snap === "moderate"\)\s*\{', 1, 'schema')]
    inner_else = a1[a1.index('else if (snap === "moderate")'):]
    inner_else = inner_else[_balanced(inner_else, inner_else.index('{'), '{', '}'):]
    for lvl, pat, lab, kind in branches:
        env = _run_assigns(_body_after(a1, pat), dict(base, snap=lvl))
        if lvl != 'secure':
            env = _run_assigns('const f = flag("tool-poisoning", snap);', env)
            env = _run_assigns(_body_after(a1, pat), env)
        out.append(item('goat', {'name': 'add_numbers', 'description': env['desc'], 'inputSchema': env['schema']},
                        lab, '%s#A1.%s' % (p, lvl), kind))
    env = _run_assigns('const f = flag("tool-poisoning", snap);', dict(base, snap='difficult'))
    env = _run_assigns(_body_after(inner_else, r'else\s*\{'), env)
    out.append(item('goat', {'name': 'add_numbers', 'description': env['desc'], 'inputSchema': env['schema']},
                    1, p + '#A1.difficult', 'encoded'))
    a2 = _block(src, 'A2 — TOOL SHADOWING', 'A3 — RUG PULL')
    sec = _body_after(a2, r'if \(secureMode \|\| snap === "difficult"\)\s*\{')
    diff = _body_after(sec, r'if \(snap === "difficult"\)\s*\{')
    clean = sec.replace(diff, '')
    out += [item('goat', t, 0, p + '#A2.secure', 'benign') for t in server_tools(clean, {})]
    env = _run_assigns(diff, {'snap': 'difficult'})
    out += [item('goat', t, 1, p + '#A2.difficult', 'shadowing') for t in server_tools(diff, env)]
    for lvl, pat, kind in [('easy', r'else if \(snap === "easy"\)\s*\{', 'shadowing'),
                           ('moderate', r'\}\s*else\s*\{(?=\s*const f = flag\("tool-shadowing", "moderate"\))', 'schema')]:
        body = _body_after(a2, pat)
        env = _run_assigns(body, {'snap': lvl})
        out += [item('goat', t, 1, '%s#A2.%s' % (p, lvl), kind) for t in server_tools(body, env)]
    a3 = _block(src, 'A3 — RUG PULL', 'B1 — INDIRECT')
    m = re.search(r'let desc = ("(?:[^"\\]|\\.)*");', a3)
    out.append(item('goat', {'name': 'get_weather', 'description': ts_eval(m.group(1), {})}, 0, p + '#A3', 'benign'))
    return out


def xp4u1():
    p = 'exploits/samples_translated.json'
    out = []
    for t in json.loads(show('xp4u1', p)):
        if isinstance(t.get('description_de'), str) and isinstance(t.get('malicious'), bool):
            out.append(item('xp4u1', {'name': t['name'], 'description': t['description_de']},
                            int(t['malicious']), p, 'translated-de'))
    return out


def _fstring(node, env):
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.FormattedValue):
        return env[ast.unparse(node.value)]
    if isinstance(node, ast.JoinedStr):
        return ''.join(_fstring(v, env) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _fstring(node.left, env) + _fstring(node.right, env)
    raise ValueError(ast.dump(node)[:80])


def rohit():
    out = []
    fn = next(n for n in ast.walk(ast.parse(show('rohit', 'cases/harvest_common.py')))
              if isinstance(n, ast.FunctionDef) and n.name == 'poison_description')
    tmpl = fn.body[0].value
    for p in ('cases/case_01_url_exfil.py', 'cases/case_02_dns_exfil.py'):
        tree = ast.parse(show('rohit', p))
        named = {}
        for n in ast.walk(tree):
            if (isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                    and isinstance(n.value, ast.Call) and ast.unparse(n.value.func) == 'poison_description'):
                named[n.targets[0].id] = n.value
        for n in ast.walk(tree):
            if isinstance(n, ast.Call) and ast.unparse(n.func) == 'mcp.tool':
                kw = {k.arg: k.value for k in n.keywords}
                d = kw.get('description')
                if isinstance(d, ast.Name):
                    d = named.get(d.id)
                if not (isinstance(d, ast.Call) and ast.unparse(d.func) == 'poison_description'):
                    continue
                args = {k.arg: b14._const(k.value) for k in d.keywords}
                out.append(item('rohit', {'name': b14._const(kw['name']), 'description': _fstring(tmpl, args)},
                                1, p, 'exfil'))
    p = 'cases/case_00_mock_trusted_connector.py'
    for n in ast.walk(ast.parse(show('rohit', p))):
        if isinstance(n, ast.Call) and ast.unparse(n.func) == 'mcp.tool':
            kw = {k.arg: k.value for k in n.keywords}
            if b14._const(kw.get('name')) and b14._const(kw.get('description')):
                out.append(item('rohit', {'name': b14._const(kw['name']), 'description': b14._const(kw['description'])},
                                0, p, 'benign'))
    return out


def shellward():
    out = []
    p = 'bench/corpus.ts'
    src = show('shellward', p)
    for m in re.finditer(r"\{ category: 'tool_poisoning', malicious: (true|false),[^\n]*?input:\s*", src):
        d = b14.js_expr(src, m.end(), {})
        if d:
            out.append(item('shellward', {'name': 'tool', 'description': d}, int(m.group(1) == 'true'), p, 'unit'))
    p = 'test-fixtures/evil-mcp-server.mjs'
    src = show('shellward', p)
    body = src[src.index('const POISONED_TOOL'):]
    out += [item('shellward', t, 1, p, 'fixture') for t in b14.js_tools(body)[:1]]
    p = 'test-mcp.ts'
    src = show('shellward', p)
    for m in re.finditer(r"name: 'scan_mcp_tool', arguments: \{", src):
        args = src[m.end() - 1:_balanced(src, m.end() - 1, '{', '}')]
        after = src[m.end():m.end() + 600]
        v = re.search(r'validate:[^\n]*\n[^\n]*\n\s*return ([^\n]*)', after)
        lab = 1 if 'text.safe === false' in v.group(1) else 0 if 'text.safe === true' in v.group(1) else None
        nm = re.search(r"name: '([\w-]+)'", args)
        dm = re.search(r'description:\s*', args)
        if lab is not None and nm and dm:
            out.append(item('shellward', {'name': nm.group(1), 'description': b14.js_expr(args, dm.end(), {})},
                            lab, p, 'unit' if lab else 'benign'))
    p = 'test-rugpull.ts'
    src = show('shellward', p)
    m = re.search(r'const benign = \{ name: \'(\w+)\', description:\s*', src)
    out.append(item('shellward', {'name': m.group(1), 'description': b14.js_expr(src, m.end(), {})}, 0, p, 'benign'))
    c = src.index('Swapped (malicious) description')
    m = re.compile(r"b\.diff\(k, \{ name: '(\w+)', description:\s*").search(src, c)
    out.append(item('shellward', {'name': m.group(1), 'description': b14.js_expr(src, m.end(), {})}, 1, p, 'rugpull'))
    p = 'src/mcp-server.ts'
    out += [item('shellward', t, 0, p, 'benign') for t in b14.js_tools(show('shellward', p))]
    return out


def dyingc():
    p = 'server/server_config.yaml'
    tools = yaml.safe_load(show('dyingc', p))['tools']
    out = []
    for key, lab, kind in [('shadow_tool', 1, 'shadowing'), ('send_mail', 0, 'benign'),
                           ('execute_os_command', 0, 'benign')]:
        t = tools[key]
        out.append(item('dyingc', {'name': t['name'], 'description': t['description'].strip()},
                        lab, '%s#%s' % (p, key), kind))
    return out


def _py_calls(src, fn_names, consts):
    """name/description/input_schema keywords of calls to fn_names (descriptions may be a
    module-level constant)."""
    out = []
    for n in ast.walk(ast.parse(src)):
        if isinstance(n, ast.Call) and ast.unparse(n.func) in fn_names:
            kw = {k.arg: k.value for k in n.keywords}
            d = kw.get('description')
            desc = consts.get(d.id) if isinstance(d, ast.Name) else b14._const(d) if d is not None else None
            name = b14._const(kw.get('name')) if kw.get('name') is not None else None
            if name and desc:
                t = {'name': name, 'description': desc}
                try:
                    s = ast.literal_eval(kw.get('input_schema'))
                    if isinstance(s, dict):
                        t['inputSchema'] = s
                except (ValueError, SyntaxError):
                    pass
                out.append((n, t))
    return out


def fence():
    out = []
    p = 'examples/vulnerable_metadata_server/server.py'
    src = show('fence', p)
    for _, t in _py_calls(src, {'register_tool'}, b14.py_consts(src)):
        if t['name'] == 'summarize':
            out.append(item('fence', t, 1, p, 'conceal'))
    p = 'examples/safe_server/server.py'
    src = show('fence', p)
    out += [item('fence', t, 0, p, 'benign') for _, t in _py_calls(src, {'register_tool'}, b14.py_consts(src))]
    p = 'tests/test_metadata_scan.py'
    tree = ast.parse(show('fence', p))
    for fn in tree.body:
        if isinstance(fn, ast.FunctionDef) and fn.name in ('test_prompt_injection_phrase_in_description',
                                                          'test_html_comment_in_description'):
            for _, t in _py_calls(ast.unparse(fn), {'ToolSpec'}, {}):
                out.append(item('fence', t, 1, '%s#%s' % (p, fn.name), 'unit'))
    return out


def aolune():
    out = []
    for f, lab in [('examples/poisoned_tool_manifest.json', 1), ('examples/safe_readonly_docs_manifest.json', 0)]:
        out += [item('aolune', t, lab, f, 'unit' if lab else 'benign') for t in json.loads(show('aolune', f))['tools']]
    return out


def mcpsec():
    p = 'tests/test_scanners.py'
    out = []
    for fn in ast.parse(show('mcpsec', p)).body:
        if isinstance(fn, ast.FunctionDef) and fn.name == 'test_prompt_injection_scanner_detects_hidden_instructions':
            out += [item('mcpsec', t, 1, '%s#%s' % (p, fn.name), 'unit')
                    for _, t in _py_calls(ast.unparse(fn), {'ToolInfo'}, {})]
    return out


def build():
    out = goat() + xp4u1() + rohit() + shellward() + dyingc() + fence() + aolune() + mcpsec()
    p = 'src/redmine_mcp/server.py'
    out += [item('samhdz', t, 0, p, 'benign') for t in b14.py_tools(show('samhdz', p))]
    for p in git('vegar', 'ls-tree', '-r', '--name-only', SRC['vegar'][1], 'src').split('\n'):
        if p.endswith('.ts'):
            out += [item('vegar', t, 0, p, 'benign') for t in b14.js_tools(show('vegar', p))]
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


def main():
    global MIRROR
    ap = argparse.ArgumentParser()
    ap.add_argument('--mirror', default='/work/.mirror')
    ap.add_argument('--out', default='/tmp/poison-eval')
    a = ap.parse_args()
    MIRROR = a.mirror
    d = os.path.join(a.out, 'r30')
    seen, kept, dropped, nfiles = set(), [], 0, 0
    for f in sorted(glob.glob(os.path.join(a.out, '**', '*.jsonl'), recursive=True)):
        if '/r30/' in f:
            continue
        nfiles += 1
        with open(f) as fh:
            for line in fh:
                try:
                    o = json.loads(line)
                except ValueError:
                    continue
                s = (o.get('description') or '').strip()
                seen.add(s)
                if isinstance(o.get('inputSchema'), dict):
                    seen.add(s + '\x00' + json.dumps(o['inputSchema'], sort_keys=True))
    for t in build():
        s = key(t)
        if not (t['description'] or '').strip() and not t.get('inputSchema'):
            dropped += 1
            continue
        if s in seen:
            dropped += 1
            print('dropped: %s %s label %d (seen)' % (t['repo'], t['path'], t['label']))
            continue
        seen.add(s)
        kept.append(t)
    rows, cap, before = owner_cap(kept)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, 'all.jsonl')
    with open(path, 'w') as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + '\n')
    by = {}
    for r in rows:
        by.setdefault(r['repo'], [0, 0])[r['label'] == 0] += 1
    print('earlier set files read for dedup: %d' % nfiles)
    print('owner cap: %d poisoned per owner (poisoned before cap: %s)' % (cap, before))
    print('all: %d poisoned / %d benign, sha256 %s' % (
        sum(r['label'] for r in rows), sum(1 - r['label'] for r in rows),
        hashlib.sha256(open(path, 'rb').read()).hexdigest()))
    for r, (p, b) in sorted(by.items()):
        print('   %-45s %-24s %3d / %3d' % (r, [v[2] for v in SRC.values() if v[0] == r][0], p, b))
    kinds = {}
    for r in rows:
        if r['label']:
            kinds[r['kind']] = kinds.get(r['kind'], 0) + 1
    print('poisoned by kind:', dict(sorted(kinds.items())))
    print('dropped %d (empty or already used)' % dropped)


if __name__ == '__main__':
    main()
