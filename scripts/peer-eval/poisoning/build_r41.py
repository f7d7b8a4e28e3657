#!/usr/bin/env python3
"""Round 41: an eleventh fresh independent set (repositories of owners never named before).

Measurement only: one frozen file, scored once; no tune half, no candidate. Round 39's method
(build_r39.py): bare mirrors (/work/.mirror/OWNER+NAME/repo, from the library's `fetch`) read at
pinned commits with `git show`; no repository code is run. Python is parsed with `ast` (string
constants, implicit concatenation, and f-strings whose only fields are module-level string
constants, resolved statically), Go with round 32's string reader. Every source is under a
permissive licence (MIT / Apache-2.0), every owner was absent from the HEAD tree when chosen,
and no source has assistant co-author trailers or assistant files (CLAUDE.md, .claude/, .cursor/,
AGENTS.md, copilot-instructions) in the history it is read at. Labels come from the authors'
own structure:

  root-Brainoverflow/mcp-dynamic-analyzer (MIT, declared in pyproject.toml):
    src/mcp_dynamic_analyzer/payloads/tool_poisoning.py, "poisoned tool definitions that an
    analyser can inject into a server's metadata": every element of DESCRIPTION_PAYLOADS
    ("instructions targeted at the consuming LLM", injected as a tool description; the payload
    list names no tool, so the item's name is "tool") -> 1, kind from the authors' section
    comment inside the list; every element of POISONED_TOOL_DEFINITIONS (full tools, with
    their inputSchema) -> 1 (kind schema where the description is clean and the malice sits in
    the schema, as the authors' comments say). PARAMETER_DESCRIPTION_PAYLOADS, ENUM_POISON_
    PAYLOADS and SHADOW_NAMES are left out (fragments, no tool definition).
    tests/fixtures/malicious_server.py (docstring: "prompt injection in descriptions") tools
    -> 1; tests/fixtures/benign_server.py and tests/fixtures/vulnerable_server.py ("no input
    validation, leaks errors": code flaws, descriptions clean) tools -> 0.
    tests/test_scanners/test_all_scanners.py: `ToolInfo(...)` of the R3 (LLM-manipulation)
    scanner tests: tests that assert a finding -> 1, tests named *clean* / *not_flagged* -> 0.
  joshuaruppe/mcpdx (MIT): examples/vulnerable_server.py ("a deliberately-vulnerable MCP
    server"): `read_file` (POISONED_DESC, "a hidden zero-width char and an injection-style
    instruction") -> 1; `ping_host` ("a poisoned PARAMETER description") -> 1 (schema);
    POISONED_ECHO (the post-approval swap of echo's description, "drift / rug-pull demo")
    -> 1 (rugpull); the other tools of TOOLS without a "VULN" comment on their definition and
    not a command runner (echo, get_notes, render_template, query_db, search, get_profile)
    -> 0. Left out: run_command (a command tool), fetch_url (VULN: icon), Read-File (VULN:
    name collision).
  Ordinary MCP servers (benign, -> 0):
    zampierilucas/mcp-radarr-sonarr (MIT) at c8e57a5 (2025-07-31, before the one commit with
      an assistant trailer): `types.Tool(...)` in radarr_sonarr_mcp/server.py and
      tools_extended.py.
    sebdraven/mcp-abusech (MIT): `mcp.AddTool(s, &mcp.Tool{Name, Description})` in
      internal/mcptools/tools.go.
    n3r0-b1n4ry/mcp-abuseipdb (MIT): `Tool(...)` in src/abuseipdb_mcp/modules.py.
    madsmith/mcp-radarr (MIT, declared in pyproject.toml): the methods registered with
      `server.tool(self.X)` in src/mcp_radarr/server.py, description = docstring.

Owner cap (round 32's rule and code), dedup against every earlier set (round 34's tests: whole
text, substring, 8-gram half overlap, committed text), category "r41/<owner>/<kind>" (benign
"r41/<owner>/benign"). The earlier sets are the poisoning sets (/tmp/poison-eval, /tmp/r32/sets,
/tmp/r33/sets, /tmp/r34p/sets) and round 39's candidate items, rebuilt here from build_r39.py's
own `build()` (its mirrors are read with `git show`; round 39's frozen file is not on disk, and
the pre-dedup candidates are a superset of it). The builder refuses to run while an earlier set
is missing, and refuses to write the frozen file while fewer than four owners hold poisoned
items (the quarter cap then keeps nothing); --allow-missing / --trial (and --no-cap, every
poisoned item kept) for a trial build only, never into the frozen path.

Usage: python3 build_r41.py [--mirror /work/.mirror] [--prev DIR ...] [--repo /work/main]
                            [--out /tmp/r41p/sets] [--allow-missing] [--trial [--no-cap]]
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


b32 = _load('b32', 'build_r32.py')   # owner cap, committed-text reader, Go string reader
b34 = _load('b34', 'build_r34.py')   # 8-grams
b39 = _load('b39', 'build_r39.py')   # Go string expressions; round 39's candidates for dedup

SRC = {
    'brain': ('root-Brainoverflow/mcp-dynamic-analyzer', 'dba15a038a7b90d82678a7ff58b79b0c26b94a3e', 'MIT (pyproject.toml)'),
    'ruppe': ('joshuaruppe/mcpdx', '25b0e46a05432e8ea186941e40d40b303f62e509', 'MIT'),
    'zamp': ('zampierilucas/mcp-radarr-sonarr', 'c8e57a5e8d8e477f6d226eba3464942a7e53de84', 'MIT'),
    'seb': ('sebdraven/mcp-abusech', '9cc3973019ee79a63717c11666ce0ddedb8d9be1', 'MIT'),
    'n3r0': ('n3r0-b1n4ry/mcp-abuseipdb', 'f0c3623535b940538f7383d7f10634bd2bfda055', 'MIT'),
    'mad': ('madsmith/mcp-radarr', '4310cfa038e7f2d99bbcdce8a185064a2f9c5a0a', 'MIT (pyproject.toml)'),
}
MIRROR = '/work/.mirror'


def git(key, *args):
    d = os.path.join(MIRROR, SRC[key][0].replace('/', '+'), 'repo')
    return subprocess.run(['git', '--git-dir', d] + list(args), capture_output=True, text=True, check=True).stdout


def show(key, path):
    return git(key, 'show', SRC[key][1] + ':' + path)


def item(key, t, label, path, kind):
    owner = SRC[key][0].split('/')[0]
    out = {'name': t['name'], 'description': t['description'], 'label': label,
           'source': 'r41/' + SRC[key][0].replace('/', '__'), 'repo': SRC[key][0], 'owner': owner,
           'path': path, 'labelkind': 'tool', 'kind': kind,
           'category': 'r41/%s/%s' % (owner, kind if label else 'benign')}
    if isinstance(t.get('inputSchema'), dict):
        out['inputSchema'] = t['inputSchema']
    return out


# ---- static Python evaluation (no code run) ----

def module_consts(tree):
    """Module-level NAME = <string literal> assignments."""
    env = {}
    for n in tree.body:
        if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name):
            try:
                v = static(n.value, env)
            except ValueError:
                continue
            if isinstance(v, str):
                env[n.targets[0].id] = v
    return env


def static(n, env):
    """Value of a literal expression; f-string fields and bare names must be known string constants."""
    if isinstance(n, ast.Constant):
        return n.value
    if isinstance(n, ast.JoinedStr):
        out = []
        for v in n.values:
            if isinstance(v, ast.Constant):
                out.append(v.value)
            elif (isinstance(v, ast.FormattedValue) and v.conversion == -1 and v.format_spec is None
                  and isinstance(v.value, ast.Name) and v.value.id in env):
                out.append(env[v.value.id])
            else:
                raise ValueError('f-string field not a known constant at line %d' % n.lineno)
        return ''.join(out)
    if isinstance(n, ast.Name) and n.id in env:
        return env[n.id]
    if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add):
        return static(n.left, env) + static(n.right, env)
    if isinstance(n, ast.Dict):
        return {static(k, env): static(v, env) for k, v in zip(n.keys, n.values)}
    if isinstance(n, ast.List):
        return [static(e, env) for e in n.elts]
    if isinstance(n, ast.Tuple):
        return tuple(static(e, env) for e in n.elts)
    if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub) and isinstance(n.operand, ast.Constant):
        return -n.operand.value
    raise ValueError('not a static literal at line %d: %s' % (getattr(n, 'lineno', 0), type(n).__name__))


def tool_dicts(node, env):
    """Dict literals inside node that carry string 'name' and 'description' keys."""
    out = []
    for d in ast.walk(node):
        if isinstance(d, ast.Dict) and {k.value for k in d.keys if isinstance(k, ast.Constant)} >= {'name', 'description'}:
            t = static(d, env)
            if isinstance(t['name'], str) and isinstance(t['description'], str):
                out.append((d.lineno, t))
    return sorted(out, key=lambda x: x[0])


def tool_calls(src, callee_suffix):
    """`...Tool(name=..., description=..., inputSchema=...)` keyword calls, in source order."""
    tree = ast.parse(src)
    env = module_consts(tree)
    out = []
    for c in ast.walk(tree):
        if isinstance(c, ast.Call) and ast.unparse(c.func).split('.')[-1] == callee_suffix:
            kw = {k.arg: k.value for k in c.keywords}
            if 'name' in kw and 'description' in kw:
                t = {'name': static(kw['name'], env), 'description': static(kw['description'], env)}
                if 'inputSchema' in kw:
                    t['inputSchema'] = static(kw['inputSchema'], env)
                out.append((c.lineno, t))
    return [t for _, t in sorted(out, key=lambda x: x[0])]


# ---- sources ----

BRAIN_KINDS = (('Direct override', 'override'), ('Hidden in markup', 'hidden_markup'),
               ('Invisible / zero-width', 'unicode'), ('Bidi-override', 'unicode'),
               ('Multi-language', 'multilingual'), ('Encoded / obfuscated', 'encoded'),
               ('Authority spoofing', 'authority'), ('Confused-deputy', 'cross_tool'),
               ('Rug-pull bait', 'rugpull'), ('Tool-shadowing', 'shadowing'),
               ('Disable-the-user', 'override'), ('Exfiltration via reflection', 'exfil'),
               ('Persistence / cross-session', 'persistence'))


def brain():
    out = []
    p = 'src/mcp_dynamic_analyzer/payloads/tool_poisoning.py'
    src = show('brain', p)
    tree = ast.parse(src)
    env = module_consts(tree)
    lines = src.split('\n')
    assigns = {ast.unparse(n.target if isinstance(n, ast.AnnAssign) else n.targets[0]): n.value
               for n in tree.body if isinstance(n, (ast.Assign, ast.AnnAssign)) and n.value is not None}
    # DESCRIPTION_PAYLOADS: kind from the section comment that precedes each element
    lst = assigns['DESCRIPTION_PAYLOADS']
    comments = [(i + 1, l.strip()[1:].strip()) for i, l in enumerate(lines)
                if lst.lineno <= i + 1 <= lst.end_lineno and l.strip().startswith('#')]
    for e in lst.elts:
        sec = [c for ln, c in comments if ln < e.lineno][-1]
        kind = [k for s, k in BRAIN_KINDS if sec.startswith(s)][0]
        out.append(item('brain', {'name': 'tool', 'description': static(e, env)}, 1, p + '#DESCRIPTION_PAYLOADS', kind))
    # POISONED_TOOL_DEFINITIONS: full tools
    kinds = {'get_weather': 'injection', 'search_docs': 'schema', 'read_file': 'shadowing',
             'translate': 'cross_tool', 'list_files': 'schema'}
    for e in assigns['POISONED_TOOL_DEFINITIONS'].elts:
        t = static(e, env)
        out.append(item('brain', t, 1, p + '#POISONED_TOOL_DEFINITIONS', kinds[t['name']]))
    # fixture servers
    for f, lab in (('tests/fixtures/malicious_server.py', 1), ('tests/fixtures/benign_server.py', 0),
                   ('tests/fixtures/vulnerable_server.py', 0)):
        tree = ast.parse(show('brain', f))
        for _, t in tool_dicts(tree, module_consts(tree)):
            if 'inputSchema' in t:   # the serverInfo dict has a name but no schema
                kind = 'conceal' if 'not tell the user' in t['description'] else 'override'
                out.append(item('brain', t, lab, f, kind if lab else 'benign'))
    # R3 (LLM-manipulation) scanner tests
    p = 'tests/test_scanners/test_all_scanners.py'
    tree = ast.parse(show('brain', p))
    for fn in ast.walk(tree):
        if not (isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) and fn.name.startswith('test_')):
            continue
        body = ast.unparse(fn)
        if 'R3LlmManipulationScanner' not in body:
            continue
        if re.search(r'clean|not_flagged', fn.name):
            lab = 0
        elif re.search(r'assert len\(findings\) == 1|assert any\(', body):
            lab = 1
        else:
            continue
        for c in ast.walk(fn):
            if isinstance(c, ast.Call) and ast.unparse(c.func) == 'ToolInfo':
                kw = {k.arg: static(k.value, {}) for k in c.keywords}
                t = {'name': kw['name'], 'description': kw.get('description', '')}
                if isinstance(kw.get('input_schema'), dict):
                    t['inputSchema'] = kw['input_schema']
                if not lab:
                    kind = 'benign'
                elif 'inputSchema' in t:
                    kind = 'schema'   # the test's description is clean; the schema carries it
                else:
                    kind = 'conceal' if 'not tell the user' in t['description'] else 'override'
                out.append(item('brain', t, lab, '%s#%s' % (p, fn.name), kind))
    return out


def ruppe():
    out = []
    p = 'examples/vulnerable_server.py'
    src = show('ruppe', p)
    tree = ast.parse(src)
    env = module_consts(tree)
    lines = src.split('\n')
    tools = [n.value for n in tree.body if isinstance(n, ast.Assign) and ast.unparse(n.targets[0]) == 'TOOLS'][0]
    for e in tools.elts:
        t = static(e, env)
        above = '\n'.join(lines[max(0, e.lineno - 4):e.lineno + 2])   # comment on or just above the entry
        entry = '\n'.join(lines[e.lineno - 1:e.end_lineno])
        t = {k: t[k] for k in ('name', 'description', 'inputSchema') if k in t}
        if t['name'] == 'read_file':
            out.append(item('ruppe', t, 1, p + '#read_file', 'injection'))
        elif t['name'] == 'ping_host':
            out.append(item('ruppe', t, 1, p + '#ping_host', 'schema'))
        elif 'VULN' in entry or 'VULN' in above.split('{')[0] or t['name'] == 'run_command':
            continue
        else:
            out.append(item('ruppe', t, 0, p + '#' + t['name'], 'benign'))
    echo = [static(e, env) for e in tools.elts if static(e, env)['name'] == 'echo'][0]
    out.append(item('ruppe', {'name': 'echo', 'description': env['POISONED_ECHO'], 'inputSchema': echo['inputSchema']},
                    1, p + '#POISONED_ECHO', 'rugpull'))
    return out


def zamp():
    out = []
    for p in ('radarr_sonarr_mcp/server.py', 'radarr_sonarr_mcp/tools_extended.py'):
        out += [item('zamp', t, 0, p, 'benign') for t in tool_calls(show('zamp', p), 'Tool')]
    return out


def seb():
    out = []
    p = 'internal/mcptools/tools.go'
    src = show('seb', p)
    for m in re.finditer(r'mcp\.AddTool\(s, &mcp\.Tool\{\s*Name:\s*(' + b32.GO_LIT + r'),\s*Description:\s*', src):
        out.append(item('seb', {'name': b32.go_string(m.group(1)), 'description': b39.go_expr(src, m.end())[0]},
                        0, p, 'benign'))
    return out


def n3r0():
    p = 'src/abuseipdb_mcp/modules.py'
    return [item('n3r0', t, 0, p, 'benign') for t in tool_calls(show('n3r0', p), 'Tool')]


def mad():
    out = []
    p = 'src/mcp_radarr/server.py'
    tree = ast.parse(show('mad', p))
    cls = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == 'RadarrMCPTools'][0]
    methods = {n.name: n for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for c in ast.walk(methods['register_mcp']):
        if isinstance(c, ast.Call) and ast.unparse(c.func) == 'server.tool':
            name = ast.unparse(c.args[0]).split('.')[-1]
            out.append(item('mad', {'name': name, 'description': ast.get_docstring(methods[name]) or ''}, 0,
                            p + '#' + name, 'benign'))
    return out


def build():
    return brain() + ruppe() + zamp() + seb() + n3r0() + mad()


def r39_items():
    """Round 39's candidate tools (its builder's own build(), before its dedup and cap)."""
    b39.MIRROR = MIRROR
    return b39.build()


def main():
    global MIRROR
    ap = argparse.ArgumentParser()
    ap.add_argument('--mirror', default='/work/.mirror')
    ap.add_argument('--prev', action='append', default=None)
    ap.add_argument('--repo', default='/work/main')
    ap.add_argument('--out', default='/tmp/r41p/sets')
    ap.add_argument('--allow-missing', action='store_true', help='trial build without every earlier set')
    ap.add_argument('--trial', action='store_true', help='write even when the owner cap is degenerate')
    ap.add_argument('--no-cap', action='store_true', help='trial only: keep every poisoned item (no owner cap)')
    a = ap.parse_args()
    MIRROR = a.mirror
    prevs = a.prev or ['/tmp/poison-eval', '/tmp/r32/sets', '/tmp/r33/sets', '/tmp/r34p/sets']
    missing = [d for d in prevs if not glob.glob(os.path.join(d, '**', '*.jsonl'), recursive=True)]
    if missing and not a.allow_missing:
        raise SystemExit('earlier sets missing (rebuild them first, or --allow-missing for a trial): %s' % missing)
    seen, kept, nfiles, prev_texts = set(), [], 0, []
    dropped = {'empty': 0, 'earlier set': 0, 'earlier substring': 0, 'earlier 8-gram': 0,
               'committed json': 0, 'committed text': 0, 'duplicate': 0}

    def remember(o):
        v = o.get('description') if isinstance(o.get('description'), str) else o.get('text')
        s = v.strip() if isinstance(v, str) else ''
        seen.add(s)
        if s:
            prev_texts.append(b32._norm(s))
        if isinstance(o.get('inputSchema'), dict):
            seen.add(s + '\x00' + json.dumps(o['inputSchema'], sort_keys=True))

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
                    if isinstance(o, dict):
                        remember(o)
    n39 = 0
    for o in r39_items():
        remember(o)
        n39 += 1
    prev_blob = '\x00'.join(prev_texts)
    prev_grams = set()
    for s in prev_texts:
        prev_grams |= b34.grams(s)
    cdescs, ctext = b32.committed(a.repo)
    mine = set()
    for t in build():
        s = b32.key(t)
        d = (t['description'] or '').strip()
        nd = b32._norm(d)
        g = b34.grams(d)
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
        print('dropped: %-40s label %d (%s) %s' % (t['repo'], t['label'], why, t['path']))
    if a.no_cap and not a.trial:
        raise SystemExit('--no-cap is for a trial build only (add --trial)')
    rows, cap, before = b32.owner_cap(kept)
    owners_pos = len(before)
    if a.no_cap:
        rows = kept
    print('earlier set files read for dedup: %d (%s) + round 39 candidates %d; committed descriptions %d' % (
        nfiles, ', '.join(prevs), n39, len(cdescs)))
    print('owner cap: %d poisoned per owner (poisoned before cap: %s)' % (cap, before))
    if a.trial and os.path.abspath(a.out) == os.path.abspath('/tmp/r41p/sets'):
        raise SystemExit('a trial build never goes to the frozen path /tmp/r41p/sets')
    if (owners_pos < 4 or cap == 0) and not a.trial:
        raise SystemExit('only %d owners hold poisoned items (cap %d): the quarter cap keeps too little; '
                         'not writing the frozen file (--trial to write a trial build)' % (owners_pos, cap))
    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, 'all.jsonl')
    with open(path, 'w') as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + '\n')
    by = {}
    for r in rows:
        by.setdefault(r['repo'], [0, 0])[r['label'] == 0] += 1
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
