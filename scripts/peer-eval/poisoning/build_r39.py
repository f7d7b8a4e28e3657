#!/usr/bin/env python3
"""Round 39: a tenth fresh independent set (repositories of owners never named before).

Measurement only: one frozen file, scored once with HEAD; no tune half, no candidate.

Reads bare mirrors (/work/.mirror/OWNER+NAME/repo, from the library's `fetch`) at pinned
commits with `git show`; never runs repository code (Python parsed with `ast`, YAML with
`yaml.safe_load`, JSON with `json`, Go read with round 32's string reader plus
`string(rune(0x...))`, JavaScript / TypeScript with round 34's literal scanner, which decodes
escapes). Every source is under a permissive licence (MIT / Apache-2.0). Labels come from the
authors' own structure:

  aryanrasiwasia1818/Warden-MCP-security (Apache-2.0): src/warden/benchmark/corpus/*.yaml,
    the authors' benchmark cases. `tool_poisoning.yaml` and `advanced_evasion.yaml` cases of
    stage `ingest` whose `expect` is block or flag -> 1 (kind: the case's `category`; a case
    with `inject_hidden_unicode` gets the authors' loader step, spaces -> U+200B);
    `descriptor_tampering.yaml` DT-02 (stage `swap`, "swap to a credential-reading
    descriptor") -> 1 (rugpull); DT-01 (named "no static signature") and DT-03 (an unapproved
    tool, a provenance case) left out; `benign.yaml` cases of stage `ingest`, expect allow ->
    0; examples/clean_manifest.json -> 0 (examples/poisoned_manifest.json left out: no
    per-tool label).
  firatmio/mcp-audit-proxy (Apache-2.0): internal/policy/poisoning_test.go, the `cases`
    lists of Test{InstructionOverride, HiddenInstructionMarkup, Concealment, CredentialBait,
    Exfiltration, CrossToolInstruction}IsDetected -> 1 (kind by test name), the `hidden`
    texts of TestInvisibleCharactersAreDetected / TestRightToLeftOverrideIsDetected -> 1
    (unicode), the tool of TestFindingNamesTheToolAndRule -> 1 (conceal), the poisoned
    tools of TestEngineFlagsPoisonedToolList / TestEngineCanFlagBothRugPullAndPoisoning /
    TestPoisoningCanBeTurnedOff -> 1 (injection), the `honest` list of
    TestHonestDescriptionsAreNotFlagged and the clean baseline ("clean") -> 0; schema and
    excerpt-length tests left out. internal/policy/rugpull_test.go: the changed texts of
    TestChangedDescriptionIsDetected and TestEngineFlagsARugPullOnAToolsListResponse -> 1
    (rugpull), the latter's `original` -> 0.
  skmahe1077/agentgateway-mcp-firewall (MIT): tests/test_scanner.py, the texts passed to
    detect_prompt_injection / detect_data_exfiltration / detect_cross_tool_manipulation /
    detect_invisible_characters in their "..._detected" tests -> 1 (kind by detector),
    `scan_tool("evil_tool", ...)` of test_risk_scoring -> 1, the seven tools of
    test_full_malicious_server_scan other than format_text (the test asserts it is the only
    safe one) -> 1 (kind malicious_server), except run_diagnostics (shell commands in the
    text: a command rule, left out as round 34 left out command positives); format_text,
    test_safe_tool_passes' tool, `good_tool` and `test_tool` of the policy and audit tests ->
    0. The obfuscated-payload (an f-string), anomaly-length and dangerous-commands tests left
    out; demo/malicious-mcp-server/server.js holds the same eight tools (not read twice).
  EricFinland/mcp-audit (MIT): fixtures/evil_server.py ("A DELIBERATELY POISONED MCP server":
    the danger "lives only in the descriptions" and one sink) tools add, search, summarize ->
    1 (injection); run_report (the secret / command sink; description clean) left out.
    tests/test_detectors.py `ToolInfo(...)` of test_poisoning_fires_* (exfil),
    test_intent_flow_fires_* (injection) -> 1; of every test named "..._quiet_on_..." -> 0;
    context-oversharing positives left out (scope, not poisoning).
  ookini-kawaii/mcp-security-scanner (MIT): test_cases/0N_*.json, the five malicious samples
    (benchmarks/README.md) -> 1: the case's name and description (kind by file name); for
    04_rug_pull.json its `second_call_description` on its function `add` (rugpull);
    benchmarks/benign/normal_tool.json -> 0.
  buildwithaasif/mcp-security-toolkit (MIT, declared in README): evil_mcp/evil_server.py, tools
    under the authors' section comments: "# === MALICIOUS TOOLS ===" -> 1 (injection),
    "# === TOOL SHADOWING ===" -> 1 (shadowing), "# === INNOCENT TOOLS ===" -> 0; the
    "RUG PULL TOOL" (a behavioural rug pull, clean description) left out;
    evil_capabilities/tool_discovery_attack.py `POISONED_DISCOVERY` tool descriptions -> 1
    (exfil).
  7serhan/mcp-audit (MIT): tests/unit/scanners/prompt-injection.test.ts, tools of tests titled
    "detects ..." -> 1 (unicode if the title says unicode, else injection), "passes clean
    tools" -> 0 (the length test left out); tests/fixtures/vulnerable-server/index.ts tool
    `evil_tool` -> 1 (injection; the other tools are capability cases, left out).
  pterbsgame-netizen/mcp-guard (MIT): internal/probe/probe_test.go `poisonedDescription` -> 1
    (rugpull: the evil face of the silent-swap fixture), `cleanDescription` -> 0 (tool
    `read_text_file`, as `marshalTool` names it); internal/proxy/proxy_test.go
    TestEnforceBlocksChangedTool `poisonedDesc` -> 1 (rugpull), `approvedDesc` -> 0;
    corpus/attack/tool-shadowing.txt, the text after "Description of the add_numbers tool:"
    -> 1 (shadowing). The other corpus files are not tool descriptions.
  Danush-Aries/mcp-sentinel (MIT): tests/fixtures/poisoned_settings.json tools -> 1
    (injection), tests/fixtures/clean_settings.json tools -> 0; tests/test_rules.py
    test_poisoning_invisible_unicode: `_target_with_tool(desc=...)` asserted `in` -> 1
    (unicode), asserted `not in` -> 0 (base64-blob test left out: a random blob).
  arunmm8335/mcp-guard (MIT): test/fixtures/poisoned-server/index.js `server.tool(...)` -> 1
    (describe "tool-poisoned server"); benign-server, false-positive-server and
    npm-style-server (all graded A by the tests) -> 0.
  aryan877/mcp-guardian (MIT): demo/malicious-server/index.ts, tools whose comment names a
    description attack: "prompt injection: hidden exfiltration instruction buried in the
    description" (injection), "tool shadowing" (shadowing), "... tells LLM to use sudo"
    (privilege) -> 1; the command-injection, PII and trifecta tools (capability cases) left
    out.
  Noumenon-ai/hexis-mcp-guard (MIT): vulnservers/prompt_injection_server.py ("Intentionally
    vulnerable MCP-style server for prompt injection demos"; the tests assert its prompt-
    injection findings), every tool of its `TOOLS` -> 1 (unicode for the zero-width one).
  veloxlabsio/mcp-audit (MIT): vulnerable_mcp/server.py, the tool under "Planted vuln #1"
    (an ANSI-concealed instruction) -> 1 (hidden_ansi); the other planted vulnerabilities are
    code flaws, left out.
  poojakira/mcp-security-gateway-monitor (MIT): tests/test_advanced_manifest.py, the
    `poisoned` manifest of test_description_drift_detected ("Simulate tool poisoning") -> 1
    (rugpull), the `sample_manifest` fixture -> 0 (its generated red-team corpus is not used).
  chaaiitanya/mcp-audit (MIT): tests/test_checks/test_mcp005.py, the tool of
    test_poisoned_schema_description -> 1, of test_clean_schema -> 0.
  Ordinary MCP servers (benign, -> 0): aself101/mcp-security (MIT) cookbook/*/src/**.ts
    `server.tool(name, description, ...)` (example servers: NBA, KenPom, image generation,
    database, files, HTTP, monitoring, transactions ...).

Owner cap (round 32's rule and code), dedup against every earlier set (round 34's tests:
whole text, substring, 8-gram half overlap, committed text), category "r39/<owner>/<kind>"
(benign "r39/<owner>/benign"). The earlier sets are the poisoning sets (/tmp/poison-eval,
/tmp/r32/sets, /tmp/r33/sets, /tmp/r34p/sets) and injection round 104's fresh set
(/tmp/r104/sets, its `text` field): round 104, built at the same time, used three of these
repositories (Warden-MCP-security, agentgateway-mcp-firewall, EricFinland/mcp-audit), so their
texts already in it are dropped here. The builder refuses to run while an earlier set is
missing (--allow-missing for a trial build only).

Usage: python3 build_r39.py [--mirror /work/.mirror] [--prev DIR ...] [--repo /work/main]
                            [--out /tmp/r39p/sets] [--allow-missing] [--drop-owner OWNER ...]
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
b34 = _load('b34', 'build_r34.py')   # JS/TS literal scanner, Go test functions, 8-grams

SRC = {
    'warden': ('aryanrasiwasia1818/Warden-MCP-security', 'db2f2273afcae14c5e71d2307fb92a16a5225ddf', 'Apache-2.0'),
    'firat': ('firatmio/mcp-audit-proxy', 'f1cabc80b993d164c13aec1eb5aa85fa305dc050', 'Apache-2.0'),
    'agw': ('skmahe1077/agentgateway-mcp-firewall', '7731d0e2bb8e143f4fc6a33efaf82628b71e9823', 'MIT'),
    'eric': ('EricFinland/mcp-audit', '3b0f4314940a12d0de3db272017ad55edd80e4b6', 'MIT'),
    'ookini': ('ookini-kawaii/mcp-security-scanner', '2fc73b82feae571f82dbafa36ef428c53a287e76', 'MIT'),
    'aasif': ('buildwithaasif/mcp-security-toolkit', 'c806bff08a30a0c9e63cd6b0eefb446686784a56', 'MIT (README)'),
    'serhan': ('7serhan/mcp-audit', 'e002970eec1b3b59dc3bf2cc12a6587a80d727c9', 'MIT'),
    'effect': ('pterbsgame-netizen/mcp-guard', '065d6f7736077055650a9bbdeab8d9847a0796a8', 'MIT'),
    'danush': ('Danush-Aries/mcp-sentinel', 'f48389c39aabc4d0c33ac50f0ac81aa7e76780d6', 'MIT'),
    'arun': ('arunmm8335/mcp-guard', '711dad96b1899ebf43066a5c46f12a6a135622a9', 'MIT'),
    'aryan': ('aryan877/mcp-guardian', '2d916477307dfb5fb2c3215be7b6d770a4d0c696', 'MIT'),
    'hexis': ('Noumenon-ai/hexis-mcp-guard', 'd1f5ce0f97337e71a476fa0ab0ab2d9feac71e66', 'MIT'),
    'velox': ('veloxlabsio/mcp-audit', 'b254a73033bef57386e4b86ae5fe8a911695e32e', 'MIT'),
    'pooja': ('poojakira/mcp-security-gateway-monitor', 'ff0d153faa4902b2713aba963be972281d1f02f3', 'MIT'),
    'chai': ('chaaiitanya/mcp-audit', '93af045ba940aefe98f69b627310c079d03ecdbb', 'MIT'),
    'aself': ('aself101/mcp-security', 'd06104688af6744f9611701a809fdfc1b3f5138c', 'MIT'),
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
           'source': 'r39/' + SRC[key][0].replace('/', '__'), 'repo': SRC[key][0], 'owner': owner,
           'path': path, 'labelkind': 'tool', 'kind': kind,
           'category': 'r39/%s/%s' % (owner, kind if label else 'benign')}
    if isinstance(t.get('inputSchema'), dict):
        out['inputSchema'] = t['inputSchema']
    return out


# ---- Go ----

GO_LIT = b32.GO_LIT
GO_RUNE = r'string\(rune\((0x[0-9a-fA-F]+|\d+)\)\)'


def go_expr(src, pos=0):
    """(value, end) of a Go string expression at pos: literals and string(rune(N)) joined by '+'."""
    parts = []
    while True:
        m = re.match(r'\s*(' + GO_LIT + r')', src[pos:])
        r = re.match(r'\s*' + GO_RUNE, src[pos:])
        if m:
            parts.append(b32.go_string(m.group(1)))
        elif r:
            parts.append(chr(int(r.group(1), 0)))
        else:
            break
        pos += (m or r).end()
        p = re.match(r'\s*\+', src[pos:])
        if not p:
            break
        pos += p.end()
    if not parts:
        raise ValueError('no Go string expression at %d' % pos)
    return ''.join(parts), pos


def go_string_list(body, var):
    """Elements of `var := []string{...}` (comments skipped)."""
    m = re.search(r'\b' + var + r'\s*:=\s*\[\]string\{', body)
    end = b32.go_close(body, m.end() - 1)
    block, out, j = body[m.end():end - 1], [], 0
    while j < len(block):
        lit = re.match(GO_LIT, block[j:])
        if lit:
            v, e = go_expr(block, j)
            out.append(v)
            j = e
            continue
        if block.startswith('//', j):
            j = block.find('\n', j) if '\n' in block[j:] else len(block)
            continue
        j += 1
    return out


# ---- sources ----

def warden():
    import yaml
    out = []
    d = 'src/warden/benchmark/corpus/'
    for f in ('tool_poisoning.yaml', 'advanced_evasion.yaml', 'descriptor_tampering.yaml', 'benign.yaml'):
        for c in yaml.safe_load(show('warden', d + f))['cases']:
            desc = c.get('descriptor')
            if not isinstance(desc, dict):
                continue
            t = {'name': desc['name'], 'description': desc['description']}
            if c.get('inject_hidden_unicode'):
                # the authors' loader (attacks.py, _smuggle_unicode): spaces become U+200B
                t['description'] = '\u200b'.join(t['description'].split(' '))
            if isinstance(desc.get('input_schema'), dict):
                t['inputSchema'] = desc['input_schema']
            where = '%s%s#%s' % (d, f, c['id'])
            if c['stage'] == 'ingest' and c['expect'] in ('block', 'flag'):
                out.append(item('warden', t, 1, where, c['category']))
            elif c['stage'] == 'swap' and c['id'] == 'DT-02':
                out.append(item('warden', t, 1, where, 'rugpull'))
            elif c['stage'] == 'ingest' and c['expect'] == 'allow' and c['category'] == 'benign':
                out.append(item('warden', t, 0, where, 'benign'))
    p = 'examples/clean_manifest.json'
    for t in json.loads(show('warden', p))['tools']:
        out.append(item('warden', t, 0, p, 'benign'))
    return out


def firat():
    out = []
    p = 'internal/policy/poisoning_test.go'
    f = b34.go_funcs(show('firat', p))
    kinds = {'TestInstructionOverrideIsDetected': 'override', 'TestHiddenInstructionMarkupIsDetected': 'hidden_markup',
             'TestConcealmentIsDetected': 'conceal', 'TestCredentialBaitIsDetected': 'credential',
             'TestExfiltrationIsDetected': 'exfil', 'TestCrossToolInstructionIsDetected': 'shadowing'}
    for d in go_string_list(f['TestHonestDescriptionsAreNotFlagged'], 'honest'):
        out.append(item('firat', {'name': 'echo', 'description': d}, 0, p + '#TestHonestDescriptionsAreNotFlagged', 'benign'))
    for fn, kind in kinds.items():
        for d in go_string_list(f[fn], 'cases'):
            out.append(item('firat', {'name': 'echo', 'description': d}, 1, '%s#%s' % (p, fn), kind))
    for fn in ('TestInvisibleCharactersAreDetected', 'TestRightToLeftOverrideIsDetected'):
        m = re.search(r'\bhidden\s*:=\s*', f[fn])
        out.append(item('firat', {'name': 'echo', 'description': go_expr(f[fn], m.end())[0]}, 1, '%s#%s' % (p, fn), 'unicode'))
    fn = 'TestFindingNamesTheToolAndRule'
    m = re.search(r'Name:\s*(' + GO_LIT + r'),\s*Description:\s*', f[fn])
    out.append(item('firat', {'name': b32.go_string(m.group(1)), 'description': go_expr(f[fn], m.end())[0]}, 1,
                    '%s#%s' % (p, fn), 'conceal'))
    for fn in ('TestEngineFlagsPoisonedToolList', 'TestEngineCanFlagBothRugPullAndPoisoning', 'TestPoisoningCanBeTurnedOff'):
        for m in re.finditer(r'"name":\s*(' + GO_LIT + r'),\s*"description":\s*', f[fn]):
            t = {'name': b32.go_string(m.group(1)), 'description': go_expr(f[fn], m.end())[0]}
            var = re.findall(r'(\w+), err := json\.Marshal\(', f[fn][:m.start()])[-1]
            clean = var == 'clean'   # the baseline of the rug-pull-and-poisoning test
            out.append(item('firat', t, 0 if clean else 1, '%s#%s' % (p, fn), 'benign' if clean else 'injection'))
    p = 'internal/policy/rugpull_test.go'
    f = b34.go_funcs(show('firat', p))
    fn = 'TestChangedDescriptionIsDetected'
    calls = [m for m in re.finditer(r'\btool\(\s*(' + GO_LIT + r')\s*,\s*', f[fn])]
    last = calls[-1]
    out.append(item('firat', {'name': b32.go_string(last.group(1)), 'description': go_expr(f[fn], last.end())[0]}, 1,
                    '%s#%s' % (p, fn), 'rugpull'))
    fn = 'TestEngineFlagsARugPullOnAToolsListResponse'
    name = re.search(r'func toolsListEvent\(.*?"name":\s*(' + GO_LIT + r')', show('firat', p), re.S).group(1)
    for var, lab in (('original', 0), ('changed', 1)):
        m = re.search(r'\b' + var + r'\s*:=\s*toolsListEvent\(', f[fn])
        out.append(item('firat', {'name': b32.go_string(name), 'description': go_expr(f[fn], m.end())[0]}, lab,
                        '%s#%s.%s' % (p, fn, var), 'rugpull' if lab else 'benign'))
    return out


def _pyfuncs(src):
    return {n.name: n for n in ast.walk(ast.parse(src)) if isinstance(n, ast.FunctionDef)}


def _const(n):
    return n.value if isinstance(n, ast.Constant) and isinstance(n.value, str) else None


def agw():
    out = []
    p = 'tests/test_scanner.py'
    f = _pyfuncs(show('agw', p))
    kinds = {'detect_prompt_injection': 'injection', 'detect_data_exfiltration': 'exfil',
             'detect_cross_tool_manipulation': 'shadowing', 'detect_invisible_characters': 'unicode'}
    for fn, node in f.items():
        if not fn.startswith('test_'):
            continue
        for c in ast.walk(node):
            if not isinstance(c, ast.Call):
                continue
            callee = ast.unparse(c.func)
            if callee in kinds and fn.endswith('_detected') and len(c.args) == 2:
                d = _const(c.args[1])
                if d is not None:
                    out.append(item('agw', {'name': _const(c.args[0]), 'description': d}, 1, '%s#%s' % (p, fn), kinds[callee]))
            elif callee == 'scanner.scan_tool' and fn in ('test_risk_scoring', 'test_safe_tool_passes'):
                lab = int(fn == 'test_risk_scoring')
                out.append(item('agw', {'name': _const(c.args[0]), 'description': _const(c.args[1])}, lab,
                                '%s#%s' % (p, fn), 'injection' if lab else 'benign'))
    node = f['test_full_malicious_server_scan']
    tools = [ast.literal_eval(a.value) for a in ast.walk(node)
             if isinstance(a, ast.Assign) and ast.unparse(a.targets[0]) == 'tools'][0]
    for t in tools:
        if t['name'] == 'run_diagnostics':
            continue
        lab = int(t['name'] != 'format_text')
        out.append(item('agw', t, lab, p + '#test_full_malicious_server_scan', 'malicious_server' if lab else 'benign'))
    for fn, names in (('test_firewall_policy_blocks_tool_in_scan', ('good_tool',)),
                      ('test_audit_log_includes_gateway_identity', ('test_tool',))):
        for d in ast.walk(f[fn]):
            if isinstance(d, ast.Dict):
                try:
                    t = ast.literal_eval(d)
                except ValueError:
                    continue
                if t.get('name') in names and isinstance(t.get('description'), str):
                    out.append(item('agw', t, 0, '%s#%s' % (p, fn), 'benign'))
    return out


def _decorated_tools(src):
    """[(lineno, name, docstring)] of functions decorated with ...tool()."""
    out = []
    for n in ast.walk(ast.parse(src)):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
                re.search(r'\btool\b', ast.unparse(d)) for d in n.decorator_list):
            out.append((n.lineno, n.name, ast.get_docstring(n) or ''))
    return sorted(out)


def eric():
    out = []
    p = 'fixtures/evil_server.py'
    for _, name, doc in _decorated_tools(show('eric', p)):
        if name in ('add', 'search', 'summarize'):
            out.append(item('eric', {'name': name, 'description': doc}, 1, p, 'injection'))
    p = 'tests/test_detectors.py'
    for fn, node in _pyfuncs(show('eric', p)).items():
        if fn.startswith('test_poisoning_fires'):
            lab, kind = 1, 'exfil'
        elif fn.startswith('test_intent_flow_fires'):
            lab, kind = 1, 'injection'
        elif '_quiet_on_' in fn:
            lab, kind = 0, 'benign'
        else:
            continue
        for c in ast.walk(node):
            if isinstance(c, ast.Call) and ast.unparse(c.func) == 'ToolInfo':
                kw = {k.arg: _const(k.value) for k in c.keywords}
                if kw.get('name') and kw.get('description'):
                    out.append(item('eric', kw, lab, '%s#%s' % (p, fn), kind))
    return out


def ookini():
    out = []
    for p in ls('ookini', 'test_cases'):
        c = json.loads(show('ookini', p))
        kind = re.sub(r'^\d+_|\.json$', '', os.path.basename(p))
        if 'second_call_description' in c:
            t = {'name': c['functions'][0]['name'], 'description': c['second_call_description']}
            out.append(item('ookini', t, 1, p + '#second_call_description', kind))
        else:
            out.append(item('ookini', {'name': c['name'], 'description': c['description']}, 1, p, kind))
    p = 'benchmarks/benign/normal_tool.json'
    c = json.loads(show('ookini', p))
    out.append(item('ookini', {'name': c['name'], 'description': c['description']}, 0, p, 'benign'))
    return out


def aasif():
    out = []
    p = 'evil_mcp/evil_server.py'
    src = show('aasif', p)
    sections = [(i + 1, m.group(1)) for i, l in enumerate(src.split('\n'))
                for m in [re.match(r'# === (.+?) ===\s*$', l)] if m]
    lab = {'INNOCENT TOOLS': (0, 'benign'), 'MALICIOUS TOOLS': (1, 'injection'), 'TOOL SHADOWING': (1, 'shadowing')}
    for line, name, doc in _decorated_tools(src):
        sec = [s for ln, s in sections if ln < line][-1]
        if sec in lab:
            out.append(item('aasif', {'name': name, 'description': doc}, lab[sec][0], '%s#%s' % (p, sec), lab[sec][1]))
    p = 'evil_capabilities/tool_discovery_attack.py'
    for n in ast.walk(ast.parse(show('aasif', p))):
        if isinstance(n, ast.Assign) and ast.unparse(n.targets[0]) == 'POISONED_DISCOVERY':
            for e in ast.literal_eval(n.value):
                par = e['capability'].get('params', {})
                if isinstance(par.get('description'), str) and par.get('tool_name'):
                    out.append(item('aasif', {'name': par['tool_name'], 'description': par['description']}, 1,
                                    p + '#POISONED_DISCOVERY', 'exfil'))
    return out


def serhan():
    out = []
    p = 'tests/unit/scanners/prompt-injection.test.ts'
    for pos, title, body in b34.js_tests(show('serhan', p), 'it'):
        where = '%s#%s' % (p, title)
        if title.startswith('detects'):
            kind = 'unicode' if 'unicode' in title else 'injection'
            out += [item('serhan', t, 1, where, kind) for t in b34.js_objects(body)]
        elif title.startswith('passes clean'):
            out += [item('serhan', t, 0, where, 'benign') for t in b34.js_objects(body)]
    p = 'tests/fixtures/vulnerable-server/index.ts'
    out += [item('serhan', t, 1, p + '#evil_tool', 'injection') for t in b34.js_objects(show('serhan', p))
            if t['name'] == 'evil_tool']
    return out


def effect():
    out = []
    p = 'internal/probe/probe_test.go'
    src = show('effect', p)
    name = b32.go_string(re.search(r'func marshalTool\(.*?"name":\s*(' + GO_LIT + r')', src, re.S).group(1))
    for var, lab in (('cleanDescription', 0), ('poisonedDescription', 1)):
        m = re.search(r'const ' + var + r'\s*=\s*', src)
        out.append(item('effect', {'name': name, 'description': go_expr(src, m.end())[0]}, lab,
                        '%s#%s' % (p, var), 'rugpull' if lab else 'benign'))
    p = 'internal/proxy/proxy_test.go'
    body = b34.go_funcs(show('effect', p))['TestEnforceBlocksChangedTool']
    name = b32.go_string(re.search(r'Name:\s*(' + GO_LIT + ')', body).group(1))
    for var, lab in (('approvedDesc', 0), ('poisonedDesc', 1)):
        m = re.search(r'const ' + var + r'\s*=\s*', body)
        out.append(item('effect', {'name': name, 'description': go_expr(body, m.end())[0]}, lab,
                        '%s#TestEnforceBlocksChangedTool.%s' % (p, var), 'rugpull' if lab else 'benign'))
    p = 'corpus/attack/tool-shadowing.txt'
    m = re.search(r'Description of the (\w+) tool:\n\n(.*)', show('effect', p), re.S)
    out.append(item('effect', {'name': m.group(1), 'description': m.group(2).strip()}, 1, p, 'shadowing'))
    return out


def danush():
    out = []
    for p, lab in (('tests/fixtures/poisoned_settings.json', 1), ('tests/fixtures/clean_settings.json', 0)):
        for srv in json.loads(show('danush', p))['mcpServers'].values():
            for t in srv.get('tools', []):
                out.append(item('danush', {'name': t['name'], 'description': t['description']}, lab, p,
                                'injection' if lab else 'benign'))
    p = 'tests/test_rules.py'
    node = _pyfuncs(show('danush', p))['test_poisoning_invisible_unicode']
    for a in ast.walk(node):
        if isinstance(a, ast.Compare) and isinstance(a.comparators[0], ast.Call):
            inner = [c for c in ast.walk(a.comparators[0])
                     if isinstance(c, ast.Call) and ast.unparse(c.func) == '_target_with_tool']
            kw = {k.arg: _const(k.value) for k in inner[0].keywords}
            lab = int(isinstance(a.ops[0], ast.In))
            out.append(item('danush', {'name': kw.get('name') or 't', 'description': kw['desc']}, lab,
                            p + '#test_poisoning_invisible_unicode', 'unicode' if lab else 'benign'))
    return out


def _server_tools(src):
    """`server.tool(<name literal>, <description expression>, ...)` calls, in order."""
    out = []
    for m in re.finditer(r'\bserver\.tool\(\s*(' + b34.JS_LIT + r')\s*,\s*', src):
        try:
            d = b34.js_expr(src, m.end())[0]
        except ValueError:
            continue
        out.append({'name': b34.js_unquote(m.group(1)), 'description': d})
    return out


def arun():
    out = []
    for d, lab in (('poisoned-server', 1), ('benign-server', 0), ('false-positive-server', 0), ('npm-style-server', 0)):
        for p in ls('arun', 'test/fixtures/' + d):
            if p.endswith('.js'):
                out += [item('arun', t, lab, p, 'injection' if lab else 'benign') for t in _server_tools(show('arun', p))]
    return out


def aryan():
    out = []
    p = 'demo/malicious-server/index.ts'
    src = show('aryan', p)
    kinds = (('prompt injection:', 'injection'), ('tool shadowing:', 'shadowing'), ('tells LLM', 'privilege'))
    for m in re.finditer(r'^// (.*)\nconst \w+ = \{\s*name:\s*(' + b34.JS_LIT + r'),\s*description:\s*', src, re.M):
        kind = [k for s, k in kinds if s in m.group(1)]
        if kind:
            t = {'name': b34.js_unquote(m.group(2)), 'description': b34.js_expr(src, m.end())[0]}
            out.append(item('aryan', t, 1, '%s#%s' % (p, t['name']), kind[0]))
    return out


def hexis():
    out = []
    p = 'vulnservers/prompt_injection_server.py'
    tree = ast.parse(show('hexis', p))
    env = {ast.unparse(n.targets[0]): n.value for n in tree.body if isinstance(n, ast.Assign)}
    for e in env['TOOLS'].elts:
        t = ast.literal_eval(env[e.id] if isinstance(e, ast.Name) else e)
        kind = 'unicode' if any(ord(c) in (0x200b, 0x200c, 0x200d, 0x2060, 0xfeff) for c in t['description']) else 'injection'
        out.append(item('hexis', t, 1, p + '#TOOLS', kind))
    return out


def velox():
    out = []
    p = 'vulnerable_mcp/server.py'
    src = show('velox', p)
    for n in ast.walk(ast.parse(src)):
        if isinstance(n, ast.Call) and ast.unparse(n.func) == 'types.Tool':
            above = '\n'.join(src.split('\n')[max(0, n.lineno - 6):n.lineno - 1])
            if 'Planted vuln #1 ' in above:
                kw = {k.arg: k.value for k in n.keywords}
                t = {'name': _const(kw['name']), 'description': _const(kw['description'])}
                out.append(item('velox', t, 1, p + '#planted-vuln-1', 'hidden_ansi'))
    return out


def pooja():
    out = []
    p = 'tests/test_advanced_manifest.py'
    f = _pyfuncs(show('pooja', p))
    for fn, lab in (('sample_manifest', 0), ('test_description_drift_detected', 1)):
        for c in ast.walk(f[fn]):
            if isinstance(c, ast.Call) and ast.unparse(c.func) == 'ToolManifest':
                kw = {k.arg: _const(k.value) for k in c.keywords}
                out.append(item('pooja', {'name': kw['tool_name'], 'description': kw['description']}, lab,
                                '%s#%s' % (p, fn), 'rugpull' if lab else 'benign'))
    return out


def chai():
    out = []
    p = 'tests/test_checks/test_mcp005.py'
    f = _pyfuncs(show('chai', p))
    for fn, lab in (('test_poisoned_schema_description', 1), ('test_clean_schema', 0)):
        for d in ast.walk(f[fn]):
            if isinstance(d, ast.Dict) and {_const(k) for k in d.keys} == {'name', 'description'}:
                out.append(item('chai', ast.literal_eval(d), lab, '%s#%s' % (p, fn), 'injection' if lab else 'benign'))
    return out


def aself():
    out = []
    for p in ls('aself', 'cookbook'):
        if re.search(r'/src/.*\.ts$', p) and '/test' not in p:
            out += [item('aself', t, 0, p, 'benign') for t in _server_tools(show('aself', p))]
    return out


def build():
    return (warden() + firat() + agw() + eric() + ookini() + aasif() + serhan() + effect() + danush()
            + arun() + aryan() + hexis() + velox() + pooja() + chai() + aself())


def main():
    global MIRROR
    ap = argparse.ArgumentParser()
    ap.add_argument('--mirror', default='/work/.mirror')
    ap.add_argument('--prev', action='append', default=None)
    ap.add_argument('--repo', default='/work/main')
    ap.add_argument('--out', default='/tmp/r39p/sets')
    ap.add_argument('--allow-missing', action='store_true', help='trial build without every earlier set')
    ap.add_argument('--drop-owner', action='append', default=[], help='leave out every item of this owner')
    a = ap.parse_args()
    MIRROR = a.mirror
    prevs = a.prev or ['/tmp/poison-eval', '/tmp/r32/sets', '/tmp/r33/sets', '/tmp/r34p/sets', '/tmp/r104/sets']
    missing = [d for d in prevs if not glob.glob(os.path.join(d, '**', '*.jsonl'), recursive=True)]
    if missing and not a.allow_missing:
        raise SystemExit('earlier sets missing (rebuild them first, or --allow-missing for a trial): %s' % missing)
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
                    # poisoning sets carry `description`; injection sets (round 104's) carry `text`
                    v = o.get('description') if isinstance(o.get('description'), str) else o.get('text')
                    s = v.strip() if isinstance(v, str) else ''
                    seen.add(s)
                    if s:
                        prev_texts.append(b32._norm(s))
                    if isinstance(o.get('inputSchema'), dict):
                        seen.add(s + '\x00' + json.dumps(o['inputSchema'], sort_keys=True))
    prev_blob = '\x00'.join(prev_texts)
    prev_grams = set()
    for s in prev_texts:
        prev_grams |= b34.grams(s)
    cdescs, ctext = b32.committed(a.repo)
    mine = set()
    for t in build():
        if t['owner'] in a.drop_owner:
            continue
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
