#!/usr/bin/env python3
"""Round 34: a ninth fresh independent set (repositories of owners never named before).

Measurement only: one frozen file, scored once with HEAD; no tune half, no candidate.

Reads bare mirrors (/work/.mirror/OWNER+NAME/repo, from the library's `fetch`) at pinned
commits with `git show`; never runs repository code (Python parsed with `ast`, Go, JavaScript
and TypeScript read with small literal scanners that decode escapes properly: \\n, \\t, \\xHH,
\\uHHHH, \\u{...}, \\UHHHHHHHH, octal, and `String.fromCharCode(<number>)`). Every source is under
a permissive licence (MIT / Apache-2.0). Labels come from the authors' own structure:

  DanielMartin-Arogyasami/MCPScan (MIT): tests/scanner.test.ts, `makeTool(name, description)`
    of describe "Injection Rule": tests titled "detects ..." -> 1 (kind by title: system
    prompt tags / ignore previous / instruction delimiters -> injection, behavioural override
    -> override, secrecy -> conceal); every test titled "does NOT flag ..." of any rule
    describe -> 0. Command / permission / secret / exfiltration-chain / shadowing (name)
    positives left out: capability or name rules, not description poisoning.
  AppiumTestDistribution/secure-hulk (MIT, package.json): tests/scanner.test.ts
    `mockEntityWithInjection` (test "scanEntity should detect prompt injection") -> 1,
    `mockEntity` ("should pass safe entities") -> 0; tests/fixtures/math_server.js tools -> 0.
  ethosagent/warden (Apache-2.0): internal/mcp/poisoning_test.go
    TestDetectPoisoning_DescriptionInjection (injection), _CrossToolReference (shadowing) -> 1,
    _CleanTool -> 0 (schema and length tests left out); internal/mcp/gateway/gateway_test.go
    TestPoisoning, the description of `toolListResp` -> 1 (injection);
    internal/proxy/mcp_test.go `mcpPoisonedList` (TestMCP_PoisonedToolsListResponse) -> 1
    (injection); examples/mcp-wedge/poisoned-mcp-server/main.go `poisonedDescription`
    (the tool the source comments name as poisoned) -> 1 (injection).
  rad-security/agentkeeper-mcp-gateway (MIT, declared in README; no licence file):
    internal/detection/engine_test.go TestToolPoisoning{IgnoreInstructions (injection),
    BypassSecurity (bypass), SilentExecute, Confidential (conceal), Exfil (exfil)} -> 1,
    TestSafeTool -> 0 (TestToolPoisoningInParams left out: a parameter, not the description).
  Odingard/argus-core (MIT, LICENSE-CORE; src/argus/pro is not used):
    src/argus/shadow_mcp/library.py `PoisonedTool(...)` with stealth False -> 1 (kind: the
    weapon mode); stealth=True tools left out (the authors' flag: no indicator in the
    description).
  Grandillionaire/urfael (MIT): app/test/mcp-gate.test.js, tools of tests titled "... is
    poisoned" / "... REFUSED ..." -> 1 (injection / unicode / exfil by title); the rug-pull
    texts (`mutated[0].description +=` and `pulled[1].description =`) -> 1 (rugpull);
    `clean()`, the "advisory warns" tool and `benign[1].description` -> 0 (schema test left
    out: the description is clean).
  Nishi46/PromptInjectHarness (MIT): src/injection_pareto/mcp/poisoned.py `PoisonedCase(...)`
    -> 1: the target tool's description from src/injection_pareto/mcp/servers/<server>.yaml
    plus " " plus `injection_text` (the authors' own `apply()`), kind = `sub_family`; every
    tool of the 15 mock servers (YAML read with yaml.safe_load; `_example.yaml` left out), as
    written -> 0.
  Ordinary MCP server (benign, -> 0): jeff-nasseri/mikrotik-mcp (MIT)
    src/mcp_mikrotik/scope/*.py (decorated tools, round 14's reader).

Owner cap (round 32's rule and code), dedup against every earlier set, category
"r34/<owner>/<kind>" (benign "r34/<owner>/benign"), as round 33.

Usage: python3 build_r34.py [--mirror /work/.mirror] [--prev DIR ...] [--repo /work/main]
                            [--out /tmp/r34p/sets]
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
b32 = _load('b32', 'build_r32.py')   # owner cap, committed-text reader, Go string reader

SRC = {
    'mcpscan': ('DanielMartin-Arogyasami/MCPScan', '8b1a42b38624901335b8a3fdbd0c54f786e73da0', 'MIT'),
    'hulk': ('AppiumTestDistribution/secure-hulk', '640519a03e9b7b2173cf2a0201b9fdc11924f5b0', 'MIT (package.json)'),
    'ethos': ('ethosagent/warden', '927e102a98e97822d2af28543a4a8c12dc255f27', 'Apache-2.0'),
    'rad': ('rad-security/agentkeeper-mcp-gateway', 'afd389d8aa65c447d577ed38a95591f06a0809cb', 'MIT (README)'),
    'argus': ('Odingard/argus-core', '787549e1bf3c1c9b56a68f95bc0d09962926e42a', 'MIT'),
    'urfael': ('Grandillionaire/urfael', '3a1c4e4fa78383865a317260591f192205656327', 'MIT'),
    'harness': ('Nishi46/PromptInjectHarness', '499be2939d0636bf77d1631304cb5fbc6968f25c', 'MIT'),
    'mikrotik': ('jeff-nasseri/mikrotik-mcp', 'ffdb3f5e15ccd17c680ff9f6fba4eb87a84d230b', 'MIT'),
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
           'source': 'r34/' + SRC[key][0].replace('/', '__'), 'repo': SRC[key][0], 'owner': owner,
           'path': path, 'labelkind': 'tool', 'kind': kind,
           'category': 'r34/%s/%s' % (owner, kind if label else 'benign')}
    if isinstance(t.get('inputSchema'), dict):
        out['inputSchema'] = t['inputSchema']
    return out


# ---- JavaScript / TypeScript literals (escapes decoded, not dropped) ----

JS_LIT = r'''"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`'''
_JS_SIMPLE = {'n': '\n', 't': '\t', 'r': '\r', 'b': '\b', 'f': '\f', 'v': '\v', '0': '\0'}


def js_unquote(lit):
    body = lit[1:-1]
    if lit[0] == '`' and '${' in body:
        raise ValueError('template literal with interpolation')

    def esc(m):
        e = m.group(1)
        if e.startswith('u{'):
            return chr(int(e[2:-1], 16))
        if e[0] in 'ux' and len(e) > 1:
            return chr(int(e[1:], 16))
        if e == '\n':
            return ''
        return _JS_SIMPLE.get(e, e)
    return re.sub(r'\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\n|.)', esc, body, flags=re.S)


def js_expr(src, pos, consts=None):
    """(value, end) of a JS string expression at pos: literals, String.fromCharCode(<number>)
    and known consts joined by '+'."""
    consts = consts or {}
    parts = []
    while True:
        m = re.match(r'\s*(' + JS_LIT + r')', src[pos:], re.S)
        f = re.match(r'\s*String\.fromCharCode\(\s*(0x[0-9a-fA-F]+|\d+)\s*\)', src[pos:])
        c = re.match(r'\s*([A-Za-z_$][\w$]*)\b(?!\s*[(.\[])', src[pos:])
        if m:
            parts.append(js_unquote(m.group(1)))
        elif f:
            parts.append(chr(int(f.group(1), 0)))
        elif c and c.group(1) in consts:
            parts.append(consts[c.group(1)])
        else:
            break
        pos += (m or f or c).end()
        p = re.match(r'\s*\+(?!=)', src[pos:])
        if not p:
            break
        pos += p.end()
    if not parts:
        raise ValueError('no string expression at %d' % pos)
    return ''.join(parts), pos


def js_objects(block, consts=None):
    """`{ name: '<lit>', description: <expr>` objects in a block, in order."""
    out = []
    for m in re.finditer(r"\bname:\s*(" + JS_LIT + r")\s*,\s*description:\s*", block):
        out.append({'name': js_unquote(m.group(1)), 'description': js_expr(block, m.end(), consts)[0]})
    return out


def js_tests(src, fn=r'(?:it|test)'):
    """[(title, body)] of it(...)/test(...) blocks: body runs to the next test or describe."""
    marks = [(m.start(), m.end(), js_unquote(m.group(1))) for m in
             re.finditer(r'\b' + fn + r'\(\s*(' + JS_LIT + r')', src)]
    out = []
    for i, (s, e, title) in enumerate(marks):
        nxt = marks[i + 1][0] if i + 1 < len(marks) else len(src)
        d = re.search(r'\bdescribe\(', src[e:nxt])
        out.append((s, title, src[e:e + d.start()] if d else src[e:nxt]))
    return out


# ---- Go ----

GO_LIT = b32.GO_LIT


def go_funcs(src):
    """{name: body} of top-level Go test functions."""
    out = {}
    for m in re.finditer(r'^func (Test\w+)\(t \*testing\.T\) \{', src, re.M):
        out[m.group(1)] = src[m.end() - 1:b32.go_close(src, m.end() - 1)]
    return out


def go_name_desc(body):
    return [{'name': b32.go_string(m.group(1)), 'description': b32.go_string(m.group(2))} for m in
            re.finditer(r'Name:\s*(' + GO_LIT + r'),\s*Description:\s*((?:' + GO_LIT + r')(?:\s*\+\s*(?:' + GO_LIT + r'))*)',
                        body)]


# ---- sources ----

def mcpscan():
    out = []
    p = 'tests/scanner.test.ts'
    src = show('mcpscan', p)
    desc = [(m.start(), js_unquote(m.group(1))) for m in re.finditer(r'\bdescribe\(\s*(' + JS_LIT + r')', src)]
    kinds = {'system prompt tags': 'injection', 'ignore previous': 'injection', 'instruction delimiters': 'injection',
             'behavioral override': 'override', 'secrecy': 'conceal'}
    for pos, title, body in js_tests(src):
        group = [d for s, d in desc if s < pos][-1]
        tools = []
        for m in re.finditer(r'\bmakeTool\(\s*(' + JS_LIT + r')\s*,\s*', body):
            tools.append({'name': js_unquote(m.group(1)), 'description': js_expr(body, m.end())[0]})
        where = '%s#%s/%s' % (p, group, title)
        if title.startswith('does NOT flag'):
            out += [item('mcpscan', t, 0, where, 'benign') for t in tools]
        elif group == 'Injection Rule' and title.startswith('detects'):
            kind = [k for s, k in kinds.items() if s in title.lower()]
            if len(kind) != 1:
                raise ValueError('no kind for ' + title)
            out += [item('mcpscan', t, 1, where, kind[0]) for t in tools]
    return out


def hulk():
    out = []
    p = 'tests/scanner.test.ts'
    src = show('hulk', p)
    for var, lab in (('mockEntity', 0), ('mockEntityWithInjection', 1)):
        m = re.search(r'const ' + var + r': Entity = \{(.*?)\};', src, re.S)
        out += [item('hulk', t, lab, '%s#%s' % (p, var), 'injection' if lab else 'benign') for t in js_objects(m.group(1))]
    p = 'tests/fixtures/math_server.js'
    out += [item('hulk', t, 0, p, 'benign') for t in js_objects(show('hulk', p))]
    return out


def ethos():
    out = []
    p = 'internal/mcp/poisoning_test.go'
    f = go_funcs(show('ethos', p))
    for fn, lab, kind in (('TestDetectPoisoning_DescriptionInjection', 1, 'injection'),
                          ('TestDetectPoisoning_CrossToolReference', 1, 'shadowing'),
                          ('TestDetectPoisoning_CleanTool', 0, 'benign')):
        out += [item('ethos', t, lab, '%s#%s' % (p, fn), kind) for t in go_name_desc(f[fn])]
    p = 'internal/mcp/gateway/gateway_test.go'
    src = show('ethos', p)
    tmpl = re.search(r'func toolListResp\(.*?return \[\]byte\((.*?)\)\n', src, re.S).group(1)
    name = re.search(r'"name":"(\w+)"', tmpl).group(1)
    body = go_funcs(src)['TestPoisoning']
    m = re.search(r'toolListResp\(\s*(?:' + GO_LIT + r')\s*,\s*(' + GO_LIT + r')', body)
    out.append(item('ethos', {'name': name, 'description': b32.go_string(m.group(1))}, 1, p + '#TestPoisoning', 'injection'))
    p = 'internal/proxy/mcp_test.go'
    raw = re.search(r'mcpPoisonedList\s*=\s*`([^`]*)`', show('ethos', p)).group(1)
    for t in json.loads(raw)['result']['tools']:
        out.append(item('ethos', t, 1, p + '#mcpPoisonedList', 'injection'))
    p = 'examples/mcp-wedge/poisoned-mcp-server/main.go'
    src = show('ethos', p)
    d = b32.go_string(re.search(r'const poisonedDescription = ((?:' + GO_LIT + r')(?:\s*\+\s*(?:' + GO_LIT + r'))*)',
                                src).group(1))
    name = re.search(r'"name":\s*"(\w+)",\s*"description":\s*poisonedDescription', src).group(1)
    out.append(item('ethos', {'name': name, 'description': d}, 1, p + '#poisonedDescription', 'injection'))
    return out


def rad():
    out = []
    p = 'internal/detection/engine_test.go'
    f = go_funcs(show('rad', p))
    for fn, lab, kind in (('TestToolPoisoningIgnoreInstructions', 1, 'injection'),
                          ('TestToolPoisoningBypassSecurity', 1, 'bypass'),
                          ('TestToolPoisoningSilentExecute', 1, 'conceal'),
                          ('TestToolPoisoningConfidential', 1, 'conceal'),
                          ('TestToolPoisoningExfil', 1, 'exfil'),
                          ('TestSafeTool', 0, 'benign')):
        out += [item('rad', t, lab, '%s#%s' % (p, fn), kind) for t in go_name_desc(f[fn])]
    return out


def argus():
    out = []
    p = 'src/argus/shadow_mcp/library.py'
    for n in ast.walk(ast.parse(show('argus', p))):
        if isinstance(n, ast.Call) and ast.unparse(n.func) == 'PoisonedTool':
            kw = {k.arg: ast.literal_eval(k.value) for k in n.keywords}
            if kw.get('stealth'):
                continue
            t = {'name': kw['name'], 'description': kw['description']}
            if isinstance(kw.get('input_schema'), dict):
                t['inputSchema'] = kw['input_schema']
            out.append((n.lineno, item('argus', t, 1, '%s#%s' % (p, kw['name']), kw['weapon_mode'].lower())))
    return [r for _, r in sorted(out, key=lambda x: x[0])]


def urfael():
    out = []
    p = 'app/test/mcp-gate.test.js'
    src = show('urfael', p)
    m = re.search(r'const clean = \(\) => \[(.*?)\n\];', src, re.S)
    clean = js_objects(m.group(1))
    out += [item('urfael', t, 0, p + '#clean', 'benign') for t in clean]
    for pos, title, body in js_tests(src, 'test'):
        where = '%s#%s' % (p, title)
        consts = {}
        for c in re.finditer(r'const (\w+) = ', body):
            try:
                consts[c.group(1)] = js_expr(body, c.end())[0]
            except ValueError:
                pass
        if title.endswith('is poisoned') or 'REFUSED' in title:
            kind = 'unicode' if 'unicode' in title else 'exfil' if 'exfil' in title else 'injection'
            out += [item('urfael', t, 1, where, kind) for t in js_objects(body, consts)]
        elif title.startswith('advisory warns'):
            out += [item('urfael', t, 0, where, 'benign') for t in js_objects(body, consts)]
        for a in re.finditer(r'\b(mutated|pulled|benign)\[(\d)\]\.description\s*(\+?=)\s*', body):
            base = clean[int(a.group(2))]
            v = js_expr(body, a.end())[0]
            d = base['description'] + v if a.group(3) == '+=' else v
            lab = int(a.group(1) != 'benign')
            out.append(item('urfael', {'name': base['name'], 'description': d}, lab,
                            '%s.%s' % (where, a.group(1)), 'rugpull' if lab else 'benign'))
    return out


def harness():
    import yaml
    out, tools = [], {}
    d = 'src/injection_pareto/mcp/servers'
    for p in ls('harness', d):
        if not p.endswith('.yaml') or os.path.basename(p).startswith('_'):
            continue
        srv = yaml.safe_load(show('harness', p))
        for t in srv['tools']:
            x = {'name': t['name'], 'description': t['description']}
            if isinstance(t.get('parameters'), dict):
                x['inputSchema'] = t['parameters']
            tools[(srv['name'], t['name'])] = x
            out.append(item('harness', x, 0, p, 'benign'))
    p = 'src/injection_pareto/mcp/poisoned.py'
    for n in ast.walk(ast.parse(show('harness', p))):
        if isinstance(n, ast.Call) and ast.unparse(n.func) == 'PoisonedCase':
            kw = {k.arg: ast.literal_eval(k.value) for k in n.keywords}
            base = tools[(kw['target_server'], kw['target_tool'])]
            x = dict(base, description='%s %s' % (base['description'], kw['injection_text']))
            out.append(item('harness', x, 1, '%s#%s' % (p, kw['id']), kw['sub_family']))
    return out


def build():
    out = mcpscan() + hulk() + ethos() + rad() + argus() + urfael() + harness()
    for p in ls('mikrotik', 'src/mcp_mikrotik/scope'):
        if p.endswith('.py'):
            out += [item('mikrotik', t, 0, p, 'benign') for t in b14.py_tools(show('mikrotik', p))]
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
    ap.add_argument('--out', default='/tmp/r34p/sets')
    a = ap.parse_args()
    MIRROR = a.mirror
    prevs = a.prev or ['/tmp/poison-eval', '/tmp/r32/sets', '/tmp/r33/sets']
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
