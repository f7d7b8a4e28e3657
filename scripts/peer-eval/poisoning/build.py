"""Build labelled JSONL eval sets from other authors' repositories (see SOURCES.md).

tune/: read to improve the detector. heldout/: scored once, at the end of a
round, never read. seen/: held out in an earlier round, scored and read since,
so tuning data now. other/: out of scope or extra."""
import ast, json, os, re, sys, zlib
sys.path.insert(0, os.path.dirname(__file__))
from extract import tools_from_source
S = '/tmp/poison-eval/src'
os.makedirs('/tmp/poison-eval/tune', exist_ok=True); os.makedirs('/tmp/poison-eval/heldout', exist_ok=True); os.makedirs('/tmp/poison-eval/other', exist_ok=True); os.makedirs('/tmp/poison-eval/seen', exist_ok=True)

def write(path, items):
    with open(path, 'w') as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + '\n')
    m = sum(1 for i in items if i['label'] == 1)
    print(f'{path}: {len(items)} items, {m} malicious, {len(items)-m} benign')

def src(p): return open(os.path.join(S, p), encoding='utf-8').read()

# 1. mcpproxy-go corpora: authors' labels ("malicious"/"benign") and categories.
def mcpproxy(files):
    out = []
    for fn in files:
        for e in json.load(open(os.path.join(S, fn)))['entries']:
            lab = 1 if e['label'] == 'malicious' else 0
            if 'tool' in e:
                t = dict(e['tool'])
            else:
                t = {'name': e['id'], 'description': e['description']}
            t['label'] = lab; t['category'] = ('' if lab else 'benign:') + e['category']; t['_id'] = e['id']
            out.append(t)
    return out
write('/tmp/poison-eval/tune/mcpproxy_security.jsonl', mcpproxy(['mcpproxy_security_v1.json', 'mcpproxy_security_min.json']))
write('/tmp/poison-eval/seen/mcpproxy_detect.jsonl', mcpproxy(['mcpproxy_detect_v1.json']))

# 2. LiveMCPBench: 70 real servers, all benign; split by server name (crc32 parity).
a, b = [], []
for srv in json.load(open(os.path.join(S, 'livemcpbench_tools.json'))):
    half = a if zlib.crc32(srv['name'].encode()) % 2 == 0 else b
    for v in srv['tools'].values():
        for t in v.get('tools', []):
            t = dict(t); t['label'] = 0; t['category'] = 'benign'; t['_server'] = srv['name']
            half.append(t)
write('/tmp/poison-eval/tune/livemcpbench_a.jsonl', a)
write('/tmp/poison-eval/seen/livemcpbench_b.jsonl', b)

# 3. Cisco mcp-scanner: benign eval servers (authors' "benign" dir) and
#    malicious example servers (authors label the servers malicious; per-tool
#    we keep only tools whose description carries the attack, see SOURCES.md).
ben = []
for f in ['evals_remote_benign_GitHub_tools.py', 'evals_remote_benign_azure_tools.py', 'evals_remote_benign_discord_tools.py']:
    for t in tools_from_source(src('cisco/' + f)):
        t['label'] = 0; t['category'] = 'benign'; ben.append(t)
write('/tmp/poison-eval/tune/cisco_benign.jsonl', ben)
mal = []
for t in tools_from_source(src('cisco/evals_remote_malicious_malicious_mcp_server.py')):
    t['label'] = 1; t['category'] = 'malicious-capability'; mal.append(t)
write('/tmp/poison-eval/other/cisco_malicious_capability.jsonl', mal)
ex = []
for f in sorted(os.listdir(S + '/cisco')):
    if not f.startswith('examples_'): continue
    for t in tools_from_source(src('cisco/' + f)):
        t['label'] = 1; t['category'] = 'example-malicious-server:' + f.split('servers_')[-1][:-3]; ex.append(t)
write('/tmp/poison-eval/other/cisco_example_servers.jsonl', ex)
# the description-level poisoned ones (instructions to the model in the text)
exd = [t for t in ex if re.search(r'<important>|always bcc|must include the prefix|ignore (the above|previous)', t['description'], re.I)]
for t in exd: t['category'] = 'poisoned-description'
write('/tmp/poison-eval/tune/cisco_poisoned.jsonl', exd)

# 4. DVMCP: challenge tools whose description carries a <IMPORTANT>/<HIDDEN> block
#    (the challenge's poisoning) are malicious; no per-tool benign label, so the
#    other tools are left out.
dv = []
for f in sorted(os.listdir(S)):
    if f.startswith('dvmcp_'):
        for t in tools_from_source(src(f)):
            if re.search(r'<(important|hidden)>', t['description'], re.I):
                t['label'] = 1; t['category'] = 'tool-poisoning:' + f[6:-3]; dv.append(t)
write('/tmp/poison-eval/tune/dvmcp.jsonl', dv)

# 5. harryc295/tool-poisoning-bench: description_override texts of
#    tool_description_injection scenarios (malicious); BASE_TOOLS (benign).
tree = ast.parse(src('harryc_scenarios.py')); hc = []
for node in ast.walk(tree):
    if isinstance(node, ast.Assign) and getattr(node.targets[0], 'id', '') == 'BASE_TOOLS':
        for name, t in ast.literal_eval(node.value).items():
            fn = t['function']; hc.append({'name': name, 'description': fn['description'], 'inputSchema': fn['parameters'], 'label': 0, 'category': 'benign'})
    if isinstance(node, ast.Call) and getattr(node.func, 'id', '') == 'Scenario':
        kw = {k.arg: k.value for k in node.keywords}
        if 'description_override' in kw and ast.literal_eval(kw['category']) == 'tool_description_injection':
            for name, d in ast.literal_eval(kw['description_override']).items():
                hc.append({'name': name, 'description': d, 'label': 1, 'category': ast.literal_eval(kw['id'])})
write('/tmp/poison-eval/seen/harryc_bench.jsonl', hc)

# 6. Demos: invariant experiments (via johannhartmann fork), mcp-scan demo server,
#    gensecaihq PoC. Labels: a tool whose description is the attack.
dm = []
for f in ['jh/direct-poisoning.py', 'jh/shadowing.py', 'jh/whatsapp-takeover.py']:
    for t in tools_from_source(src(f)):
        t['label'] = 1 if '<IMPORTANT>' in t['description'] else 0
        t['category'] = 'invariant:' + f[3:-3] if t['label'] else 'benign'; dm.append(t)
for t in tools_from_source(src('mcpscan_demoserver.py')):
    t['label'] = 1 if 'PRIVATE INFORMATION' in t['description'] else 0
    t['category'] = 'mcp-scan-demo' if t['label'] else 'benign'; dm.append(t)
for f in ['gensec_exfil.py', 'gensec_hijack.py']:
    for m in re.finditer(r'"description":\s*"""(.*?)"""', src(f), re.S):
        dm.append({'name': f[:-3], 'description': m.group(1), 'label': 1, 'category': 'gensecai-poc'})
write('/tmp/poison-eval/seen/demos.jsonl', dm)

# 7. IBM mcp-context-forge: the Python MCP servers it ships (benign). Added
#    after the detector changes were made; measured once, never tuned on.
ib = []
for l in open(os.path.join(S, 'ibm_tools.jsonl')):
    t = json.loads(l)
    if t['description'].strip():
        t['label'] = 0; t['category'] = 'benign'; ib.append(t)
write('/tmp/poison-eval/other/ibm_contextforge_benign.jsonl', ib)

# 8. MCPTox (real servers' tools, poisoned by the benchmark's authors with its
#    three templates). Split by server (crc32 parity of the lower-cased name):
#    even -> tune, odd -> held-out. Benign: the same servers' clean tools.
def server_half(name):
    return zlib.crc32(re.sub(r'[^a-z0-9]', '', name.lower()).encode()) % 2

def mcptox_tool(block):
    text = block.replace('\\n', '\n').strip()
    m = re.search(r'Tool:\s*(.+)', text)
    d = re.search(r'Description:\s*(.*?)(?:\nArguments:|\Z)', text, re.S)
    return (m.group(1).strip() if m else 'tool'), (d.group(1).strip() if d else text)

tox = [[], []]; seen = set()
for x in json.load(open(os.path.join(S, 'rg/mcptox_official.json')))['scenarios']:
    md = x['metadata']
    if md.get('wrong_data'):
        continue
    name, desc = mcptox_tool(x['poisoned_content'])
    if desc in seen:
        continue
    seen.add(desc)
    tox[server_half(md['raw_server_name'])].append({'name': name, 'description': desc, 'label': 1,
        'category': md['paradigm'] + ':' + md['security_risk'], '_server': md['raw_server_name']})
clean = {}
for x in json.load(open(os.path.join(S, 'rg/derived200.json')))['scenarios']:
    for srv in x['template'].get('clean_servers', []):
        for c in srv['capabilities']:
            clean[(srv['name'], c['name'])] = {'name': c['name'], 'description': c['description'],
                'inputSchema': c.get('input_schema') or {}, 'label': 0, 'category': 'benign', '_server': srv['name']}
for (srv, _), t in sorted(clean.items()):
    tox[server_half(srv)].append(t)
write('/tmp/poison-eval/tune/mcptox_a.jsonl', tox[0])
# Held out in rounds 2-5 (scored five times, errors never read); spent in
# round 6: read and tuned on, so seen/ now.
write('/tmp/poison-eval/seen/mcptox_b.jsonl', tox[1])

# 9. Benign real tools: github/github-mcp-server tool snapshots (tune) and
#    awslabs/mcp Python servers (held out in rounds 2-5; spent in round 6:
#    read and tuned on, so seen/ now).
gh = []
for f in sorted(os.listdir(os.path.join(S, 'ghmcp'))):
    t = json.load(open(os.path.join(S, 'ghmcp', f)))
    t['label'] = 0; t['category'] = 'benign'; gh.append(t)
write('/tmp/poison-eval/tune/github_mcp_benign.jsonl', gh)
aws = []; seen = set()
for l in open(os.path.join(S, 'aws_tools.jsonl')):
    t = json.loads(l)
    if t['description'].strip() and t['description'] not in seen:
        seen.add(t['description'])
        t['label'] = 0; t['category'] = 'benign'; aws.append(t)
write('/tmp/poison-eval/seen/awslabs_benign.jsonl', aws)

# 10. getmcpm/cli guard fixtures (held out, round 2): tools of tools/list
#     results. attacks/ with category OWASP-MCP-1 (tool metadata) and exactly
#     one tool -> 1 (a multi-tool fixture does not say which tool carries the
#     attack, so it is left out); every tool of benign/ -> 0.
mp = []
for f in sorted(os.listdir(os.path.join(S, 'mcpm'))):
    d = json.load(open(os.path.join(S, 'mcpm', f)))
    res = (d.get('message') or {}).get('result') or {}
    tools = res.get('tools') if isinstance(res, dict) else None
    if not tools:
        continue
    bucket = f.split('__')[0]
    if bucket == 'attacks' and d.get('category') == 'OWASP-MCP-1' and len(tools) == 1:
        t = dict(tools[0]); t['label'] = 1; t['category'] = 'mcpm:' + d.get('expected_action', ''); mp.append(t)
    elif bucket == 'benign':
        for t in tools:
            t = dict(t); t['label'] = 0; t['category'] = 'benign'; mp.append(t)
write('/tmp/poison-eval/heldout/mcpm_fixtures.jsonl', mp)
