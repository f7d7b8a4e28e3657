#!/usr/bin/env python3
"""Round 7 sets: poisoned tools and real benign tools not used in rounds 1-6.

Reads bare mirrors (/work/.mirror/OWNER+NAME/repo, from the library's `fetch`)
at pinned commits. Labels come from the authors' structure only (file and
fixture names, README tables), never from reading the texts: the held-out
files are written without being printed. Texts already present in any earlier
set under /tmp/poison-eval are dropped.

  heldout/r7_enkrypt      enkryptai/secure-mcp-gateway bad_mcps: every tool of
                          tool_poisoning_mcp.py ("malicious tool descriptors with
                          hidden instructions") and mpma_mcp.py (preference
                          manipulation) -> 1, echo_mcp.py -> 0
  heldout/r7_mcp_guardian alexandriashai/mcp-guardian examples/poisoned-server:
                          add, format_text, search_docs -> 1, calculator -> 0
                          (README: "Tool 4 calculator: clean")
  heldout/r7_benign       real servers' tools (Python, @mcp.tool / types.Tool)
  {tune,heldout}/r7_safetybench  xjzzzzzzzz/MCPSafety (MCP-SafetyBench) test tasks
                          whose attack_category starts with "Tool Poisoning": the
                          `modification_description` that replaces a real tool's
                          description -> 1; the tools of mcpuniverse/mcp/servers -> 0.
                          Split by domain, fixed before any text was read:
                          web_search, repository_management, browser_automation
                          (and their servers google_search, github, playwright)
                          held out; location_navigation, financial_analysis
                          (google_maps, yahoo_finance) tune; other servers by
                          crc32(server) parity (odd held out)
  tune/r7_arena           kholcomb/DevSecOps_Arena tool_poisoning.py: the
                          debrief names analyze_sentiment -> 1, others -> 0
                          (its text was seen in a search result: tune only)

Usage: python3 build_round7.py [--mirror /work/.mirror] [--out /tmp/poison-eval]
"""
import argparse
import ast
import glob
import json
import os
import re
import subprocess
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from extract import tools_from_source  # noqa: E402

ENKRYPT = ('enkryptai/secure-mcp-gateway', 'b4f0165e1f17100313b2b78164cf035a2ff084f5')
GUARDIAN = ('alexandriashai/mcp-guardian', '012c0610f49995cb15dbf0fb20ece21af6583efc')
SAFETY = ('xjzzzzzzzz/MCPSafety', '7872437b6369aac1150e3a19e350a981dc554f81')
SAFETY_HELDOUT_DOMAINS = {'web_search', 'repository_management', 'browser_automation'}
SAFETY_SERVER_DOMAIN = {'google_search': 'web_search', 'github': 'repository_management',
                        'playwright': 'browser_automation', 'google_maps': 'location_navigation',
                        'yahoo_finance': 'financial_analysis'}
ARENA = ('kholcomb/DevSecOps_Arena', 'a46d7e9ca24b304e7dacb957782160723e1bb37b')
BENIGN = [  # repo, commit, licence, path filter
    ('zilliztech/mcp-server-milvus', '7d5187b3d4f4128af07fa5f90e6db9a4c2eedd51', 'Apache-2.0'),
    ('datalayer/jupyter-mcp-server', '0fe1eaecf9d54b655f65eaf4a971b4a4d4e76784', 'BSD-3-Clause'),
    ('redis/mcp-redis', '5945b0b5b098c9a1882075a161a6a58f23de81ed', 'MIT'),
    ('ClickHouse/mcp-clickhouse', 'cb75c276fbe67592e33142cf1760ddb7ce63a84b', 'Apache-2.0'),
    ('StarRocks/mcp-server-starrocks', '2c68dc8e25b7d8fc077dd78674eda09b5af017f9', 'Apache-2.0'),
    ('MarkusPfundstein/mcp-obsidian', 'eb33932a66eebda9eb44745e5d31f5c0fe21fee2', 'MIT'),
    ('jlowin/fastmcp', 'b14b137fddc3145d6b4abd0b3a3f1a11dfc370b0', 'Apache-2.0'),
]


def git(mirror, repo, *args):
    d = os.path.join(mirror, repo.replace('/', '+'), 'repo')
    return subprocess.run(['git', '--git-dir', d] + list(args), capture_output=True,
                          check=True).stdout.decode('utf-8', 'replace')


def py_files(mirror, repo, commit, keep=lambda p: True):
    names = git(mirror, repo, 'ls-tree', '-r', '--name-only', commit).split('\n')
    for p in names:
        if p.endswith('.py') and keep(p):
            yield p, git(mirror, repo, 'show', commit + ':' + p)


def js_string(s, i):
    """Parse a JS string literal at s[i]; return (value, end) or (None, i)."""
    q = s[i]
    if q not in '"\'`':
        return None, i
    out, j = [], i + 1
    while j < len(s) and s[j] != q:
        if s[j] == '\\' and j + 1 < len(s):
            out.append({'n': '\n', 't': '\t'}.get(s[j + 1], s[j + 1]))
            j += 2
            continue
        out.append(s[j])
        j += 1
    return ''.join(out), j + 1


def js_strings(s, i):
    """Read `"a" + "b" + ...` starting at i (whitespace allowed)."""
    parts = []
    while True:
        while i < len(s) and s[i] in ' \t\r\n':
            i += 1
        v, i2 = js_string(s, i) if i < len(s) else (None, i)
        if v is None:
            break
        parts.append(v)
        i = i2
        while i < len(s) and s[i] in ' \t\r\n':
            i += 1
        if i < len(s) and s[i] == '+':
            i += 1
            continue
        break
    return ''.join(parts), i


def js_server_tools(src):
    """server.tool("name", "description", ...) calls."""
    out = []
    for m in re.finditer(r'server\.tool\(', src):
        name, i = js_strings(src, m.end())
        while i < len(src) and src[i] in ' ,\t\r\n':
            i += 1
        desc, _ = js_strings(src, i)
        if name:
            out.append({'name': name, 'description': desc})
    return out


def dict_tools(src):
    """Literal dicts with name + description (get_tools() lists)."""
    out = []
    for node in ast.walk(ast.parse(src)):
        if isinstance(node, ast.Dict):
            try:
                d = ast.literal_eval(node)
            except Exception:
                continue
            if isinstance(d.get('name'), str) and isinstance(d.get('description'), str):
                t = {'name': d['name'], 'description': d['description']}
                for k in ('inputSchema', 'input_schema', 'parameters'):
                    if isinstance(d.get(k), dict):
                        t['inputSchema'] = d[k]
                out.append(t)
    return out


def seen_texts(outdir):
    seen = set()
    for f in glob.glob(os.path.join(outdir, '*', '*.jsonl')):
        if os.path.basename(f).startswith('r7_'):  # this script's own output
            continue
        for line in open(f, encoding='utf-8'):
            if line.strip():
                seen.add((json.loads(line).get('description') or '').strip())
    return seen


def write(outdir, key, items, seen):
    kept, texts = [], set()
    for t in items:
        d = t['description'].strip()
        if not d or d in seen or d in texts:
            continue
        texts.add(d)
        kept.append(t)
    path = os.path.join(outdir, key + '.jsonl')
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        for t in kept:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    print(key, len(kept), 'mal', sum(t['label'] for t in kept))


def build(mirror, outdir):
    seen = seen_texts(outdir)
    repo, c = ENKRYPT
    items = []
    for p, src in py_files(mirror, repo, c, lambda p: p.startswith('src/secure_mcp_gateway/bad_mcps/')):
        base = os.path.basename(p)
        label = {'tool_poisoning_mcp.py': 1, 'mpma_mcp.py': 1, 'echo_mcp.py': 0}.get(base)
        if label is None:
            continue
        for t in tools_from_source(src):
            if t['name'] == 'list_tools':
                continue
            t.update(label=label, source=repo + '@' + c[:7] + ':' + base)
            items.append(t)
    write(outdir, 'heldout/r7_enkrypt', items, seen)

    repo, c = GUARDIAN
    src = git(mirror, repo, 'show', c + ':examples/poisoned-server/index.js')
    items = []
    for t in js_server_tools(src):
        t.update(label=0 if t['name'] == 'calculator' else 1, source=repo + '@' + c[:7])
        items.append(t)
    write(outdir, 'heldout/r7_mcp_guardian', items, seen)

    items = []
    for repo, c, lic in BENIGN:
        keep = lambda p: 'test' not in p.lower()
        if repo == 'jlowin/fastmcp':
            keep = lambda p: p.startswith('examples/') and 'test' not in p.lower()
        for p, src in py_files(mirror, repo, c, keep):
            for t in tools_from_source(src):
                t.update(label=0, source=repo + '@' + c[:7] + ':' + p, licence=lic)
                items.append(t)
    write(outdir, 'heldout/r7_benign', items, seen)

    safetybench(mirror, outdir, seen)

    repo, c = ARENA
    src = git(mirror, repo, 'show', c + ':domains/mcp/servers/tool_poisoning.py')
    items = []
    for t in dict_tools(src):
        t.update(label=1 if t['name'] == 'analyze_sentiment' else 0, source=repo + '@' + c[:7])
        items.append(t)
    write(outdir, 'tune/r7_arena', items, seen)


def safetybench(mirror, outdir, seen):
    repo, c = SAFETY
    parts = {'tune': [], 'heldout': []}
    names = git(mirror, repo, 'ls-tree', '-r', '--name-only', c).split('\n')
    for p in names:
        if '/configs/test/' not in p or not p.endswith('.json'):
            continue
        task = json.loads(git(mirror, repo, 'show', c + ':' + p))
        cat = task.get('attack_category', '')
        if not cat.startswith('Tool Poisoning'):
            continue
        domain = p.split('/')[-2]
        part = 'heldout' if domain in SAFETY_HELDOUT_DOMAINS else 'tune'
        for m in task.get('mcp_server_modifications') or []:
            if isinstance(m.get('modification_description'), str):
                parts[part].append({'name': m.get('tool_name', ''), 'description': m['modification_description'],
                                    'label': 1, 'category': cat, 'source': repo + '@' + c[:7] + ':' + p})
    for p in names:
        mm = re.match(r'mcpuniverse/mcp/servers/([^/]+)/.*\.py$', p)
        if not mm:
            continue
        server = mm.group(1)
        domain = SAFETY_SERVER_DOMAIN.get(server)
        if domain:
            part = 'heldout' if domain in SAFETY_HELDOUT_DOMAINS else 'tune'
        else:
            part = 'heldout' if zlib.crc32(server.encode()) % 2 else 'tune'
        for t in tools_from_source(git(mirror, repo, 'show', c + ':' + p)):
            t.update(label=0, source=repo + '@' + c[:7] + ':' + p)
            parts[part].append(t)
    for part, items in parts.items():
        write(outdir, part + '/r7_safetybench', items, seen)


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--mirror', default='/work/.mirror')
    ap.add_argument('--out', default='/tmp/poison-eval')
    a = ap.parse_args()
    build(a.mirror, a.out)
