#!/usr/bin/env python3
"""Round 28: a fifth fresh independent set (repositories of owners never named before).

Measurement only: one frozen file, scored once with HEAD; no tune half, no candidate.

Reads bare mirrors (/work/.mirror/OWNER+NAME/repo, from the library's `fetch`) at pinned
commits with `git show`; never runs repository code (Python parsed with `ast`, Go and
TypeScript read with small literal scanners, JSON with `json`). Labels come from the
authors' own structure:

  jaschadub/AgentNull (MIT), pocs/:
    MCPRugPull/mcp_rug_pull_agent.py: in each rug-pull class, the dict returned by
      `_get_clean_description` -> 0, by `_get_malicious_description` -> 1;
      GradualRugPull `_get_phase_description`: phase 1 -> 0, phases 3 and 4 (which add a
      parameter asking for ~/.env or ~/.ssh/config) -> 1 (phase 2, a vague escalation step,
      left out);
    FullSchemaPoisoning/full_schema_poisoning_agent.py: every `create_poisoned_*` tool -> 1
      (category schema: the poison is outside the description).
  triepod-ai/mcp_vulnerable_testbed (no licence), src/server.py: the three tools of
    tests/test_tool_description_poisoning.py ("Challenge #15: Tool Description Poisoning")
    -> 1; the `safe_*` tools -> 0 (the other vulnerable_* tools attack in code: left out).
  Giannos-G/MCP (MIT, "bad-mcp Contributors"), external-tests/servers/*/main.go (mcp-go):
    per server README ("How It Works"): tool-poisoning-calc add, multiply -> 1, history -> 0;
    shadow-exfil format_text, generate_id -> 1, validate_input -> 0; squatting-file-ops all
    three (name squatting with social-engineering descriptions) -> 1; exfil-chain-analytics
    read_analytics, get_user_sessions (descriptions that route data to export_report) -> 1;
    true-rug-pull: the two initial tools -> 0, the two AddSessionTool replacements -> 1
    (send_verification left out); schema-poison-notes: tools whose schema holds a parameter
    name or enum value the README names -> 1; response-inject-tickets and
    indirect-inject-fetcher (README: tool definitions clean, attack in outputs) -> 0;
    resource-poison-docs and denial-of-wallet left out.
  hbeooooooom/IoT-CPS (no licence): tool_poisoning.py and puppet.py `system` -> 1,
    clean_server.py `get_weather` -> 0 (naming.py, a name-collision demo, left out).
  Elnimo-00/MCP-Security (no licence), src/malicious_server.py (module docstring: 1 tool
    poisoning, 2 rug pull, 3 tool shadowing): `log`, `log_secure`, `log_shadow` -> 1;
    `log_rug` as first served -> 0 and its reassigned `log_rug.__doc__` -> 1;
    src/secure_server.py -> 0 (src/vulnerable_server.py attacks in code: left out).
  raceksd-source/reizan-mcpfuzz (MIT), examples/poisoned-tools.json with
    tests/test_scanner.py's verdicts: ticket_lookup (POISONED) -> 1, search_docs (CLEAN)
    -> 0 (maintenance_shell, SUSPICIOUS, left out).
  triepod-ai/inspector-assessment (MIT), client/src/services/assessment/: the unit tests
    __tests__/DescriptionPoisoningDetector.test.ts, __tests__/DescriptionPoisoning-DVMCP.test.ts,
    modules/ToolAnnotationAssessor.descriptionPoisoning.test.ts: per `it(...)` block, its tool
    descriptions (createTool(name, desc) or {name:, description:}) -> 1 when the title starts
    "should detect" and no `.detected).toBe(false)`; -> 0 when the title starts "should not
    flag" and no `.detected).toBe(true)`; other blocks left out (kind unit).
  rfobelieve-crypto/mcp-guard (MIT), tests/test_poisoning.py: tools in the source snippets of
    the POISONED dict -> 1, of the CLEAN dict -> 0 (snippets parsed as Python, else read as
    JS/TS; kind unit).
  Ordinary MCP servers (benign, -> 0): alsimoes/mcp-redmine (MIT),
    tuzumkuru/mcp-redmine-oauth (no licence), Dmitriusan/mcp-redis-diagnostics (MIT),
    cylestio/usecases mcp/agents/WeatherAgent/weather_server.py (Apache-2.0).

Owner cap: no owner may hold more than a quarter of the poisoned items. The cap c is the
largest integer with c <= sum_o min(n_o, c) / 4; an owner above c keeps the c poisoned items
whose sha256(description) sort first (a fixed rule, no reading).

Category of each item: "r28/<owner>/<kind>" (kind: directive, shadowing, rugpull, schema,
preference, chain; benign: "r28/<owner>/benign"), so the eval report's category table gives
per-owner and per-kind aggregates.

Texts already in any earlier set under --out (description, or description + inputSchema for
schema items) are dropped; run after the earlier rounds' sets are rebuilt.

Writes /tmp/poison-eval/r28/all.jsonl (texts written, never printed) and prints counts and
its sha256.

Usage: python3 build_r28.py [--mirror /work/.mirror] [--out /tmp/poison-eval]
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
_spec = importlib.util.spec_from_file_location('b22', os.path.join(HERE, 'build_r22.py'))
b22 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(b22)
b14 = b22.b14

SRC = {
    'agentnull': ('jaschadub/AgentNull', '173b3e7351c8f73a4b7a26cba566f301a83a48a3', 'MIT'),
    'triepod': ('triepod-ai/mcp_vulnerable_testbed', '3857b56d91943f57cbdc92a45968c0c7b5cf0c38',
                'none (evaluation only)'),
    'giannos': ('Giannos-G/MCP', '2e20c5b3fea4e0cadffadbfc7bcb5d9d87f965a9', 'MIT'),
    'hbeo': ('hbeooooooom/IoT-CPS', 'd5f26310a7773d30eed87bf5525bb52ca1dc9fbc', 'none (evaluation only)'),
    'elnimo': ('Elnimo-00/MCP-Security', 'af0af4c4186d98e79c1c748df2f0003d2b17ee3b', 'none (evaluation only)'),
    'raceksd': ('raceksd-source/reizan-mcpfuzz', '92f685e2bf2c29277789940a96597214424f26e1', 'MIT'),
    'inspector': ('triepod-ai/inspector-assessment', '21d86227f76f2016c46e2ea7b2017b2f4c9fcc3d', 'MIT'),
    'rfo': ('rfobelieve-crypto/mcp-guard', 'e7c296eabe773d4ed0c34834a23a92a107d0966d', 'MIT'),
    'alsimoes': ('alsimoes/mcp-redmine', 'de3affdd03319cdea8ad70bf1030d408da96c45c', 'MIT'),
    'tuzumkuru': ('tuzumkuru/mcp-redmine-oauth', '4e7a1cc35de212fbb40def559f7c3a309d21cc19',
                  'none (evaluation only)'),
    'dmitriusan': ('Dmitriusan/mcp-redis-diagnostics', 'a7344995c07e26f474ad7c03e6c68bcc3fc9cb07', 'MIT'),
    'cylestio': ('cylestio/usecases', 'b34ab637f263209e4cee01b4d2fc295c71642d37', 'Apache-2.0'),
}
MIRROR = '/work/.mirror'


def git(key, *args):
    repo = SRC[key][0]
    d = os.path.join(MIRROR, repo.replace('/', '+'), 'repo')
    return subprocess.run(['git', '--git-dir', d] + list(args), capture_output=True, text=True, check=True).stdout


def show(key, path):
    return git(key, 'show', SRC[key][1] + ':' + path)


def ls(key, under):
    return sorted(p for p in git(key, 'ls-tree', '-r', '--name-only', SRC[key][1], under).split('\n') if p)


def item(key, t, label, path, kind):
    owner = SRC[key][0].split('/')[0]
    out = {'name': t['name'], 'description': t['description'], 'label': label,
           'source': 'r28/' + SRC[key][0].replace('/', '__'), 'repo': SRC[key][0], 'owner': owner,
           'path': path, 'labelkind': 'tool', 'kind': kind,
           'category': 'r28/%s/%s' % (owner, kind if label else 'benign')}
    if isinstance(t.get('inputSchema'), dict):
        out['inputSchema'] = t['inputSchema']
    return out


# ---- AgentNull (Python dict literals returned by methods) ----

def _returned_dict(fn):
    for n in ast.walk(fn):
        if isinstance(n, ast.Return) and isinstance(n.value, ast.Dict):
            try:
                return ast.literal_eval(n.value)
            except ValueError:
                return None
    return None


def agentnull():
    out = []
    p = 'pocs/MCPRugPull/mcp_rug_pull_agent.py'
    tree = ast.parse(show('agentnull', p))
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        for fn in cls.body:
            if not isinstance(fn, ast.FunctionDef):
                continue
            lab = {'_get_clean_description': 0, '_get_malicious_description': 1}.get(fn.name)
            if lab is not None:
                d = _returned_dict(fn)
                if d and isinstance(d.get('description'), str):
                    out.append(item('agentnull', d, lab, '%s#%s.%s' % (p, cls.name, fn.name), 'rugpull'))
            if fn.name == '_get_phase_description':
                out += _gradual(fn, p + '#' + cls.name)
    p = 'pocs/FullSchemaPoisoning/full_schema_poisoning_agent.py'
    tree = ast.parse(show('agentnull', p))
    for fn in ast.walk(tree):
        if isinstance(fn, ast.FunctionDef) and fn.name.startswith('create_poisoned_'):
            d = _returned_dict(fn)
            if d and isinstance(d.get('description'), str):
                if 'parameters' in d and 'inputSchema' not in d:
                    d['inputSchema'] = d['parameters']
                out.append(item('agentnull', d, 1, p + '#' + fn.name, 'schema'))
    return out


def _gradual(fn, where):
    """GradualRugPull: base_schema plus, per `self.phase == N` branch (the final else is phase
    4, as its comment says), the description and any added properties / required entries."""
    base = next(ast.literal_eval(st.value) for st in fn.body
                if isinstance(st, ast.Assign) and isinstance(st.value, ast.Dict))
    node = next(st for st in fn.body if isinstance(st, ast.If))
    branches = []
    while True:
        branches.append((ast.literal_eval(node.test.comparators[0]), node.body))
        if len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If):
            node = node.orelse[0]
            continue
        if node.orelse:
            branches.append((4, node.orelse))
        break
    out = []
    for phase, body in branches:
        t = json.loads(json.dumps(base))
        for st in body:
            if isinstance(st, ast.Assign):
                tgt = ast.unparse(st.targets[0]).replace("'", '"')
                val = ast.literal_eval(st.value)
                if tgt == 'base_schema["description"]':
                    t['description'] = val
                m = re.match(r'base_schema\["inputSchema"\]\["properties"\]\["(\w+)"\]$', tgt)
                if m:
                    t['inputSchema']['properties'][m.group(1)] = val
            elif (isinstance(st, ast.Expr) and isinstance(st.value, ast.Call)
                  and ast.unparse(st.value.func).replace("'", '"').endswith('["required"].append')):
                t['inputSchema']['required'].append(ast.literal_eval(st.value.args[0]))
        lab = {1: 0, 3: 1, 4: 1}.get(phase)
        if lab is not None and isinstance(t.get('description'), str):
            out.append(item('agentnull', t, lab, '%s#phase%d' % (where, phase), 'rugpull'))
    return out


# ---- Go (mcp-go NewTool) ----

GO_LIT = r'"(?:[^"\\\n]|\\.)*"|`[^`]*`'


def _go_unquote(lit):
    if lit.startswith('`'):
        return lit[1:-1]
    return json.loads(lit) if '\\x' not in lit else ast.literal_eval(lit)


def _balanced(src, start):
    """Index just past the ')' matching the '(' at src[start], skipping string literals."""
    depth, i = 0, start
    while i < len(src):
        c = src[i]
        if c in '"`':
            m = re.compile(GO_LIT).match(src, i)
            i = m.end()
            continue
        if c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(src)


def _go_cat(s):
    """Concatenation of the string literals at the start of s joined by '+'."""
    parts, pos = [], 0
    while True:
        m = re.compile(r'\s*(' + GO_LIT + r')\s*').match(s, pos)
        if not m:
            break
        parts.append(_go_unquote(m.group(1)))
        pos = m.end()
        if s[pos:pos + 1] != '+':
            break
        pos += 1
    return ''.join(parts) if parts else None


def go_mcp_tools(src):
    out = []
    for m in re.finditer(r'mcp\.NewTool\(', src):
        call = src[m.end() - 1:_balanced(src, m.end() - 1)]
        name = _go_cat(call[1:])
        d = re.search(r'mcp\.WithDescription\(', call)
        desc = _go_cat(call[d.end():]) if d else ''
        props = {}
        for pm in re.finditer(r'mcp\.With(String|Number|Integer|Boolean|Array|Object)\(', call):
            pcall = call[pm.end() - 1:_balanced(call, pm.end() - 1)]
            pname = _go_cat(pcall[1:])
            p = {'type': pm.group(1).lower()}
            dm = re.search(r'mcp\.Description\(', pcall)
            if dm:
                p['description'] = _go_cat(pcall[dm.end():])
            em = re.search(r'mcp\.Enum\(', pcall)
            if em:
                p['enum'] = [_go_unquote(x) for x in re.findall(GO_LIT, pcall[em.end() - 1:_balanced(pcall, em.end() - 1)])]
            props[pname] = p
        out.append({'name': name, 'description': desc or '',
                    'inputSchema': {'type': 'object', 'properties': props}})
    return out


def giannos():
    out = []
    base = 'external-tests/servers/'
    labels = {
        'tool-poisoning-calc': ({'add': 1, 'multiply': 1, 'history': 0}, 'directive'),
        'shadow-exfil': ({'format_text': 1, 'generate_id': 1, 'validate_input': 0}, 'shadowing'),
        'squatting-file-ops': (None, 'preference'),
        'exfil-chain-analytics': ({'read_analytics': 1, 'get_user_sessions': 1}, 'chain'),
    }
    for srv, (lab, kind) in labels.items():
        p = base + srv + '/main.go'
        for t in go_mcp_tools(show('giannos', p)):
            l = 1 if lab is None else lab.get(t['name'])
            if l is not None:
                out.append(item('giannos', t, l, p, kind))
    p = base + 'true-rug-pull/main.go'
    for i, t in enumerate(go_mcp_tools(show('giannos', p))):
        l = [0, 0, 1, 1, None][i] if i < 5 else None
        if l is not None:
            out.append(item('giannos', t, l, '%s#%d' % (p, i), 'rugpull'))
    p = base + 'schema-poison-notes/main.go'
    readme = show('giannos', base + 'schema-poison-notes/README.md')
    how = readme.split('## How It Works', 1)[1].split('\n## ', 1)[0]
    named = set(re.findall(r'`([a-z_]+)`', how))
    for t in go_mcp_tools(show('giannos', p)):
        props = t['inputSchema']['properties']
        vals = set(props) | {e for v in props.values() for e in v.get('enum', [])}
        if vals & named:
            out.append(item('giannos', t, 1, p, 'schema'))
    for srv in ('response-inject-tickets', 'indirect-inject-fetcher'):
        p = base + srv + '/main.go'
        out += [item('giannos', t, 0, p, 'benign') for t in go_mcp_tools(show('giannos', p))]
    return out


def elnimo():
    out = []
    p = 'src/malicious_server.py'
    src = show('elnimo', p)
    kinds = {'log': 'directive', 'log_secure': 'directive', 'log_shadow': 'shadowing'}
    for t in b14.py_tools(src):
        if t['name'] in kinds:
            out.append(item('elnimo', t, 1, p, kinds[t['name']]))
        elif t['name'] == 'log_rug':
            out.append(item('elnimo', t, 0, p + '#first', 'rugpull'))
    for n in ast.walk(ast.parse(src)):
        if (isinstance(n, ast.Assign) and ast.unparse(n.targets[0]) == 'log_rug.__doc__'
                and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)):
            import inspect
            out.append(item('elnimo', {'name': 'log_rug', 'description': inspect.cleandoc(n.value.value)},
                            1, p + '#pulled', 'rugpull'))
    p = 'src/secure_server.py'
    out += [item('elnimo', t, 0, p, 'benign') for t in b14.py_tools(show('elnimo', p))]
    return out


def ts_it_tools(src):
    """(title, expectations, tools) per `it(`/`test(` block of a TS test file."""
    pos = [m.start() for m in re.finditer(r'\n\s*(?:it|test)\(', src)] + [len(src)]
    out = []
    for a, b in zip(pos, pos[1:]):
        blk = src[a:b]
        m = re.match(r'\s*(?:it|test)\(\s*', blk)
        title = b14.js_expr(blk, m.end(), {}) or ''
        det = set(re.findall(r'expect\(\s*[\w.]+\.detected\s*\)\.toBe\((true|false)\)', blk))
        tools = []
        for m in re.finditer(r'createTool\(\s*', blk):
            name = b14.js_expr(blk, m.end(), {})
            c = re.match(r'(?:\s*(?:' + b14.JS_LIT + r')\s*\+?)+\s*,\s*', blk[m.end():], re.S)
            if name and c:
                desc = b14.js_expr(blk, m.end() + c.end(), {})
                if desc:
                    tools.append({'name': name, 'description': desc})
        tools += b14.js_tools(blk)
        out.append((title, det, tools))
    return out


def inspector():
    out = []
    base = 'client/src/services/assessment/'
    for p in (base + '__tests__/DescriptionPoisoningDetector.test.ts', base + '__tests__/DescriptionPoisoning-DVMCP.test.ts',
              base + 'modules/ToolAnnotationAssessor.descriptionPoisoning.test.ts'):
        for title, det, tools in ts_it_tools(show('inspector', p)):
            t = title.lower()
            if t.startswith('should detect') and 'false' not in det:
                lab = 1
            elif t.startswith('should not flag') and 'true' not in det:
                lab = 0
            else:
                continue
            out += [item('inspector', x, lab, p + '#' + title[:60], 'unit') for x in tools]
    return out


def rfo():
    out = []
    p = 'tests/test_poisoning.py'
    for n in ast.parse(show('rfo', p)).body:
        if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name) and n.targets[0].id in ('POISONED', 'CLEAN'):
            lab = 1 if n.targets[0].id == 'POISONED' else 0
            for k, v in ast.literal_eval(n.value).items():
                if not isinstance(v, str):
                    continue
                try:
                    ts = b14.py_tools(v)
                except SyntaxError:
                    ts = b14.js_tools(v)
                out += [item('rfo', x, lab, '%s#%s.%s' % (p, n.targets[0].id, k), 'unit') for x in ts]
    return out


def build():
    out = agentnull()
    p = 'src/server.py'
    for t in b14.py_tools(show('triepod', p)):
        if t['name'] in ('vulnerable_weather_tool', 'vulnerable_directory_lookup_tool', 'vulnerable_summarizer_tool'):
            out.append(item('triepod', t, 1, p, 'directive'))
        elif t['name'].startswith('safe_'):
            out.append(item('triepod', t, 0, p, 'benign'))
    out += giannos()
    for p, lab, kind in [('tool_poisoning.py', 1, 'directive'), ('puppet.py', 1, 'shadowing'),
                         ('clean_server.py', 0, 'benign')]:
        out += [item('hbeo', t, lab, p, kind) for t in b14.py_tools(show('hbeo', p))]
    out += elnimo()
    out += inspector()
    out += rfo()
    p = 'examples/poisoned-tools.json'
    for t in json.loads(show('raceksd', p))['tools']:
        lab = {'ticket_lookup': 1, 'search_docs': 0}.get(t['name'])
        if lab is not None:
            out.append(item('raceksd', t, lab, p, 'directive' if lab else 'benign'))
    # ordinary servers
    for p in ls('alsimoes', 'src/mcp_redmine/tools'):
        if p.endswith('.py') and not p.endswith('__init__.py'):
            out += [item('alsimoes', t, 0, p, 'benign') for t in b14.py_tools(show('alsimoes', p))]
    p = 'src/mcp_redmine_oauth/tools.py'
    out += [item('tuzumkuru', t, 0, p, 'benign') for t in b14.py_tools(show('tuzumkuru', p))]
    p = 'src/index.ts'
    out += [item('dmitriusan', t, 0, p, 'benign') for t in b14.js_tools(show('dmitriusan', p))]
    p = 'mcp/agents/WeatherAgent/weather_server.py'
    out += [item('cylestio', t, 0, p, 'benign') for t in b14.py_tools(show('cylestio', p))]
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
    d = os.path.join(a.out, 'r28')
    seen, kept, dropped, nfiles = set(), [], 0, 0
    for f in sorted(glob.glob(os.path.join(a.out, '**', '*.jsonl'), recursive=True)):
        if '/r28/' in f:
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
