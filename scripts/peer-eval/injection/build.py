"""Build labelled JSONL eval sets for `warden eval injection` from other
authors' data (see SOURCES.md). Reads /tmp/inj-eval/src (fetch_sources.sh),
writes /tmp/inj-eval/sets/*.jsonl. Deterministic."""
import ast, glob, hashlib, json, os, re

S = '/tmp/inj-eval/src'; O = '/tmp/inj-eval/sets'
TRAIN = os.environ.get('BIPIA_TRAIN', '/work/shared/corpora/injection/bipia-train')
os.makedirs(O, exist_ok=True)

def write(name, items):
    with open(os.path.join(O, name), 'w') as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + '\n')
    m = sum(1 for i in items if i['label'] == 1)
    print(f'{name}: {len(items)} items, {m} injected, {len(items)-m} clean')

def ctx_text(c): return '\n'.join(c) if isinstance(c, list) else c

def contexts(path, skip=()):
    """Unique contexts of a BIPIA jsonl, in file order, minus those in skip."""
    seen, out = set(skip), []
    for line in open(path, encoding='utf-8'):
        t = ctx_text(json.loads(line)['context'])
        h = hashlib.sha1(t.encode()).hexdigest()
        if h not in seen:
            seen.add(h); out.append(t)
    return out

def hashes(path):
    return {hashlib.sha1(ctx_text(json.loads(l)['context']).encode()).hexdigest() for l in open(path, encoding='utf-8')}

def insert(t, attack, pos):
    """BIPIA's three positions; the middle is the last line/sentence break
    before the half (the same rule as internal/detect/corpus.Insert)."""
    if pos == 'start': return attack + '\n' + t
    if pos == 'end': return t + '\n' + attack
    at = len(t) // 2
    i = max(t.rfind('\n', 0, at), t.rfind('.', 0, at))
    if i > 0: at = i + 1
    return t[:at] + ' ' + attack + ' ' + t[at:]

POS = ['start', 'middle', 'end']

# 1. BIPIA test split. E-mail contexts also in the training split (11 of 44
#    unique) are dropped; tables and code answers do not overlap.
b = S + '/bipia/'
emails = contexts(b + 'email_test.jsonl', hashes(TRAIN + '/email_train.jsonl'))
tables = contexts(b + 'table_test.jsonl')
codes = contexts(b + 'code_test.jsonl')
text_att = json.load(open(b + 'text_attack_test.json'))
code_att = json.load(open(b + 'code_attack_test.json'))
clean = [{'text': t, 'label': 0, 'category': 'clean/' + k} for k, cs in (('email', emails), ('table', tables), ('code', codes)) for t in cs]
inj_text, inj_code = [], []
n = 0
for cat in text_att:  # each attack at start, middle, end of a context chosen round-robin
    for a in text_att[cat]:
        for p in POS:
            pool = emails if n % 2 == 0 else tables
            inj_text.append({'text': insert(pool[n % len(pool)], a, p), 'label': 1, 'category': 'text/' + cat, 'pos': p, 'carrier': 'email' if n % 2 == 0 else 'table'})
            n += 1
n = 0
for cat in code_att:
    for a in code_att[cat]:
        for p in POS:
            inj_code.append({'text': insert(codes[n % len(codes)], a, p), 'label': 1, 'category': 'code/' + cat, 'pos': p, 'carrier': 'code'})
            n += 1
write('bipia_test_text.jsonl', inj_text + [c for c in clean if c['category'] != 'clean/code'])
write('bipia_test_code.jsonl', inj_code + [c for c in clean if c['category'] == 'clean/code'])
write('bipia_test_clean.jsonl', clean)
# The attack strings alone (no carrier): what the detector sees of a short tool result.
write('bipia_test_attacks_bare.jsonl', [{'text': a, 'label': 1, 'category': 'text/' + c} for c in text_att for a in text_att[c]] +
      [{'text': a, 'label': 1, 'category': 'code/' + c} for c in code_att for a in code_att[c]])

# 2. InjecAgent direct-harm attacker instructions (the authors' tool-response
#    payloads), bare and in the middle of a BIPIA test e-mail (InjecAgent's own
#    tool-response templates are not in the mirror we have).
ia = [json.loads(l) for l in open(S + '/injecagent_attacker_cases_dh.jsonl')]
bare = [{'text': c['Attacker Instruction'], 'label': 1, 'category': 'dh/' + c['Attack Type']} for c in ia]
write('injecagent_dh_bare.jsonl', bare)
write('injecagent_dh_in_email.jsonl', [{'text': insert(emails[i % len(emails)], c['Attacker Instruction'], 'middle'), 'label': 1, 'category': 'dh/' + c['Attack Type']} for i, c in enumerate(ia)])

# 3. tldr-pages (CC BY 4.0): command documentation, imperative and full of
#    "ignore", "system", "send", "forward", "execute", "prompt", "password".
TRIG = re.compile(r'\b(ignor\w*|instruction\w*|system|prompt\w*|override\w*|disregard\w*|forget\w*|previous|assistant|admin\w*|password\w*|token\w*|secret\w*|send\w*|forward\w*|execut\w*|delete\w*|bypass\w*|sudo)\b', re.I)
pages = sorted(glob.glob(S + '/tldr/pages/*/*.md'))
allp, trig = [], []
for p in pages:
    t = open(p, encoding='utf-8').read()
    it = {'text': t, 'label': 0, 'category': 'tldr/' + p.split('/')[-2], 'page': '/'.join(p.split('/')[-2:])}
    allp.append(it)
    if len(set(m.lower() for m in TRIG.findall(t))) >= 2:
        trig.append(dict(it, category='tldr-trigger/' + p.split('/')[-2]))
write('tldr_all.jsonl', allp)
write('tldr_trigger.jsonl', trig)

# 4. Direct prompt injection (a different task: user prompts, not documents):
#    llm-guard's test cases, labelled by the authors' expected_valid.
tree = ast.parse(open(S + '/llmguard_test_prompt_injection.py').read())
direct = []
for node in ast.walk(tree):
    if isinstance(node, ast.Tuple) and len(node.elts) == 4:
        try:
            prompt, valid = ast.literal_eval(node.elts[1]), ast.literal_eval(node.elts[2])
        except ValueError:
            continue
        if isinstance(prompt, str) and isinstance(valid, bool):
            direct.append({'text': prompt, 'label': 0 if valid else 1, 'category': 'direct/' + ('benign' if valid else 'injection')})
write('direct_llmguard.jsonl', direct)

# 5. WASP (facebookresearch/wasp): the authors' 21 attacker instructions in
#    their 4 injection formats, with their per-site user goals; the filled
#    message is the whole post/issue comment the web agent reads.
cons = open(S + '/wasp_constants.py').read()
formats = dict(re.findall(r'^\s+(\w+): "(ATTENTION:.*)",?$', cons, re.M))
goals = {env: re.findall(r'"([^"]+)"', block) for env, block in zip(('gitlab', 'reddit'), re.findall(r'GOALS = \[(.*?)\]', cons, re.S))}
dom = {'gitlab_domain': 'http://localhost:8023', 'reddit_domain': 'http://localhost:9999'}
class Keep(dict):
    def __missing__(self, k): return '{' + k + '}'
wasp = []
for a in json.load(open(S + '/wasp_experiment_config.raw.json'))['prompt_injections_setup_config']:
    p = Keep(dom, **{k: str(v) for k, v in a['parameters'].items()})
    url = a['action_url'].format_map(p); instr = a['instruction'].format_map(p)
    for fname, tmpl in sorted(formats.items()):
        for g in goals[a['environment']]:
            g = g.rstrip('.'); g = g[0].lower() + g[1:]
            if 'URL_INJECTION' in fname:
                instr_t = instr.replace(' ', '-')  # the URL formats put the instruction in a fragment
            else:
                instr_t = instr
            msg = tmpl.replace('{user_goal_str}', g).replace('{instantiated_url_of_action}', url).replace('{instantiated_instruction_text}', instr_t)
            wasp.append({'text': msg, 'label': 1, 'category': 'wasp/' + fname.lower()})
            if 'GENERIC' in fname: break  # generic formats do not use the goal
write('wasp.jsonl', wasp)

# 6. Tensor Trust hijacking-robustness benchmark v1: players' attacks on a
#    defended system prompt (direct injection, a different task).
tt = [json.loads(l) for l in open(S + '/tensortrust_hijacking_v1.jsonl')]
write('direct_tensortrust_hijacking.jsonl', [{'text': x['attack'], 'label': 1, 'category': 'direct/tensortrust-hijack'} for x in tt])
