#!/usr/bin/env python3
"""Round 22: poisoned and benign tools of thirteen repositories not used before.

Reads bare mirrors (/work/.mirror/OWNER+NAME/repo, from the library's `fetch`) at
pinned commits, writes /tmp/poison-eval/r22/r22_all.jsonl, then splits it by
repository into r22_tune.jsonl and r22_heldout.jsonl. Texts are written, never
printed. Labels come from the authors' own structure (per tool, `labelkind`
"tool"), never from Warden's output:

  punchfan01/BeyondToolPoisoning (LICENSE file): server/active/*/*_desc.py, the
    description-based variants the README calls the attack -> 1; the *_resp
    variants (attack in the response) and the passive servers (attack in code)
    are left out, except file_exfiltration's `health_check` -> 0.
  Vibe-Coding-Nights/offensive-security (no licence: evaluation only):
    devkit-mcp/src/descriptions/stealth.ts; WORKSHOP.md marks
    `deployment_validator` and `config_scanner` POISONED -> 1 (a credential
    grab written as ordinary capability text), `release_notes` benign -> 0.
  theshubhamgoel/mcp-attacks (no licence): malicious_tool_demo.py `calculate` -> 1.
  shruti-datta-gupta/mcp-ctf (no licence): 03-looks-legit-to-me, README "one
    tool's description may contain instructions" -> `search_docs` 1, the
    challenge's other tools 0; 01-oops-that-was-private's tools (an access-
    control challenge, descriptions honest) -> 0. 04 (attack in the name), 02,
    05, 06 (attacks in code or output) left out.
  mdatikshahriar/mcp-attack-demo-spring (no licence): server WeatherService.java
    `searchLocation` (its DESCRIPTION_SEARCH_LOCATION, the README's instruction
    poisoning) -> 1; the other weather tools and MathTools -> 0.
  ivannafigueroa/mcp-vulnerabilities (no licence): tools/search_vendor.py
    ("Tool Poisoning Attacks") and tools/generate_summary.py ("hidden
    instructions ... ANSI") DESCRIPTION -> 1; post_product_update (consent
    fatigue) and update_price (rug pull in code) left out.
  huangyingting/genai-security (no licence): mcp/tool_poisoning.py `add`,
    mcp/tool_shadowing.py `shadowing` -> 1; `send_email`, `read_file`,
    indirect_injection's `process_document` (attack in data), rce's
    `calculate` (attack in code, description honest) -> 0.
  stevengonsalvez/mcp-ethicalhacks (no licence): src/server.ts, README "1. Shadowing
    Attack" `get_random_engineering_fact` and "2. Tool Poisoning"
    `get_filesystem_metadata` -> 1 (the other tools attack in code: left out).
  canyonroad/agentsh-mcp-protection-demo (no licence): servers/*/main.go, the
    comments' "Modified fetch_url" (rug pull) and "Poisoned tool" -> 1; the original
    fetch_url, send_email, list_notes, read_note -> 0; the same-name shadow
    list_notes (attack in the name) left out.
  mcpredteam/mcp-redteam-junit (Apache-2.0): examples/scan-only NotesToolCatalog's
    `poisonedExport` and PoisonedVendorTest's `render_pdf` -> 1; the catalogue's
    other tools (incl. the reworded search, the new archive tool) -> 0.
  adudley78/mcp-audit (Apache-2.0): semgrep-rules/tests, python/vulnerable/
    poisoning_examples.py's `# ruleid:` description strings and typescript/poisoning/
    */vulnerable tools -> 1, */safe tools -> 0.
  rodolfboctor/mcp-scan (MIT): tests/scanners/tool-poisoning-scanner.test.ts, each
    test's description (every one expects a finding) -> 1; the name-shadowing test
    (attack in the name) left out.
  sumododda/mcp-scanner (no licence): backend/tests/checkers/test_tool_poisoning.py,
    constant descriptions of the tests asserting a finding on them -> 1, of the clean
    and false-positive tests -> 0 (SUMO_POS, SUMO_NEG); tests about parameters,
    prompts, resources and scanner plumbing, and descriptions built in loops, left out.

Looked at and not used: Tomby68/mcp-vulnerabilities (copies of
damn-vulnerable-MCP-server, already used), Rohitberiwala/Claude-Code-MCP-
Injection-PoC (attack in code), erenmyeager15/mcp-trust-rug-pull-monitor,
Semih702/mcp-security-lab, ChetanMadadi, ipninichuck, avivjan, ashengstd,
MehrdadRS95, JayRaj21, buddyp450, AviLewis, sekrdcom, exit1100, bishnubista,
swa34, GTU-CyberAI, marcusee, luckyPipewrench/pipelock (no poisoned tool
definitions with per-tool labels in reach, or attacks outside descriptions).

Items whose description already occurs in an earlier set under /tmp/poison-eval
are dropped (exact match); duplicates within the round are dropped.

Split (fixed before any scoring): repositories sorted by name, shuffled with
random.Random(22); each in turn goes to the half with fewer poisoned tools so
far (ties: held out), as in round 13. r22_heldout_small is the held-out half without
sumododda/mcp-scanner (18 of its 26 poisoned tools are one scanner's unit-test strings).

Usage: python3 build_r22.py [--mirror /work/.mirror] [--out /tmp/poison-eval]
"""
import argparse
import hashlib
import importlib.util
import json
import os
import random
import re
import subprocess
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('b14', os.path.join(HERE, 'build_round14.py'))
b14 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(b14)


def _js_unquote(lit):
    """build_round14's JS unquoting, with \\uXXXX and \\xXX escapes decoded (round 14's
    helper dropped the backslash and kept the digits; found on a tune item after scoring)."""
    body = lit[1:-1]
    return re.sub(r'\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)',
                  lambda m: chr(int(m.group(1)[1:], 16)) if len(m.group(1)) > 1
                  else {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), body)


b14._js_unquote = _js_unquote

SRC = {
    'beyond': ('punchfan01/BeyondToolPoisoning', '6438a2f'),
    'devkit': ('Vibe-Coding-Nights/offensive-security', '2264f5a'),
    'shubham': ('theshubhamgoel/mcp-attacks', '42e49a0'),
    'ctf': ('shruti-datta-gupta/mcp-ctf', 'a6b7f5d'),
    'spring': ('mdatikshahriar/mcp-attack-demo-spring', '9326237'),
    'ivanna': ('ivannafigueroa/mcp-vulnerabilities', '3fcecaa'),
    'huang': ('huangyingting/genai-security', 'ed59eff'),
    'steven': ('stevengonsalvez/mcp-ethicalhacks', 'f4c6f77'),
    'canyon': ('canyonroad/agentsh-mcp-protection-demo', '006bd5a'),
    'redteam': ('mcpredteam/mcp-redteam-junit', 'cd35fd7'),
    'adudley': ('adudley78/mcp-audit', '6e8836f'),
    'rodolf': ('rodolfboctor/mcp-scan', 'c58a9e9'),
    'sumo': ('sumododda/mcp-scanner', '5770a8a'),
}


def show(mirror, key, path):
    repo, commit = SRC[key]
    git = os.path.join(mirror, repo.replace('/', '+'), 'repo')
    return subprocess.run(['git', '--git-dir', git, 'show', commit + ':' + path],
                          capture_output=True, text=True, check=True).stdout


def item(key, t, label, path):
    out = {'name': t['name'], 'description': t['description'], 'label': label,
           'source': 'r22/' + SRC[key][0].split('/')[1], 'repo': SRC[key][0],
           'path': path, 'labelkind': 'tool', 'category': 'r22'}
    if t.get('inputSchema'):
        out['inputSchema'] = t['inputSchema']
    return out


def pick(key, tools, path, labels):
    """labels: tool name -> label; tools not named are left out; first of a name wins."""
    out, seen = [], set()
    for t in tools:
        if t['name'] in labels and t['name'] not in seen:
            seen.add(t['name'])
            out.append(item(key, t, labels[t['name']], path))
    return out


def java_string(lit):
    """A Java string literal or text block, escapes and common indentation resolved."""
    if lit.startswith('"""'):
        body = textwrap.dedent(lit[3:-3].lstrip('\n'))
    else:
        body = lit[1:-1]
    body = re.sub(r'\\u([0-9a-fA-F]{4})', lambda m: chr(int(m.group(1), 16)), body)
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), body)


JAVA_LIT = r'"""(?:.|\n)*?"""|"(?:[^"\\\n]|\\.)*"'


def java_tools(src):
    """Spring AI @Tool methods: description literal or constant, @ToolParam descriptions."""
    consts = {m.group(1): java_string(m.group(2)) for m in re.finditer(
        r'static final String (\w+)\s*=\s*(' + JAVA_LIT + r')\s*;', src)}
    out = []
    for m in re.finditer(r'@Tool\(\s*description\s*=\s*(' + JAVA_LIT + r'|\w+)\s*\)', src):
        v = m.group(1)
        desc = consts.get(v) if re.fullmatch(r'\w+', v) else java_string(v)
        sig = re.search(r'public\s+[\w.]+(?:<[^>]*>)?\s+(\w+)\s*\(([^{]*)\{', src[m.end():])
        if not desc or not sig:
            continue
        props = {}
        for p in re.finditer(r'@ToolParam\(\s*description\s*=\s*(' + JAVA_LIT + r')\s*\)\s*[\w<>]+\s+(\w+)',
                             sig.group(2)):
            props[p.group(2)] = {'type': 'string', 'description': java_string(p.group(1))}
        t = {'name': sig.group(1), 'description': desc}
        if props:
            t['inputSchema'] = {'type': 'object', 'properties': props}
        out.append(t)
    return out


def ts_object_tools(src):
    """Tools written as `key: { name: '...', description: `...`, inputSchema: {...} }`
    with property descriptions joined by '+' (devkit-mcp's stealth.ts)."""
    out = []
    starts = [m for m in re.finditer(r"\n  (\w+): \{\n    name: '(\w+)'", src)]
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(src)
        block = src[m.start():end]
        d = re.search(r'\n    description:\s*', block)
        desc = b14.js_expr(block, d.end(), {})
        props = {}
        for p in re.finditer(r"\n        (\w+): \{\s*type: '(\w+)',\s*description:\s*", block):
            props[p.group(1)] = {'type': p.group(2), 'description': b14.js_expr(block, p.end(), {}) or ''}
        out.append({'name': m.group(2), 'description': desc,
                    'inputSchema': {'type': 'object', 'properties': props}})
    return out


def go_tools(src):
    """Go struct literals `[var x = ]tool{ Name: "...", Description: "...", InputSchema: json.RawMessage(`...`) }`."""
    out = []
    for m in re.finditer(r'(?:var (\w+) = tool)?\{\s*Name:\s*"(\w+)",\s*Description:\s*"((?:[^"\\]|\\.)*)",'
                         r'(?:\s*InputSchema:\s*json\.RawMessage\(`([^`]*)`\))?', src):
        t = {'var': m.group(1) or '', 'name': m.group(2),
             'description': re.sub(r'\\(.)', lambda e: {'n': '\n', 't': '\t'}.get(e.group(1), e.group(1)), m.group(3))}
        if m.group(4):
            try:
                t['inputSchema'] = json.loads(m.group(4))
            except ValueError:
                pass
        out.append(t)
    return out


JAVA_CAT = r'((?:"(?:[^"\\\n]|\\.)*"\s*\+?\s*)+)'


def java_cat(expr):
    return ''.join(java_string(x) for x in re.findall(r'"(?:[^"\\\n]|\\.)*"', expr))


def java_tooldefs(src):
    """mcp-redteam-junit's ToolDefinition.of(server, "name", "desc" + ..., Map.of(...)) and the
    long form new ToolDefinition(server, "name", "title", "desc", ...); `var` is the Java
    variable the definition is assigned to, if any."""
    out = []
    for m in re.finditer(r'(?:(\w+)\s*=\s*)?(?:ToolDefinition\.of|new ToolDefinition)\(\s*(?:\w+|"[^"]*")\s*,\s*"(\w+)"\s*,'
                         r'(?:\s*"[^"]*"\s*,(?=\s*"))?\s*' + JAVA_CAT, src):
        rest = src[m.end():m.end() + 1500]
        rest = rest[:rest.find('ToolDefinition')] if 'ToolDefinition' in rest else rest
        props = {p.group(1): {'type': p.group(2), 'description': java_string(p.group(3))} for p in re.finditer(
            r'"(\w+)",\s*Map\.of\("type",\s*"(\w+)",\s*"description",\s*("(?:[^"\\\n]|\\.)*")\)', rest)}
        out.append({'var': m.group(1) or '', 'name': m.group(2), 'description': java_cat(m.group(3)),
                    'inputSchema': {'type': 'object', 'properties': props}})
    return out


def js_test_descriptions(src):
    """Per `it(...)` block of a vitest file: (title, description expression value)."""
    src = re.sub(r"""'(\s)'\.repeat\((\d+)\)""", lambda m: "'" + m.group(1) * int(m.group(2)) + "'", src)
    out = []
    for m in re.finditer(r"""\bit\(\s*'([^']*)'""", src):
        d = re.search(r'\bdescription\s*:\s*', src[m.end():m.end() + 1200])
        if d:
            v = b14.js_expr(src, m.end() + d.end(), {})
            if v:
                out.append((m.group(1), v))
    return out


def py_test_tools(src):
    """Calls with a constant description= inside test functions: (function, tool)."""
    out = []
    for fn in b14.ast.walk(b14.ast.parse(src)):
        if not isinstance(fn, (b14.ast.FunctionDef, b14.ast.AsyncFunctionDef)):
            continue
        for n in b14.ast.walk(fn):
            if isinstance(n, b14.ast.Call):
                kw = {k.arg: k.value for k in n.keywords if k.arg}
                d = b14._const(kw.get('description')) if 'description' in kw else None
                if not d:
                    continue
                t = {'name': b14._const(kw.get('name')) or fn.name, 'description': d}
                try:
                    sch = b14.ast.literal_eval(kw['input_schema'] if 'input_schema' in kw else kw['inputSchema'])
                    if isinstance(sch, dict):
                        t['inputSchema'] = sch
                except Exception:
                    pass
                out.append((fn.name, t))
    return out


# sumododda/mcp-scanner's tests whose tool description is the subject: the ones asserting a
# finding on the description -> 1, the clean and false-positive tests -> 0; tests about
# parameters, prompts, resources, source locations or scanner plumbing are left out.
SUMO_POS = {'test_xml_tag_detected', 'test_instruction_phrase_detected', 'test_excessive_whitespace_detected',
            'test_html_comment_detected', 'test_urgency_manipulation_detected', 'test_invisible_unicode_detected',
            'test_steganographic_invisible_chars', 'test_ansi_escape_detected', 'test_path_traversal_detected',
            'test_hex_encoding_detected', 'test_invariant_labs_poc', 'test_unicode_tags_block_detected',
            'test_braille_blank_detected', 'test_social_engineering_in_description',
            'test_task_manipulation_in_description', 'test_ml_classifier_creates_finding_for_injection',
            'test_homoglyph_evasion_detected', 'test_bidi_override_detected'}
SUMO_NEG = {'test_clean_tool_no_findings', 'test_clean_complex_tool_no_anomaly', 'test_false_positive_file_manager',
            'test_false_positive_email_tool', 'test_false_positive_database_tool',
            'test_legitimate_tool_no_shell_false_positive', 'test_before_using_tool_no_false_positive',
            'test_clean_tool_no_normalization_findings'}


def build(mirror):
    out = []
    for p, labels in [('server/active/code_augmentation/code_augmentation_desc.py', {'modify_code_desc': 1}),
                      ('server/active/image_steganography/image_steganography_desc.py',
                       {'convert_png_to_jpeg_desc': 1}),
                      ('server/active/url_substitution/url_substitution_desc.py', {'recommend_url_desc': 1}),
                      ('server/passive/file_exfiltration/file_exfiltration.py', {'health_check': 0})]:
        out += pick('beyond', b14.py_tools(show(mirror, 'beyond', p)), p, labels)
    p = 'devkit-mcp/src/descriptions/stealth.ts'
    out += pick('devkit', ts_object_tools(show(mirror, 'devkit', p)), p,
                {'deployment_validator': 1, 'config_scanner': 1, 'release_notes': 0})
    p = 'malicious_tool_demo.py'
    out += pick('shubham', b14.py_tools(show(mirror, 'shubham', p)), p, {'calculate': 1})
    p = '03-looks-legit-to-me/challenge.py'
    out += pick('ctf', b14.py_tools(show(mirror, 'ctf', p)), p,
                {'search_docs': 1, 'list_categories': 0, 'get_article': 0, 'get_help_topic': 0,
                 'get_system_report': 0})
    p = '01-oops-that-was-private/challenge.py'
    out += [item('ctf', t, 0, p) for t in b14.py_tools(show(mirror, 'ctf', p))]
    p = 'server/src/main/java/com/example/server/service/WeatherService.java'
    out += [item('spring', t, 1 if t['name'] == 'searchLocation' else 0, p)
            for t in java_tools(show(mirror, 'spring', p))]
    p = 'server/src/main/java/com/example/server/tools/MathTools.java'
    out += [item('spring', t, 0, p) for t in java_tools(show(mirror, 'spring', p))]
    for f, name in [('search_vendor', 'search_vendor'), ('generate_summary', 'generate_summary')]:
        p = 'tools/%s.py' % f
        out.append(item('ivanna', {'name': name, 'description': b14.py_consts(show(mirror, 'ivanna', p))['DESCRIPTION']},
                        1, p))
    for p, labels in [('mcp/tool_poisoning.py', {'add': 1, 'read_file': 0}),
                      ('mcp/tool_shadowing.py', {'shadowing': 1, 'send_email': 0}),
                      ('mcp/indirect_injection.py', {'process_document': 0}),
                      ('mcp/rce.py', {'calculate': 0})]:
        out += pick('huang', b14.py_tools(show(mirror, 'huang', p)), p, labels)
    p = 'src/server.ts'
    out += pick('steven', b14.js_tools(show(mirror, 'steven', p)), p,
                {'get_random_engineering_fact': 1, 'get_filesystem_metadata': 1})
    for p in ['servers/web-server/main.go', 'servers/notes-server/main.go']:
        for t in go_tools(show(mirror, 'canyon', p)):
            if t['var'] == 'shadowListNotes':
                continue
            out.append(item('canyon', t, 1 if t['var'] in ('fetchURLv2', 'poisonedTool') else 0, p + '#' + t['var']))
    for p in ['examples/scan-only/src/test/java/com/example/notes/NotesToolCatalog.java',
              'examples/scan-only/src/test/java/com/example/notes/PoisonedVendorTest.java']:
        for t in java_tooldefs(show(mirror, 'redteam', p)):
            out.append(item('redteam', t, 1 if t['var'] == 'poisonedExport' or t['name'] == 'render_pdf' else 0, p))
    p = 'semgrep-rules/tests/python/vulnerable/poisoning_examples.py'
    src = show(mirror, 'adudley', p)
    for m in re.finditer(r'# ruleid: ([\w-]+)\n(\w+) = r?"([^"]*)"', src):
        out.append(item('adudley', {'name': m.group(2), 'description': m.group(3)}, 1, p + '#' + m.group(1)))
    for rule in ['mcp-ts-description-exfiltration-url', 'mcp-ts-description-obfuscated-content']:
        for part, lab in [('vulnerable', 1), ('safe', 0)]:
            p = 'semgrep-rules/tests/typescript/poisoning/%s/%s/test.ts' % (rule, part)
            out += [item('adudley', t, lab, p) for t in b14.js_tools(show(mirror, 'adudley', p))]
    p = 'tests/scanners/tool-poisoning-scanner.test.ts'
    for title, d in js_test_descriptions(show(mirror, 'rodolf', p)):
        if 'shadowing' in title:
            continue
        out.append(item('rodolf', {'name': 'test-tool', 'description': d}, 1, p + '#' + title))
    p = 'backend/tests/checkers/test_tool_poisoning.py'
    for fn, t in py_test_tools(show(mirror, 'sumo', p)):
        if fn in SUMO_POS or fn in SUMO_NEG:
            out.append(item('sumo', t, 1 if fn in SUMO_POS else 0, p + '#' + fn))
    return out


def split(rows):
    repos = sorted({r['repo'] for r in rows})
    random.Random(22).shuffle(repos)
    npois = {r: sum(t['label'] for t in rows if t['repo'] == r) for r in repos}
    held, tune, hp, tp = set(), set(), 0, 0
    for r in repos:
        if hp <= tp:
            held.add(r)
            hp += npois[r]
        else:
            tune.add(r)
            tp += npois[r]
    return held


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--mirror', default='/work/.mirror')
    ap.add_argument('--out', default='/tmp/poison-eval')
    a = ap.parse_args()
    d = os.path.join(a.out, 'r22')
    seen, kept, dropped = set(), [], 0
    for f in b14.glob.glob(os.path.join(a.out, '**', '*.jsonl'), recursive=True):
        if '/r22/' in f:
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
            continue
        seen.add(s)
        kept.append(t)
    os.makedirs(d, exist_ok=True)
    held = split(kept)
    for name, keep in [('r22_all', lambda r: True), ('r22_tune', lambda r: r['repo'] not in held),
                       ('r22_heldout', lambda r: r['repo'] in held),
                       # the held-out half without its one large scanner test file, so that
                       # one author's unit-test strings do not decide the held-out number alone
                       ('r22_heldout_small', lambda r: r['repo'] in held and r['repo'] != 'sumododda/mcp-scanner')]:
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
            print('   %-60s %2d / %2d' % (r, p, b))
    print('dropped %d (empty or already used)' % dropped)


if __name__ == '__main__':
    main()
