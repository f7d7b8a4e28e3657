"""Round 4 benign sets: real tool lists of servers not used before.

Sources (bare mirrors from the library's fetch, read with git show at pinned commits):
  docker/mcp-registry@818bf16 servers/*/tools.json (MIT; the servers' own tool lists)
  Klavis-AI/klavis@669e95d mcp_servers/*/**.py (Apache-2.0; types.Tool(...) and @tool)
  Accenture/mcp-bench@09e5233 mcp_servers/*/**.py (vendored third-party servers; no
    top-level licence: evaluation only)
Split by server, crc32(source/server) even -> tune/r4_benign, odd -> heldout/r4_benign.
Tools whose description already occurs in another eval set are dropped.
"""
import ast, glob, json, os, subprocess, sys, zlib

M = '/work/.mirror'
SRC = [
    ('docker', 'docker+mcp-registry', '818bf169b365e7b7d5b117352e32757c54844718', 'servers/'),
    ('klavis', 'Klavis-AI+klavis', '669e95dc716b001ab5c2d8d7b89a338cb3eafc15', 'mcp_servers/'),
    ('mcpbench', 'Accenture+mcp-bench', '09e52332b22428bf891be59047e01cb9adc063b4', 'mcp_servers/'),
]

def git(repo, *args):
    return subprocess.run(['git', '--git-dir', os.path.join(M, repo, 'repo')] + list(args),
                          capture_output=True, text=True, errors='replace').stdout

def lit(node):
    try:
        return ast.literal_eval(node)
    except Exception:
        return None

def kw(call, key):
    for k in call.keywords:
        if k.arg == key:
            return lit(k.value)
    return None

def py_tools(src):
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return []
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for d in node.decorator_list:
                f = d.func if isinstance(d, ast.Call) else d
                if (f.attr if isinstance(f, ast.Attribute) else getattr(f, 'id', '')) != 'tool':
                    continue
                c = d if isinstance(d, ast.Call) else ast.Call(func=f, args=[], keywords=[])
                desc = kw(c, 'description') or ast.get_docstring(node) or ''
                props = {a.arg: {'type': 'string'} for a in node.args.args if a.arg not in ('self', 'ctx', 'context')}
                out.append({'name': kw(c, 'name') or node.name, 'description': desc,
                            'inputSchema': {'type': 'object', 'properties': props}})
                break
        if isinstance(node, ast.Call):
            f = node.func
            if (f.attr if isinstance(f, ast.Attribute) else getattr(f, 'id', '')) == 'Tool':
                n, de = kw(node, 'name'), kw(node, 'description')
                if isinstance(n, str) and isinstance(de, str):
                    t = {'name': n, 'description': de}
                    s = kw(node, 'inputSchema')
                    if isinstance(s, dict):
                        t['inputSchema'] = s
                    out.append(t)
    return out

def collect():
    for src, repo, commit, root in SRC:
        files = git(repo, 'ls-tree', '-r', '--name-only', commit, root).split('\n')
        for p in files:
            parts = p.split('/')
            if len(parts) < 3:
                continue
            server = parts[1]
            if src == 'docker' and p.endswith('/tools.json'):
                try:
                    tools = json.loads(git(repo, 'show', commit + ':' + p))
                except ValueError:
                    continue
            elif src != 'docker' and p.endswith('.py') and '/test' not in p:
                tools = py_tools(git(repo, 'show', commit + ':' + p))
            else:
                continue
            for t in tools if isinstance(tools, list) else []:
                if isinstance(t, dict) and isinstance(t.get('description'), str) and t['description'].strip():
                    yield src, server, t

def known_texts():
    seen = set()
    for f in glob.glob('/tmp/poison-eval/*/*.jsonl'):
        if '/r4_' in f:
            continue
        for l in open(f, encoding='utf-8'):
            try:
                seen.add((json.loads(l).get('description') or '').strip())
            except ValueError:
                pass
    return seen

def main():
    seen = known_texts()
    halves = {'tune': [], 'heldout': []}
    servers = {'tune': set(), 'heldout': set()}
    for src, server, t in collect():
        d = t['description'].strip()
        if d in seen:
            continue
        seen.add(d)
        key = src + '/' + server
        h = 'tune' if zlib.crc32(key.encode()) % 2 == 0 else 'heldout'
        item = {'name': t.get('name', ''), 'description': t['description'],
                'inputSchema': t.get('inputSchema') or {'type': 'object'},
                'label': 0, 'category': 'benign', 'server': key}
        halves[h].append(item); servers[h].add(key)
    for h, items in halves.items():
        os.makedirs('/tmp/poison-eval/' + h, exist_ok=True)
        with open('/tmp/poison-eval/%s/r4_benign.jsonl' % h, 'w', encoding='utf-8') as w:
            for it in items:
                w.write(json.dumps(it, ensure_ascii=False) + '\n')
        print(h, len(items), 'tools', len(servers[h]), 'servers', file=sys.stderr)

if __name__ == '__main__':
    main()
