#!/usr/bin/env python3
"""Round 23: poisoned and benign tools of fifteen repositories not used before.

Reads bare mirrors (/work/.mirror/OWNER+NAME/repo, from the library's `fetch`) at
pinned commits, writes /tmp/poison-eval/r23/all.jsonl, then splits it by repository
into r23/tune.jsonl and r23/heldout.jsonl (and heldout_demo.jsonl, the held-out half
without scanners' unit-test strings). Texts are written, never printed. Labels
come from the authors' own structure (per tool), never from Warden's output. `kind`
says what the source is: `demo` (an attack demo, lab or a scanner's fixture server),
`unit` (strings of a scanner's unit tests), `benign` (a lab's honest server).

  riteshkew/firmis-scanner (MIT): test/fixtures/tool-poisoning/malicious-tool-skill/
    index.js, the comments' tp-001 (TOOL_DESCRIPTION) and tp-002 (weatherTool) -> 1.
  thuggeelya/mcp-shield (Apache-2.0): tests/unit/test_poisoning.py, class
    TestPoisoningDetector: a test asserting a finding on its constant description -> 1,
    a test asserting none (`== []`, "not_flagged", "no_findings") -> 0; the tests of
    secrets in descriptions and of description length are left out (not poisoning).
  UsableMachines/mcp-security-scanner (MIT in package.json): bad_mcp/malicious-server.js,
    the four tools the file lists "with vulnerable descriptions" (hidden instructions,
    shadowing) -> 1.
  GaboITB/mcp-shield (MIT): damn-vulnerable-mcp/07-prompt-injection.json ("Prompt
    Injection in MCP Metadata"): tools whose description carries the injection -> 1;
    the zero-width and homoglyph *names* (attack in the name) left out.
  Chris79OG/mcp-scan (MIT): tests/fixtures/injection-server.ts `search` and
    multi-issue-server.ts `fetch_data`, commented "prompt injection in tool
    description" -> 1; the other tools there (attacks in code) left out.
  CodingSelim/mcp-scan (MIT): test/fixtures/vulnerable-server.mjs `get_weather`
    ("tool poisoning") and `smart_search` ("tool shadowing: precedence injection") -> 1;
    test/fixtures/clean-server.mjs tools -> 0; the other vulnerable tools (honest
    dangerous capabilities, a leaked key) left out.
  ogulcanaydogan/mcp-security-scanner (Apache-2.0): tests/analyzers/test_poisoning.py,
    tests named test_detects_* / test_uses_highest_severity_* -> 1, test_benign_* -> 0.
  lorbeere711/mcp-security-scanner (MIT): examples/fixtures/manifest.json: tools of
    `unsafe` fixtures whose expected or known-missed findings are EXFIL-/PROMPT- (the
    description is the attack) -> 1; tools of `safe` fixtures -> 0; permission-only
    fixtures left out.
  semgrep/mcp-tool-shadowing-demo (MIT): devil_server.py's tool (hidden Unicode tag
    text, README "tool shadowing") -> 1, angel_server.py's tool -> 0.
  HailBytes/mcp-security-scanner (MIT): examples/vulnerable-config.json `shell-runner`
    (injection in the description) -> 1; `file-manager` (permissions) left out.
  webr0ck/mcp-security-platform (MIT): proxy/tests/unit/test_auditor.py, the
    `injection_description` of the description-injection test -> 1, SAMPLE_DESCRIPTION -> 0.
  mattschaller/eslint-plugin-mcp-security (MIT): tests/rules/security/
    no-credential-paths-in-descriptions.test.ts: `invalid` cases commented SANDWORM_MODE
    (credential harvesting by prompt injection) -> 1; `valid` `server.tool` cases with a
    description -> 0 (except the one valid only through an ignore option); other invalid
    cases (a credential path named without an instruction) left out.
  Nislive/llm-agent-mcp-security-lab (MIT): mcp_server.py tools -> 0 (the lab's attacks
    are in data and code; the descriptions are honest).
  bmcfarlane/mcp-security-lab (MIT): mcp-postgres/server.py tools -> 0 (a lab's honest
    CRM server).
  jmolz/mcp-guard (MIT): benchmarks/mock-servers/*.ts, the tools of the gateway's
    "legitimate" benchmark servers -> 0 (base.ts's PII test tool not included).

Items whose description already occurs in an earlier set under /tmp/poison-eval are
dropped (exact match); duplicates within the round are dropped.

Split (fixed before any scoring): repositories sorted by name, shuffled with
random.Random(23); each in turn goes to the half with fewer poisoned tools so far
(ties: held out), as in rounds 13 and 22.

Usage: python3 build_r23.py [--mirror /work/.mirror] [--out /tmp/poison-eval]
"""
import argparse
import ast
import glob
import hashlib
import importlib.util
import json
import os
import random
import re
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('b22', os.path.join(HERE, 'build_r22.py'))
b22 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(b22)
b14 = b22.b14  # round 14's helpers, with round 22's escape-decoding JS unquoting

SRC = {
    'firmis': ('riteshkew/firmis-scanner', '1dfc8a0bb8974dc7d9aca9995da17a50b700c846', 'MIT'),
    'thug': ('thuggeelya/mcp-shield', '7d4031d295f579d64a99c377128b9806e4403d5b', 'Apache-2.0'),
    'usable': ('UsableMachines/mcp-security-scanner', '0f6f4e0707532e2e3fe2bb91e13e1fc83ab423ce', 'MIT (package.json)'),
    'gabo': ('GaboITB/mcp-shield', '5b720423d23764790011e8971993fb9850a29e39', 'MIT'),
    'chris': ('Chris79OG/mcp-scan', '100eaba5d94594daade5642a98e595f20bc45a92', 'MIT'),
    'selim': ('CodingSelim/mcp-scan', 'cdb4707c89980653033ccd42013b779ee02c6087', 'MIT'),
    'ogul': ('ogulcanaydogan/mcp-security-scanner', 'f2900ae0cb71d564a98690884bc4ed28d21b5849', 'Apache-2.0'),
    'lorb': ('lorbeere711/mcp-security-scanner', 'e573bb5f23695dceae4634edb2a9723908cedc6e', 'MIT'),
    'semgrep': ('semgrep/mcp-tool-shadowing-demo', '61894d564044e06eb5b860ad7de69af16fada5f2', 'MIT'),
    'hail': ('HailBytes/mcp-security-scanner', '4ef0b12d4a9ddefd619e8c978126abfcb31279e2', 'MIT'),
    'webr0ck': ('webr0ck/mcp-security-platform', 'ceed443390dfacc1dda25df39b97a46d4a4a76f3', 'MIT'),
    'matt': ('mattschaller/eslint-plugin-mcp-security', '27c6ed810e80e87dde6d859189e7670a5dc67280', 'MIT'),
    'nislive': ('Nislive/llm-agent-mcp-security-lab', '6e4c9c4fe0500910bc9daab56cc2fd74b01e8df3', 'MIT'),
    'bmc': ('bmcfarlane/mcp-security-lab', '85ee9bb0ae35b84148fd2595ca1badd488c3c223', 'MIT'),
    'jmolz': ('jmolz/mcp-guard', '2b4a62b945b700720ce06f3a13248a9c1b81fb17', 'MIT'),
}
KIND = {'thug': 'unit', 'ogul': 'unit', 'webr0ck': 'unit', 'matt': 'unit', 'nislive': 'benign', 'bmc': 'benign',
        'jmolz': 'benign'}


def show(mirror, key, path):
    repo, commit, _ = SRC[key]
    git = os.path.join(mirror, repo.replace('/', '+'), 'repo')
    return subprocess.run(['git', '--git-dir', git, 'show', commit + ':' + path],
                          capture_output=True, text=True, check=True).stdout


def item(key, t, label, path):
    out = {'name': t['name'], 'description': t['description'], 'label': label,
           'source': 'r23/' + SRC[key][0].replace('/', '__'), 'repo': SRC[key][0],
           'path': path, 'labelkind': 'tool', 'category': 'r23', 'kind': KIND.get(key, 'demo')}
    if isinstance(t.get('inputSchema'), dict):
        out['inputSchema'] = t['inputSchema']
    return out


def pick(key, tools, path, labels):
    out, seen = [], set()
    for t in tools:
        if t['name'] in labels and t['name'] not in seen:
            seen.add(t['name'])
            out.append(item(key, t, labels[t['name']], path))
    return out


def _lit(v):
    try:
        x = ast.literal_eval(v)
        return x if isinstance(x, dict) else None
    except Exception:
        return None


def py_test_calls(src, cls=None):
    """(test function name, tool) for every call with a constant description= inside
    test functions (of class `cls` if given); local string constants are resolved."""
    tree = ast.parse(src)
    scopes = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls] if cls else [tree]
    out = []
    for scope in scopes:
        for fn in ast.walk(scope):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) or not fn.name.startswith('test_'):
                continue
            local = {}
            for n in ast.walk(fn):
                if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name):
                    c = b14._const(n.value)
                    if c is not None:
                        local[n.targets[0].id] = c
            for n in ast.walk(fn):
                if not isinstance(n, ast.Call):
                    continue
                kw = {k.arg: k.value for k in n.keywords if k.arg}
                if 'description' not in kw:
                    continue
                v = kw['description']
                d = local.get(v.id) if isinstance(v, ast.Name) else b14._const(v)
                if not d:
                    continue
                t = {'name': b14._const(kw.get('name')) or 'test_tool', 'description': d}
                sch = kw.get('input_schema') or kw.get('inputSchema')
                if sch is not None:
                    t['inputSchema'] = _lit(sch)
                out.append((fn.name, t))
    return out


# thuggeelya: tests about secrets in descriptions and about length are not poisoning.
THUG_SKIP = re.compile(r'stripe|github_pat|slack_token|pem_private|generic_api_key|access_token|'
                       r'long_description|normal_length|finding_fields|redact')
THUG_NEG = re.compile(r'no_findings|not_flagged|no_flag|_ignored$')


def js_block_tools(src):
    """Object literals `{ name: "...", description: <expr> ... }` (comments allowed between)."""
    out = []
    for m in re.finditer(r'''name\s*:\s*(["'`])([^"'`]+)\1\s*,(?:\s*//[^\n]*\n)*\s*description\s*:\s*''', src):
        d = b14.js_expr(src, m.end(), {})
        if d:
            out.append({'name': m.group(2), 'description': d})
    return out


def build(mirror):
    out = []
    # firmis: a const and an object literal, labelled by the tp-00N comments
    p = 'test/fixtures/tool-poisoning/malicious-tool-skill/index.js'
    src = show(mirror, 'firmis', p)
    m = re.search(r'const TOOL_DESCRIPTION =\s*', src)
    out.append(item('firmis', {'name': 'get_weather', 'description': b14.js_expr(src, m.end(), {})}, 1, p + '#tp-001'))
    out += [item('firmis', t, 1, p + '#tp-002') for t in js_block_tools(src) if t['name'] == 'get_weather']
    # thuggeelya
    p = 'tests/unit/test_poisoning.py'
    for fn, t in py_test_calls(show(mirror, 'thug', p), 'TestPoisoningDetector'):
        if THUG_SKIP.search(fn):
            continue
        out.append(item('thug', t, 0 if THUG_NEG.search(fn) else 1, p + '#' + fn))
    # UsableMachines
    p = 'bad_mcp/malicious-server.js'
    out += pick('usable', js_block_tools(show(mirror, 'usable', p)), p,
                {'execute_command': 1, 'file_reader': 1, 'github_clone': 1, 'ls': 1})
    # GaboITB
    p = 'damn-vulnerable-mcp/07-prompt-injection.json'
    out += pick('gabo', json.loads(show(mirror, 'gabo', p))['tools'], p,
                {'query_database': 1, 'send_email': 1, 'search_web': 1, 'analyze_image': 1})
    # Chris79OG
    for p, name in [('tests/fixtures/injection-server.ts', 'search'),
                    ('tests/fixtures/multi-issue-server.ts', 'fetch_data')]:
        out += pick('chris', js_block_tools(show(mirror, 'chris', p)), p, {name: 1})
    # CodingSelim
    p = 'test/fixtures/vulnerable-server.mjs'
    out += pick('selim', js_block_tools(show(mirror, 'selim', p)), p, {'get_weather': 1, 'smart_search': 1})
    p = 'test/fixtures/clean-server.mjs'
    out += [item('selim', t, 0, p) for t in js_block_tools(show(mirror, 'selim', p))]
    # ogulcanaydogan
    p = 'tests/analyzers/test_poisoning.py'
    for fn, t in py_test_calls(show(mirror, 'ogul', p), 'TestToolPoisoningAnalyzer'):
        if fn.startswith(('test_detects_', 'test_uses_highest_severity')):
            out.append(item('ogul', t, 1, p + '#' + fn))
        elif fn.startswith('test_benign_'):
            out.append(item('ogul', t, 0, p + '#' + fn))
    # lorbeere711
    man = json.loads(show(mirror, 'lorb', 'examples/fixtures/manifest.json'))
    for fx in man['fixtures']:
        ids = fx.get('expectedFindingIds', []) + fx.get('mustMissFindingIds', [])
        if fx['classification'] == 'safe':
            lab = 0
        elif any(i.startswith(('EXFIL-', 'PROMPT-')) for i in ids):
            lab = 1
        else:
            continue
        p = 'examples/fixtures/' + fx['path']
        for t in json.loads(show(mirror, 'lorb', p)).get('tools', []):
            if isinstance(t, dict) and t.get('description'):
                out.append(item('lorb', t, lab, p + '#' + fx['id']))
    # semgrep
    for p, lab in [('devil_server.py', 1), ('angel_server.py', 0)]:
        out += [item('semgrep', t, lab, p) for t in b14.py_tools(show(mirror, 'semgrep', p))]
    # HailBytes: the file is not valid JSON (a missing comma), so a regex
    p = 'examples/vulnerable-config.json'
    for m in re.finditer(r'"name":\s*"([^"]+)",\s*"description":\s*"((?:[^"\\]|\\.)*)"', show(mirror, 'hail', p)):
        if m.group(1) == 'shell-runner':
            out.append(item('hail', {'name': m.group(1), 'description': json.loads('"%s"' % m.group(2))}, 1, p))
    # webr0ck
    p = 'proxy/tests/unit/test_auditor.py'
    src = show(mirror, 'webr0ck', p)
    consts = b14.py_consts(src)
    out.append(item('webr0ck', {'name': 'read_file', 'description': consts['SAMPLE_DESCRIPTION']}, 0, p + '#SAMPLE_DESCRIPTION'))
    for fn, t in py_test_calls(src):
        if 'injection' in fn and t['description'] != consts['SAMPLE_DESCRIPTION']:
            out.append(item('webr0ck', t, 1, p + '#' + fn))
    # mattschaller: RuleTester cases, each `// comment` then `{ code: ... }`
    p = 'tests/rules/security/no-credential-paths-in-descriptions.test.ts'
    src = show(mirror, 'matt', p)
    vi = src.find('invalid:')
    for m in re.finditer(r'//([^\n]*)\n\s*\{\s*code:\s*', src):
        code = b14.js_expr(src, m.end(), {})
        case = src[m.end():m.end() + 600]
        opts = 'options:' in case[:case.find('\n    }')]
        c = re.match(r'''\s*server\.tool\(\s*(["'`])([^"'`]+)\1\s*,\s*(["'`])((?:(?!\3).)*)\3''', code or '', re.S)
        if not c:
            continue
        t = {'name': c.group(2), 'description': c.group(4)}
        if m.start() > vi:
            if 'SANDWORM' in m.group(1):
                out.append(item('matt', t, 1, p + '#' + m.group(1).strip()))
        elif not opts:
            out.append(item('matt', t, 0, p + '#' + m.group(1).strip()))
    # benign labs
    out += [item('nislive', t, 0, 'mcp_server.py') for t in b14.py_tools(show(mirror, 'nislive', 'mcp_server.py'))]
    p = 'mcp-postgres/server.py'
    out += [item('bmc', t, 0, p) for t in b14.py_tools(show(mirror, 'bmc', p))]
    for f in ['api-client', 'cloud-infra', 'communication', 'database', 'filesystem', 'git-ops',
              'sampling-server', 'shell']:
        p = 'benchmarks/mock-servers/%s.ts' % f
        out += [item('jmolz', t, 0, p) for t in b14.js_tools(show(mirror, 'jmolz', p))]
    return out


def split(rows):
    repos = sorted({r['repo'] for r in rows})
    random.Random(23).shuffle(repos)
    npois = {r: sum(t['label'] for t in rows if t['repo'] == r) for r in repos}
    held, hp, tp = set(), 0, 0
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
    d = os.path.join(a.out, 'r23')
    seen, kept, dropped = set(), [], 0
    for f in glob.glob(os.path.join(a.out, '**', '*.jsonl'), recursive=True):
        if '/r23/' in f:
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
                       ('heldout', lambda r: r['repo'] in held),
                       # the held-out half without scanners' unit-test strings (kind `unit`)
                       ('heldout_demo', lambda r: r['repo'] in held and r['kind'] != 'unit')]:
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
            print('   %-45s %-20s %3d / %3d' % (r, [v[2] for v in SRC.values() if v[0] == r][0], p, b))
    print('dropped %d (empty or already used)' % dropped)


if __name__ == '__main__':
    main()
