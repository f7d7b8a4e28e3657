#!/usr/bin/env python3
"""Round 11 sets: poisoned and benign tools from other security tools' test fixtures.

Reads bare mirrors (/work/.mirror/OWNER+NAME/repo, from the library's `fetch`) at
pinned commits, plus two sources transcribed from the library's read_file (no
fetchable snapshot at those commits) under SRC/r11_readfile. Labels come from the
authors' structure only (fixture file names, their tests' expected verdicts, code
comments naming a tool poisoned or clean), never from Warden's output. Texts already
present in any earlier set under /tmp/poison-eval are dropped (exact match).

  aas        security-researcher-ca/AI-Agentic-Shield internal/mcp/description_scanner_test.go:
             tests that assert `result.Poisoned` -> 1, tests that assert it is not -> 0.
             Left out: the two tests whose names call the tool legitimate while
             expecting a flag (LegitimateToolWithSensitiveKeywords,
             LegitAPIKeyReferenceTriggersCorrectly), and EmptyDescription.
  redcell    Blute122/redcell tests/mock_mcp_server.py: _POISONED_TOOLS get_weather,
             translate, log_event (commented HIGH/HIGH/MEDIUM) -> 1; get_forecast,
             summarize_chat (commented CLEAN, must not flag) and the base _TOOLS -> 0.
  sentinel   saratala/sentinelmcp tests/fixtures: poisoned_tools.json items 0 and 2
             (test: "is not None") -> 1, item 1 ("get_weather is clean") -> 0;
             clean_tools.json -> 0.
  auditor    perparimmjeku/mcp-tool-auditor tests/fixtures/poisoned_tools.json: every
             tool -> 1 except `normal_tool` (the fixture's control) -> 0.
  devsonic   devsoniclk/mcp-shield tests/fixtures/malicious_tools.json -> 1 (file-level
             label; reported apart).
  mcpscanner smart-mcp-proxy/mcp-scanner tests/fixtures/malicious_tools.json -> 1
             (three of four asserted per tool, the fourth file-level), clean_tools.json -> 0.
  aak        sattyamjjain/agent-audit-kit examples/vulnerable-configs/06-tool-poisoning
             (.mcp.json of a "malicious-server", every tool a demonstrated attack) -> 1
             (file-level); tests/fixtures/clean_mcp.json tools -> 0.
  medusa     joshmaster2165/medusa tests/conftest.py (read_file): _VULNERABLE_TOOLS
             TP-001 and TP-002 (hidden instructions, injection in the description) -> 1;
             _SECURE_TOOLS -> 0. The other vulnerable tools are flawed by schema, not
             by description, and are left out.
  guardbench getmcpm/mcp-guardbench native cases (read_file): the two Deadbugz attack
             tools -> 1, the attack frame's other tools and three benign tools lists -> 0.
             The cases extracted from @getmcpm/cli are left out (they duplicate the
             held-out set mcpm_fixtures).

Not used: riseandignite/mcp-shield's bad-mcp-server.js (near copies of Invariant's
demos, tuned on in `seen/demos`), mcp-context-protector, snyk/agent-scan, docker/mcp-gateway,
IBM/mcp-context-forge plugins (no poisoned tool fixtures found).

Usage: python3 build_round11.py [--mirror /work/.mirror] [--out /tmp/poison-eval]
"""
import argparse
import ast
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_round7 import git  # noqa: E402

AAS = ('security-researcher-ca/AI-Agentic-Shield', '8cad16f6082ce92fc1a0f9cdd54d0365b6310cc0', 'Apache-2.0')
REDCELL = ('Blute122/redcell', '0f79c878cceabc03152e70777ad85c17fb4cc29c', 'Apache-2.0')
SENTINEL = ('saratala/sentinelmcp', '500bacddb720422f9c86c8f99f7c4c06596db3be',
            'none at top level (extension/ is MIT): evaluation only')
AUDITOR = ('perparimmjeku/mcp-tool-auditor', '54f89d959d2f31163218cfef918352e31f2d07b0', 'MIT')
DEVSONIC = ('devsoniclk/mcp-shield', '1e4a8a1aeb1c0a07a6472ad6e5ed2eaf9a4cb5af', 'MIT')
MCPSCANNER = ('smart-mcp-proxy/mcp-scanner', 'e424f47752ab3c99acb413c09cb8886fb4aca3bc', 'Apache-2.0 (README)')
AAK = ('sattyamjjain/agent-audit-kit', 'e75934d49bc2a75baaef255d3c7661d56b762d82', 'MIT')

# Their texts were seen in full (library read_file, search results) while hunting.
READ_WHILE_HUNTING = ('joshmaster2165/medusa', 'getmcpm/mcp-guardbench', 'Blute122/redcell')

AAS_LEFT_OUT = {'LegitimateToolWithSensitiveKeywords', 'LegitAPIKeyReferenceTriggersCorrectly',
                'EmptyDescription'}


def item(t, label, repo, commit, path, lic):
    return {'name': t.get('name', ''), 'description': t.get('description') or '',
            'inputSchema': t.get('inputSchema') or t.get('input_schema') or {},
            'label': label, 'repo': repo, 'source': repo + '@' + commit[:7] + ':' + path,
            'licence': lic}


def go_string_expr(expr, env):
    """Value of a Go string expression: literals, identifiers in env, joined by +."""
    tok = re.compile(r'"(?:\\.|[^"\\])*"|`[^`]*`|[A-Za-z_]\w*|\+|\s+')
    out, pos = [], 0
    while pos < len(expr):
        m = tok.match(expr, pos)
        if not m:
            raise ValueError('cannot read Go string expression at %r' % expr[pos:pos + 20])
        s = m.group(0)
        pos = m.end()
        if s.startswith('"'):
            out.append(json.loads(s))
        elif s.startswith('`'):
            out.append(s[1:-1])
        elif s[0].isalpha() or s[0] == '_':
            out.append(env[s])
    return ''.join(out)


def go_value(body, start, stmt=False):
    """Text of a Go expression starting at start, up to a top-level ',' + newline or
    '}' (a composite literal's field), or a newline not after '+' (a statement)."""
    i, depth = start, 0
    while i < len(body):
        c = body[i]
        if c == '"':
            i += 1
            while body[i] != '"':
                i += 2 if body[i] == '\\' else 1
        elif c == '`':
            i = body.index('`', i + 1)
        elif c in '([{':
            depth += 1
        elif c in ')]}':
            if depth == 0:
                return body[start:i]
            depth -= 1
        elif c == '\n' and depth == 0 and stmt and not body[start:i].rstrip().endswith('+'):
            return body[start:i]
        elif c == ',' and depth == 0:
            rest = body[i + 1:].lstrip(' \t')
            if rest.startswith('\n'):
                return body[start:i]
        i += 1
    return body[start:]


def aas(mirror):
    repo, c, lic = AAS
    path = 'internal/mcp/description_scanner_test.go'
    src = git(mirror, repo, 'show', c + ':' + path)
    funcs = re.split(r'\nfunc ', src)
    items = []
    for f in funcs:
        m = re.match(r'TestScanToolDescription_(\w+)\(', f)
        if not m or m.group(1) in AAS_LEFT_OUT:
            continue
        env = {}
        for v in re.finditer(r'\n\t(\w+) := ', f):
            if v.group(1) in ('tool', 'result'):
                continue
            env[v.group(1)] = go_string_expr(go_value(f, v.end(), stmt=True), env)
        tm = re.search(r'tool := ToolDefinition\{', f)
        if not tm:
            continue
        t = {}
        for key in ('Name', 'Description'):
            km = re.search(r'\b' + key + r':\s*', f[tm.end():])
            if km:
                t[key.lower()] = go_string_expr(go_value(f, tm.end() + km.end()), env)
        sm = re.search(r'InputSchema:\s*json\.RawMessage\((\w+)\)', f)
        if sm:
            t['inputSchema'] = json.loads(env[sm.group(1)])
        if 'if !result.Poisoned' in f:
            label = 1
        elif 'if result.Poisoned' in f:
            label = 0
        else:
            continue
        items.append(item(t, label, repo, c, path + '#' + m.group(1), lic))
    return items


def py_list(src, name):
    for node in ast.parse(src).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(getattr(t, 'id', None) == name for t in targets):
                return ast.literal_eval(node.value)
    raise KeyError(name)


def redcell(mirror):
    repo, c, lic = REDCELL
    path = 'tests/mock_mcp_server.py'
    src = git(mirror, repo, 'show', c + ':' + path)
    poisoned = {'get_weather', 'translate', 'log_event'}
    items = [item(t, 0, repo, c, path, lic) for t in py_list(src, '_TOOLS')]
    for t in py_list(src, '_POISONED_TOOLS'):
        items.append(item(t, int(t['name'] in poisoned), repo, c, path, lic))
    return items


def json_tools(mirror, repo, c, path):
    d = json.loads(git(mirror, repo, 'show', c + ':' + path))
    if isinstance(d, dict):
        if 'tools' in d:
            return d['tools']
        return [t for s in d.get('mcpServers', {}).values() for t in s.get('tools', [])]
    return d


def sentinel(mirror):
    repo, c, lic = SENTINEL
    p = 'tests/fixtures/poisoned_tools.json'
    items = [item(t, int(i != 1), repo, c, p, lic) for i, t in enumerate(json_tools(mirror, repo, c, p))]
    p = 'tests/fixtures/clean_tools.json'
    return items + [item(t, 0, repo, c, p, lic) for t in json_tools(mirror, repo, c, p)]


def auditor(mirror):
    repo, c, lic = AUDITOR
    p = 'tests/fixtures/poisoned_tools.json'
    return [item(t, int(t['name'] != 'normal_tool'), repo, c, p, lic)
            for t in json_tools(mirror, repo, c, p)]


def by_file(mirror, spec, files):
    repo, c, lic = spec
    return [item(t, label, repo, c, p, lic)
            for p, label in files for t in json_tools(mirror, repo, c, p)]


def readfile_sets(srcdir):
    items = []
    m = json.load(open(os.path.join(srcdir, 'medusa_conftest.json'), encoding='utf-8'))
    repo, rest = m['source'].split('@', 1)
    for label, key in ((1, 'poisoned'), (0, 'benign')):
        for t in m[key]:
            items.append({**t, 'label': label, 'repo': repo, 'source': m['source'],
                          'licence': m['licence']})
    g = json.load(open(os.path.join(srcdir, 'guardbench_native.json'), encoding='utf-8'))
    for f in g['files']:
        for label, key in ((1, 'poisoned'), (0, 'benign')):
            for t in f[key]:
                items.append({**t, 'label': label, 'repo': 'getmcpm/mcp-guardbench',
                              'source': f['source'], 'licence': g['licence']})
    return items


def seen_texts(outdir):
    seen = set()
    for root, _, files in os.walk(outdir):
        for name in files:
            if not name.endswith('.jsonl') or name.startswith('r11_'):
                continue
            for line in open(os.path.join(root, name), encoding='utf-8'):
                if line.strip():
                    seen.add((json.loads(line).get('description') or '').strip())
    return seen


def write(outdir, key, items, seen):
    kept, texts, dropped = [], set(), 0
    for t in items:
        d = t['description'].strip()
        if not d or d in seen or d in texts:
            dropped += 1
            continue
        texts.add(d)
        kept.append(t)
    path = os.path.join(outdir, key + '.jsonl')
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        for t in kept:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    by = {}
    for t in kept:
        k = (t['part'], t['repo'], t['label'])
        by[k] = by.get(k, 0) + 1
    print(key, len(kept), 'poisoned', sum(t['label'] for t in kept), 'dropped', dropped)
    for k in sorted(by):
        print('  ', k, by[k])


def build(mirror, outdir):
    seen = seen_texts(outdir)
    items = aas(mirror) + redcell(mirror) + sentinel(mirror) + auditor(mirror)
    items += by_file(mirror, DEVSONIC, [('tests/fixtures/malicious_tools.json', 1)])
    items += by_file(mirror, MCPSCANNER, [('tests/fixtures/malicious_tools.json', 1),
                                          ('tests/fixtures/clean_tools.json', 0)])
    items += by_file(mirror, AAK, [('examples/vulnerable-configs/06-tool-poisoning/.mcp.json', 1),
                                   ('tests/fixtures/clean_mcp.json', 0)])
    items += readfile_sets(os.path.join(outdir, 'src', 'r11_readfile'))
    split(items)
    write(outdir, 'r11/r11_fixtures', items, seen)


def split(items):
    """Fix the tune/held-out halves by repository before any scoring. The sources
    whose texts were read while hunting go to tune; the other repositories, in
    random.Random(11) order, each to the half with fewer poisoned tools so far."""
    count = {}
    for t in items:
        count[t['repo']] = count.get(t['repo'], 0) + t['label']
    part = {r: 'tune' for r in READ_WHILE_HUNTING}
    mal = {'tune': sum(count[r] for r in READ_WHILE_HUNTING), 'heldout': 0}
    repos = sorted(r for r in count if r not in part)
    random.Random(11).shuffle(repos)
    for r in repos:
        p = min(mal, key=lambda k: (mal[k], k == 'tune'))
        part[r] = p
        mal[p] += count[r]
    for t in items:
        t['part'] = part[t['repo']]


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--mirror', default='/work/.mirror')
    ap.add_argument('--out', default='/tmp/poison-eval')
    a = ap.parse_args()
    build(a.mirror, a.out)
