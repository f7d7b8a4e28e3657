#!/usr/bin/env python3
"""Round 12: poisoned and benign tools by other authors not used before.

Reads bare mirrors (/work/.mirror/OWNER+NAME/repo, from the library's `fetch`) at
pinned commits and writes /tmp/poison-eval/r12/r12_heldout.jsonl. Texts are
written, never printed: the whole set is held out (scored once with HEAD and once
with a candidate; errors not read). Labels come from the authors' structure:

  safe-agentic-framework/safe-mcp (Apache-2.0 / CC-BY-4.0), the SAFE-MCP
    framework's detection test logs:
    techniques/SAFE-T1001/test-logs.json (tool poisoning): the label is the
      `expected_detections` dict of the technique's test_detection_rule.py;
    techniques/SAFE-T1008/test-logs.json (tool shadowing): category
      `legitimate_tools` -> 0, every other category -> 1.
  tristanhausermannpernet/mcp-hacking (MIT): README sections: the `add_numbers`
    tools of tool-poisoning-attack/ and tool-shadowing-attack/poisoning-server.py
    -> 1, tool-shadowing-attack/email-server.py `send_email` -> 0. The baiting
    server is left out (its attack is a tool name, both descriptions alike).
  robbarto2/MCP_Tool_Poisoning (no licence: evaluation only): README says
    mcp_server.py "has a poisoned tool"; its tools -> 1 (by file).
  SarveshChandak/MCP-Server-Tool-Poisoning (MIT per README): tool_poisoning.py,
    every tool -> 1 (by file).
  anthonyg-1/mcp-goat (no licence: evaluation only): README VULN-7 (ToolPoisoning)
    `process_user_data` and VULN-8 (PromptInjection) `analyze_document_content`:
    the server/main.py docstrings -> 1, the README's "Remediated Code" docstrings
    of the same tools -> 0. VULN-9 (auth bypass, a capability) left out.

Items whose description already occurs in an earlier set under /tmp/poison-eval are
dropped (exact match). Each item has `labelkind`: "tool" (the authors name the tool)
or "file" (the tool sits in the authors' attack file).

Usage: python3 build_round12.py [--mirror /work/.mirror] [--out /tmp/poison-eval]
"""
import argparse
import ast
import glob
import hashlib
import json
import os
import re
import subprocess

SAFE = ('safe-agentic-framework/safe-mcp', 'd533c803bcb0764370abd91c24b95c652c20afe2')
HACKING = ('tristanhausermannpernet/mcp-hacking', 'b359e16d617805f2c3684c35805acf6eed916a9f')
ROBBARTO = ('robbarto2/MCP_Tool_Poisoning', '609291664518a4725867fb8f9e6f1a0972c513ee')
SARVESH = ('SarveshChandak/MCP-Server-Tool-Poisoning', '7cfd8ff4a2f7bf7914b6ae015bc65ed910a40817')
GOAT = ('anthonyg-1/mcp-goat', '61412a1443203ccbc7255b44eaa4e578e71db737')
GATEKEEPER = ('Aravindargutus/mcp-gatekeeper', 'ddf053017acbf723ba0f509f86453087010527cb')
WATCHTOWER = ('Gowrav-M/agentops-watchtower', '8d78801c62c2db3efa1bb82a26797eb254b0caab')
CIR = ('OluwaseunOlajide/cir-monitor', '80816b28e1c4e4ae5451e9a9559207c1c3fdb60a')
AUDITGUARD = ('MCP-AuditGuard/MCP-AuditGuard', 'e3aec1e2ce2b18a7337e3d52da97a8f778ec9659')
MCPAUDIT = ('richardspicer/mcp-audit', 'abd3e7c5494e76fac0b7575b41838d46c3021d92')
RUNE = ('marcusikk/rune', '5cc067512346476281b37b5e885ce9e16685b205')


def show(mirror, src, path):
    repo, commit = src
    git = os.path.join(mirror, repo.replace('/', '+'), 'repo')
    return subprocess.run(['git', '--git-dir', git, 'show', commit + ':' + path],
                          capture_output=True, text=True, check=True).stdout


def item(name, desc, label, source, kind, schema=None):
    t = {'name': name, 'description': desc, 'label': label, 'source': source,
         'labelkind': kind, 'category': 'r12'}
    if schema:
        t['inputSchema'] = schema
    return t


def safe_mcp(mirror):
    out = []
    py = show(mirror, SAFE, 'techniques/SAFE-T1001/test_detection_rule.py')
    m = re.search(r'expected_detections\s*=\s*(\{.*?\})', py, re.S)
    expected = ast.literal_eval(re.sub(r'#[^\n]*', '', m.group(1)))
    for line in show(mirror, SAFE, 'techniques/SAFE-T1001/test-logs.json').splitlines():
        if line.strip():
            d = json.loads(line)
            out.append(item(d['tool_name'], d['tool_description'],
                            int(expected[d['tool_name']]), 'safe-mcp/T1001', 'tool'))
    logs = json.loads(show(mirror, SAFE, 'techniques/SAFE-T1008/test-logs.json'))
    for cat, entries in logs.items():
        for d in entries:
            if d.get('tool_description'):
                out.append(item(d['tool_name'], d['tool_description'],
                                int(cat != 'legitimate_tools'), 'safe-mcp/T1008', 'tool'))
    return out


def dict_tools(src):
    """Tool objects written as dict literals (name, description[, inputSchema])."""
    out = []
    for n in ast.walk(ast.parse(src)):
        if not isinstance(n, ast.Dict):
            continue
        keys = [k.value if isinstance(k, ast.Constant) else None for k in n.keys]
        if 'name' not in keys or 'description' not in keys:
            continue
        try:
            d = {k: ast.literal_eval(v) for k, v in zip(keys, n.values)
                 if k in ('name', 'description', 'inputSchema')}
        except ValueError:
            continue
        if isinstance(d.get('description'), str):
            out.append(d)
    return out


def decorated_tools(src):
    """Functions decorated with something ending in .tool(), with their docstrings."""
    out = []
    for n in ast.walk(ast.parse(src)):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for d in n.decorator_list:
                f = d.func if isinstance(d, ast.Call) else d
                if getattr(f, 'attr', getattr(f, 'id', '')) == 'tool':
                    out.append({'name': n.name, 'description': ast.get_docstring(n) or ''})
                    break
    return out


def demos(mirror):
    out = []
    for path, label in (('tool-poisoning-attack/poisoning-server.py', 1),
                        ('tool-shadowing-attack/poisoning-server.py', 1),
                        ('tool-shadowing-attack/email-server.py', 0)):
        for t in dict_tools(show(mirror, HACKING, path)):
            out.append(item(t['name'], t['description'], label, 'mcp-hacking', 'tool',
                            t.get('inputSchema')))
    for t in dict_tools(show(mirror, ROBBARTO, 'mcp_server.py')):
        out.append(item(t['name'], t['description'], 1, 'robbarto2', 'file', t.get('inputSchema')))
    for t in decorated_tools(show(mirror, SARVESH, 'tool_poisoning.py')):
        out.append(item(t['name'], t['description'], 1, 'sarveshchandak', 'file'))
    goat = ('process_user_data', 'analyze_document_content')
    for t in decorated_tools(show(mirror, GOAT, 'server/main.py')):
        if t['name'] in goat:
            out.append(item(t['name'], t['description'], 1, 'mcp-goat', 'tool'))
    readme = show(mirror, GOAT, 'README.md')
    for block in re.findall(r'\*\*Remediated Code:\*\*\s*```python\n(.*?)```', readme, re.S):
        try:
            tools = [t for t in decorated_tools(block) if t['name'] in goat]
        except SyntaxError:
            tools = []
        if not tools:  # the remediated block may omit the decorator
            try:
                tree = ast.parse(block)
            except SyntaxError:
                continue
            tools = [{'name': f.name, 'description': ast.get_docstring(f) or ''}
                     for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name in goat]
        for t in tools:
            out.append(item(t['name'], t['description'], 0, 'mcp-goat', 'tool'))
    return out


def json_tools(mirror, src, path):
    d = json.loads(show(mirror, src, path))
    tools = d['tools'] if isinstance(d, dict) else d
    out = []
    for t in tools:
        t = dict(t)
        if 'parameters' in t and 'inputSchema' not in t:
            t['inputSchema'] = t.pop('parameters')
        out.append(t)
    return out


def fixtures(mirror):
    out = []
    for src, bad, good, tag in (
            (GATEKEEPER, 'tests/fixtures/malicious-tools.json', 'tests/fixtures/valid-tools.json', 'mcp-gatekeeper'),
            (WATCHTOWER, 'tests/fixtures/poisoned-tools.json', 'tests/fixtures/mcp-tools.json', 'agentops-watchtower'),
            (CIR, 'tests/fixtures/poisoned_tools.json', 'tests/fixtures/clean_tools.json', 'cir-monitor'),
            (AUDITGUARD, 'tests/fixtures/malicious_tools.json', 'tests/fixtures/benign_tools.json', 'mcp-auditguard')):
        for path, label in ((bad, 1), (good, 0)):
            for t in json_tools(mirror, src, path):
                t.update(label=label, source=tag, labelkind='file', category='r12')
                out.append(t)
    labels = {'get_weather': 1, 'translate_text': 1, 'summarize_doc': 1, 'check_balance': 1,
              'git_diff_staged': 0, 'git_diff_unstaged': 0, 'ping': 0, 'echo': 0}
    for t in decorated_tools(show(mirror, MCPAUDIT, 'fixtures/vulnerable_servers/vuln_tool_poison.py')):
        if t['name'] in labels:
            out.append(item(t['name'], t['description'], labels[t['name']], 'mcp-audit', 'tool'))
    return out + rune(mirror)


def rune(mirror):
    """rune's fixtures pass descriptions as module constants or literals."""
    out = []
    for path, label in (('tests/fixtures/poisoned_server.py', 1),
                        ('tests/fixtures/rug_pull_server.py', None),
                        ('tests/fixtures/clean_server.py', 0)):
        tree = ast.parse(show(mirror, RUNE, path))
        consts = {}
        for n in tree.body:
            if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name):
                v = const_str(n.value, consts)
                if v is not None:
                    consts[n.targets[0].id] = v
        if label is None:  # the rug pull: the pulled text -> 1, the original -> 0
            for k, v in consts.items():
                if isinstance(v, str) and k.startswith('_') and len(v) > 20:
                    out.append(item('sync_notes', v, int('PULL' in k), 'rune', 'tool'))
            continue
        for t in decorated_tools_with_desc(tree, consts):
            out.append(item(t['name'], t['description'], label, 'rune', 'file' if label else 'tool'))
    return out


def const_str(node, consts=None):
    """A string literal, chr(N), an earlier constant, or those joined with +."""
    consts = consts or {}
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return consts.get(node.id)
    if (isinstance(node, ast.Call) and getattr(node.func, 'id', '') == 'chr' and len(node.args) == 1
            and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, int)):
        return chr(node.args[0].value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = const_str(node.left, consts), const_str(node.right, consts)
        if a is not None and b is not None:
            return a + b
    return None


def decorated_tools_with_desc(tree, consts):
    out = []
    for n in ast.walk(tree):
        if not isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for d in n.decorator_list:
            if not isinstance(d, ast.Call) or getattr(d.func, 'attr', '') != 'tool':
                continue
            desc = ast.get_docstring(n) or ''
            for k in d.keywords:
                if k.arg == 'description':
                    if isinstance(k.value, ast.Name):
                        desc = consts.get(k.value.id, '')
                    elif isinstance(k.value, ast.Constant):
                        desc = k.value.value
            out.append({'name': n.name, 'description': desc})
    return out


def seen_texts(outdir):
    seen = set()
    for f in glob.glob(os.path.join(outdir, '*', '*.jsonl')):
        if '/r12/' in f:
            continue
        for line in open(f, encoding='utf-8'):
            try:
                seen.add((json.loads(line).get('description') or '').strip())
            except ValueError:
                pass
    return seen


def build(mirror, outdir):
    items = safe_mcp(mirror) + demos(mirror) + fixtures(mirror)
    seen, kept, own = seen_texts(outdir), [], set()
    for t in items:
        d = t['description'].strip()
        if not d or d in seen or d in own:
            continue
        own.add(d)
        kept.append(t)
    os.makedirs(os.path.join(outdir, 'r12'), exist_ok=True)
    path = os.path.join(outdir, 'r12', 'r12_heldout.jsonl')
    with open(path, 'w', encoding='utf-8') as w:
        for t in kept:
            w.write(json.dumps(t, ensure_ascii=False) + '\n')
    counts = {}
    for t in kept:
        k = (t['source'], t['labelkind'])
        counts.setdefault(k, [0, 0])[1 - t['label']] += 1
    for k, (p, b) in sorted(counts.items()):
        print('%-20s %-5s poisoned %2d benign %2d' % (k[0], k[1], p, b))
    print('dropped', len(items) - len(kept), 'of', len(items))
    print(path, sum(t['label'] for t in kept), '/', sum(1 - t['label'] for t in kept),
          hashlib.sha256(open(path, 'rb').read()).hexdigest())


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--mirror', default='/work/.mirror')
    ap.add_argument('--out', default='/tmp/poison-eval')
    a = ap.parse_args()
    build(a.mirror, a.out)
