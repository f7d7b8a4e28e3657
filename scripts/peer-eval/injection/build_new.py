"""Round 2 of other authors' data (fetch_sources_new.sh -> /tmp/inj-eval/src2),
split BY SOURCE before any scoring: sets-new/tune/* may be looked at and tuned
on; sets-new/heldout/* is scored once, at the end. Deterministic."""
import glob, hashlib, json, os, random, re
import yaml

S = '/tmp/inj-eval/src2'; O = '/tmp/inj-eval/sets-new'

def write(split, name, items):
    os.makedirs(os.path.join(O, split), exist_ok=True)
    with open(os.path.join(O, split, name), 'w') as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + '\n')
    m = sum(1 for i in items if i['label'] == 1)
    print(f'{split}/{name}: {len(items)} items, {m} injected, {len(items)-m} clean')

def yitems(path):
    return [x['content'] for x in yaml.safe_load(open(path)) if isinstance(x.get('content'), str)]

# --- TUNE ---------------------------------------------------------------
# CyberSecEval 2 prompt injection (meta-llama/PurpleLlama). Indirect cases: the
# user's request ("Summarize this webpage: ...") is cut off; the document is
# what a tool would return. English only (the file's speaking_language).
cse = json.load(open(S + '/cse_prompt_injection.json'))
ind, dire = [], []
for x in cse:
    u = x['user_input']
    if x['injection_type'] == 'indirect':
        m = re.match(r"^([^:\n]{0,120}?):\s*(.+)$", u, re.S)
        doc = m.group(2).strip() if m else u
        if len(doc) > 1 and doc[0] == doc[-1] and doc[0] in '\'"':
            doc = doc[1:-1]
        ind.append({'text': doc, 'label': 1, 'category': 'cse-indirect/' + x['injection_variant']})
    else:
        dire.append({'text': u, 'label': 1, 'category': 'cse-direct/' + x['injection_variant']})
write('tune', 'cse_indirect.jsonl', ind)
write('tune', 'cse_direct.jsonl', dire)
# deepset/prompt-injections (Apache-2.0) via the Parapet mirror: direct prompts.
write('tune', 'deepset.jsonl', [{'text': t, 'label': 1, 'category': 'deepset/injection'} for t in yitems(S + '/deepset_attacks.yaml')] +
      [{'text': t, 'label': 0, 'category': 'deepset/benign'} for t in yitems(S + '/deepset_benign.yaml')])
# NotInject (leolee99, MIT): benign user prompts full of trigger words.
write('tune', 'notinject_benign.jsonl', [{'text': t, 'label': 0, 'category': 'notinject'} for t in yitems(S + '/notinject_benign.yaml')])
# The Rust book (MIT/Apache-2.0): documentation addressed to "you", imperative,
# full of commands and code; one item per "## " section.
rb = []
for p in sorted(glob.glob(S + '/rustbook/src/*.md')):
    t = open(p, encoding='utf-8').read()
    for i, sec in enumerate(re.split(r'\n(?=## )', t)):
        if len(sec.strip()) > 200:
            rb.append({'text': sec, 'label': 0, 'category': 'rustbook', 'page': os.path.basename(p) + f'#{i}'})
write('tune', 'rustbook_benign.jsonl', rb)

# --- HELD OUT (score once) ----------------------------------------------
# SEP (egozverev/Should-It-Be-Executed-Or-Processed): the authors' task data
# (what a tool would hand over) and their 100 probes, appended at the start
# or end of the data exactly as their insert_probes.py does; the clean data as
# the benign twin. 1000 bases sampled with a fixed seed.
raw = json.load(open(S + '/sep_raw_data.json'))['output']
probes = json.load(open(S + '/sep_probes.json'))
bases = []
for tt, tasks in raw.items():
    if tt == 'descr': continue
    for tn, tds in tasks.items():
        if tn == 'descr': continue
        for group in tds['subtasks']:
            for js in group:  # each a JSON string with the subtask's generated data
                try:
                    st = json.loads(js)
                except (TypeError, ValueError):
                    continue
                for d in st.get('data', []):
                    if isinstance(d, str) and d.strip():
                        bases.append((st.get('name', tn), d))
bases = sorted(set(bases))  # the three generations repeat some items
rng = random.Random(1)
rng.shuffle(bases)
sep = []
for i, (name, d) in enumerate(bases[:1000]):
    p = probes[rng.randrange(len(probes))]['instruction']
    inj = p + ' ' + d if rng.random() < 0.5 else d + ' ' + p
    sep.append({'text': inj, 'label': 1, 'category': 'sep/' + ('insistent' if p.startswith('On top of') else 'plain')})
    sep.append({'text': d, 'label': 0, 'category': 'sep/clean'})
write('heldout', 'sep.jsonl', sep)
# Lakera gandalf_ignore_instructions via the Parapet mirror: direct "ignore
# your instructions" prompts from the Gandalf game.
write('heldout', 'gandalf.jsonl', [{'text': t, 'label': 1, 'category': 'gandalf'} for t in yitems(S + '/gandalf_attacks.yaml')])

# --- HELD OUT, round 3 (score once) -------------------------------------
# gtech/moltshield's hand-written indirect cases (tests/benchmarks/framework/
# datasets.ts): the content a tool returns (maliciousContent; the "benign"
# category's content is clean), and its benign user prompts (direct).
def js_string(lit):
    q = lit[0]
    body = lit[1:-1]
    if q == "'":
        body = body.replace('\\\\', '\x00').replace("\\'", "'").replace('"', '\\"').replace('\x00', '\\\\')
    elif q == '`':
        body = body.replace('"', '\\"').replace('\n', '\\n')
    return json.loads('"' + body + '"')

ts = open(S + '/moltshield_datasets.ts', encoding='utf-8').read()
lit = r'''("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`)'''
ind_src = ts[ts.index('INDIRECT_INJECTION_CASES'):]
ind_src = ind_src[:ind_src.index('\n];')]
molt = []
for m in re.finditer(r'category:\s*"(\w+)",\s*userRequest:\s*' + lit + r',\s*maliciousContent:\s*' + lit, ind_src):
    cat, content = m.group(1), js_string(m.group(3))
    molt.append({'text': content, 'label': 0 if cat == 'benign' else 1, 'category': 'moltshield/' + cat})
write('heldout2', 'moltshield_indirect.jsonl', molt)
rest = ts[ts.index('\n];') + 3:]
benign = [{'text': js_string(m.group(2)), 'label': 0, 'category': 'moltshield-prompt/' + m.group(1)}
          for m in re.finditer(r'category:\s*"(\w+)",\s*prompt:\s*' + lit, rest)]
write('heldout2', 'moltshield_benign_prompts.jsonl', benign)

# --- HELD OUT, round 4 (score once) -------------------------------------
# Parapet's own inbound (tool-result layer) cases: 35 attacks, 30 benign.
pa = [{'text': t, 'label': 1, 'category': 'parapet-l3/attack'} for t in yitems(S + '/parapet_l3_inbound_attacks.yaml')]
pb = [{'text': t, 'label': 0, 'category': 'parapet-l3/benign'} for t in yitems(S + '/parapet_l3_inbound_benign.yaml')]
write('heldout3', 'parapet_l3_inbound.jsonl', pa + pb)
