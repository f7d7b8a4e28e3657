#!/usr/bin/env python3
"""Round 9 sets: poisoned and benign tools by other authors not used in rounds 1-8.

Reads bare mirrors (/work/.mirror/OWNER+NAME/repo, from the library's `fetch`) at
pinned commits. Labels come from the authors' structure only (directory and file
names, README sections, truth files), never from Warden's output; the texts are
written without being printed. Texts already present in any earlier set under
/tmp/poison-eval are dropped.

  r9_mpma       cao-elaine/MPMA (MCP Preference Manipulation Attack): per tool,
                the GAPMA descriptions (Au, Em, Ex, Su: authority, emotion,
                exaggeration, subliminal advertising) and the DPMA
                best_description -> 1; the original description and the five
                "Competitors" paraphrases (the control) -> 0. DPMA best_name
                changes the name only and is left out.
  r9_attacks    MCP-Security/MCP-Artifact RQ3: `get_current_weather_tool` of
                Task*/PoisonAttack (README: the instructions are in the tool
                description; the task is a weather query) -> 1, the tools of
                Task*/MaliciousExternalResources (README: "the tool descriptions
                and code on the MCP server are benign") -> 0; other PoisonAttack
                tools left out (the README does not say which are poisoned).
                aminrj-labs/mcp-attack-labs lab 01: `add` (README: "poisoned add
                tool") -> 1, `multiply` -> 0.
                Wapiti08/mcp-attack-suite arena: every attacks/tool_poisoning*.json
                injection applied as its runner does (`prepend`: injection, blank
                line, the target tool's own description) -> 1; the tools of the
                challenges' benign servers -> 0.
                ElnatanAnbelu/mcp-scanner-benchmark (no fetchable snapshot; the
                five case files were read with the library's read_file and saved
                under SRC/r9_elnatan): tool-poisoning-00{1,2,3} `convert` -> 1
                (truth.yaml: verdict vulnerable, entry.tool convert), their
                `-safe` twins -> 0.
  r9_cisco_pi   cisco-ai-defense/mcp-scanner evals/behavioral-analysis/data/prompt-injection/
                (the category whose attack is in the description; the tool-poisoning and
                goal-manipulation categories carry it in the code) -> 1. Same authors as
                the tune sets cisco_poisoned/cisco_benign (other files): reported apart.
  r9_benign     real servers' tools (`*.py` outside tests): pydantic/logfire-mcp,
                blazickjp/arxiv-mcp-server, neo4j-contrib/mcp-neo4j, chroma-core/chroma-mcp,
                ahujasid/blender-mcp, GongRzhe/Office-Word-MCP-Server.

Split for tuning (fixed before any scoring, round-9 rule in SOURCES.md): the MPMA
server families whose crc32 is even, and the Elnatan cases (their texts were read
while fetching), are `tune`; everything else is `heldout`. The `part` field says which.

Usage: python3 build_round9.py [--mirror /work/.mirror] [--out /tmp/poison-eval]
"""
import argparse
import ast
import json
import os
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from extract import tools_from_source  # noqa: E402
from build_round7 import git, js_server_tools, py_files  # noqa: E402

MPMA = ('cao-elaine/MPMA', '78495861560d1cc230224287a134cf4cca627798')
ARTIFACT = ('MCP-Security/MCP-Artifact', '05613978f4da82f145793e71e88a89d9fcef9144')
AMINRJ = ('aminrj-labs/mcp-attack-labs', '3d88663e2407a5e244dc6a74c92e1b5e6235e44c')
WAPITI = ('Wapiti08/mcp-attack-suite', 'e57b4ca70ba269125cbe75cf17be9dec781f2227')
CISCO = ('cisco-ai-defense/mcp-scanner', '893327c54d223ea07296f68f32d8294f5c045f4a')
ELNATAN = ('ElnatanAnbelu/mcp-scanner-benchmark', '20b43f97d3088ae1ef4d3198e2b424fbc7ac6d5f')
BENIGN = [
    ('pydantic/logfire-mcp', '9850c41df97499ea96eb16e2d389ceb33c205059', 'MIT'),
    ('blazickjp/arxiv-mcp-server', '78eaa8418ee81fd919c5754acf24c6e863404aad', 'Apache-2.0'),
    ('neo4j-contrib/mcp-neo4j', 'dbc01ba78f171851f2d57dcd125b028c29912fd1', 'MIT'),
    ('chroma-core/chroma-mcp', '078dc678636b687f345ea64509a9fe2ec39f5b7b', 'Apache-2.0'),
    ('ahujasid/blender-mcp', 'da4e16d2069ce5154eaa2535bf995e843caf5c73', 'MIT'),
    ('GongRzhe/Office-Word-MCP-Server', '568d8d8a1f70fe87074e001397599b634639bf9e', 'MIT'),
]
# Benign servers of the Wapiti08 arena challenges (targets and trusted defaults).
WAPITI_BENIGN = [
    'environment/arena/challenges/ETHPriceServer/mcp_servers/eth_price_server.py',
    'environment/arena/challenges/ETHPriceServer/mcp_servers/eth_price_server_hardened.py',
    'environment/arena/challenges/documentsystem/mcp_servers/doc_store_server.py',
    'environment/arena/challenges/documentsystem/mcp_servers/doc_store_server_hardened.py',
    'environment/arena/challenges/emailsystem/mcp_servers/email_server.py',
    'environment/arena/challenges/emailsystem/mcp_servers/teams_server.py',
    'environment/arena/challenges/emailsystem/mcp_servers/teams_hardened_server.py',
    'environment/arena/challenges/emailsystem/mcp_servers/image_extractor_server.py',
    'environment/arena/trusted_defaults/crypto_news_server.py',
]
WAPITI_TARGET_SERVER = {  # challenge -> (baseline, hardened) server of the attacked tool
    'ETHPriceServer': ('eth_price_server.py', 'eth_price_server_hardened.py'),
    'documentsystem': ('doc_store_server.py', 'doc_store_server_hardened.py'),
    'emailsystem': ('teams_server.py', 'teams_hardened_server.py'),
}


def seen_texts(outdir):
    seen = set()
    for root, _, files in os.walk(outdir):
        for name in files:
            if not name.endswith('.jsonl') or name.startswith('r9_'):
                continue
            for line in open(os.path.join(root, name), encoding='utf-8'):
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
    by = {}
    for t in kept:
        k = (t.get('part', '-'), t['label'])
        by[k] = by.get(k, 0) + 1
    print(key, len(kept), 'mal', sum(t['label'] for t in kept), sorted(by.items()))


def tool_defs(src):
    """name -> (description, inputSchema) of literal @mcp.tool definitions."""
    return {t['name']: t for t in tools_from_source(src)}


def dpma_function(src):
    """The authors' dpma_best_description, taken from utils/manipulations.py alone
    (the module imports an API client at load time)."""
    for node in ast.parse(src).body:
        if isinstance(node, ast.FunctionDef) and node.name == 'dpma_best_description':
            ns = {}
            exec(compile(ast.Module([node], []), 'manipulations.py', 'exec'), ns)  # noqa: S102
            return ns['dpma_best_description']
    raise SystemExit('dpma_best_description not found')


def mpma(mirror):
    repo, c = MPMA
    descs = json.loads(git(mirror, repo, 'show', c + ':utils/tool_descriptions.json'))
    dpma = dpma_function(git(mirror, repo, 'show', c + ':utils/manipulations.py'))
    names = git(mirror, repo, 'ls-tree', '-r', '--name-only', c).split('\n')
    originals = {}  # tool name -> tool dict from Servers/*/*_original.py
    for p in names:
        if p.startswith('Servers/') and p.endswith('_original.py'):
            for name, t in tool_defs(git(mirror, repo, 'show', c + ':' + p)).items():
                originals[name] = t
    items = []
    src = repo + '@' + c[:7] + ':utils/tool_descriptions.json'
    for server, tools in descs.items():
        part = 'tune' if zlib.crc32(server.encode()) % 2 == 0 else 'heldout'
        for tool, v in tools.items():
            orig = originals.get(tool)
            schema = orig.get('inputSchema') if orig else None

            def add(desc, label, kind):
                t = {'name': tool, 'description': desc, 'label': label, 'kind': kind,
                     'server': server, 'part': part, 'source': src, 'licence': 'MIT'}
                if schema:
                    t['inputSchema'] = schema
                items.append(t)
            for k in ('Au', 'Em', 'Ex', 'Su'):
                if isinstance(v.get(k), str):
                    add(v[k], 1, 'GAPMA-' + k)
            for i, d in enumerate(v.get('Competitors') or []):
                add(d, 0, 'competitor%d' % (i + 1))
            if orig and orig['description']:
                add(orig['description'], 0, 'original')
                add(dpma(orig['description']), 1, 'DPMA-best_description')
    return items


def artifact(mirror):
    repo, c = ARTIFACT
    items = []
    for task in ('Task1', 'Task2', 'Task3'):
        for p, src in py_files(mirror, repo, c, lambda p: p.startswith('RQ3/' + task + '/')):
            kind = p.split('/')[2]
            for t in tools_from_source(src):
                if kind == 'PoisonAttack' and t['name'] == 'get_current_weather_tool':
                    label = 1
                elif kind == 'MaliciousExternalResources':
                    label = 0
                else:
                    continue
                t.update(label=label, part='heldout', source=repo + '@' + c[:7] + ':' + p,
                         licence='none stated: evaluation only')
                items.append(t)
    return items


def aminrj(mirror):
    repo, c = AMINRJ
    p = 'labs/01-mcp-tool-poisoning/attack1_direct_poison.py'
    items = []
    for t in tools_from_source(git(mirror, repo, 'show', c + ':' + p)):
        t.update(label=1 if t['name'] == 'add' else 0, part='heldout',
                 source=repo + '@' + c[:7] + ':' + p, licence='none: evaluation only')
        items.append(t)
    return items


def wapiti(mirror):
    repo, c = WAPITI
    tag = repo + '@' + c[:7] + ':'
    items = []
    for p in WAPITI_BENIGN:
        for t in tools_from_source(git(mirror, repo, 'show', c + ':' + p)):
            t.update(label=0, part='heldout', source=tag + p, licence='MIT')
            items.append(t)
    names = git(mirror, repo, 'ls-tree', '-r', '--name-only', c).split('\n')
    for p in names:
        parts = p.split('/')
        if '/attacks/' not in p or not parts[-1].startswith('tool_poisoning') or not p.endswith('.json'):
            continue
        challenge = parts[3]
        tp = json.loads(git(mirror, repo, 'show', c + ':' + p)).get('tool_poisoning') or {}
        base, hard = WAPITI_TARGET_SERVER[challenge]
        server = hard if 'hardened' in parts[-1] else base
        sp = '/'.join(parts[:4]) + '/mcp_servers/' + server
        target = tool_defs(git(mirror, repo, 'show', c + ':' + sp)).get(tp.get('target_tool'))
        if target is None:
            continue
        payload, desc = (tp.get('injection') or '').strip(), target['description']
        mode = tp.get('mode', 'append')
        new = payload if mode == 'replace' else (
            payload + '\n\n' + desc if mode == 'prepend' else desc + '\n\n' + payload)
        t = {'name': target['name'], 'description': new.strip(), 'label': 1, 'part': 'heldout',
             'source': tag + p, 'licence': 'MIT'}
        if target.get('inputSchema'):
            t['inputSchema'] = target['inputSchema']
        items.append(t)
    return items


def elnatan(srcdir):
    repo, c = ELNATAN
    items = []
    for name in sorted(os.listdir(srcdir)):
        src = open(os.path.join(srcdir, name), encoding='utf-8').read()
        tools = js_server_tools(src) if name.endswith('.js') else tools_from_source(src)
        for t in tools:
            t.update(label=0 if '-safe' in name else 1, part='tune', licence='MIT',
                     source=repo + '@' + c[:7] + ':corpus/cases/' + name.rsplit('.', 1)[0])
            items.append(t)
    return items


def cisco(mirror):
    repo, c = CISCO
    d = 'evals/behavioral-analysis/data/prompt-injection/'
    items = []
    for p, src in py_files(mirror, repo, c, lambda p: p.startswith(d)):
        for t in tools_from_source(src):
            t.update(label=1, part='heldout', source=repo + '@' + c[:7] + ':' + p, licence='Apache-2.0')
            items.append(t)
    return items


def benign(mirror):
    items = []
    for repo, c, lic in BENIGN:
        for p, src in py_files(mirror, repo, c, lambda p: 'test' not in p.lower()):
            for t in tools_from_source(src):
                t.update(label=0, part='heldout', source=repo + '@' + c[:7] + ':' + p, licence=lic)
                items.append(t)
    return items


def build(mirror, outdir):
    seen = seen_texts(outdir)
    write(outdir, 'heldout/r9_mpma', mpma(mirror), seen)
    attacks = artifact(mirror) + aminrj(mirror) + wapiti(mirror)
    attacks += elnatan(os.path.join(outdir, 'src', 'r9_elnatan'))
    write(outdir, 'heldout/r9_attacks', attacks, seen)
    write(outdir, 'heldout/r9_cisco_pi', cisco(mirror), seen)
    write(outdir, 'heldout/r9_benign', benign(mirror), seen)


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--mirror', default='/work/.mirror')
    ap.add_argument('--out', default='/tmp/poison-eval')
    a = ap.parse_args()
    build(a.mirror, a.out)
