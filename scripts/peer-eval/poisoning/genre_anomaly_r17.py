#!/usr/bin/env python3
"""Round 17: does a model of BENIGN tool genre flag the poisoned tools the rules miss?

Learned only from benign tool descriptions (no attack text), scored per sentence, tool
score = max over its sentences. Four families of anomaly score, all out of fold:
  kn_*   : interpolated Kneser-Ney word trigram of benign tool sentences, mean per-word
           surprisal (minimum sentence length 3 or 5; whole sentence or worst 6-word window);
  common : the same, counting only words seen in >= 10 owners (jargon left out);
  ml_*   : cross-entropy difference (Moore-Lewis) against benign conversational English
           (BIPIA e-mail/code contexts, AgentDojo environments; ../shared/corpora), so that
           jargon cancels and "English that is not tool genre" scores high;
  lo_*   : the same with unigram log-odds;
  knn    : one-class novelty, 1 - the best cosine to any benign training sentence over
           hashed common-word unigrams and bigrams (needs numpy; skipped without it);
  ens_*  : mean / max / min of the benign percentiles of kn_3_w6, ml_w6, common_w6, knn.
Cross-validation: 10 folds by owner (server, repository owner, npm package, else file
family); benign training tools whose text equals a test-fold tool's are dropped; synthetic
files (synth/, dev/, para4) never train.

Inputs are probe_r17.go outputs: HEAD over every tune file with -text, and the binaries
from before the r13/r14 tune halves were read (c9ce701 on r13_tune, 983fe2d on r14_tune).
Prints, per score and weak-evidence gate, the threshold at <= 0.3% and <= 1% of tune
benign tools newly flagged, the tune misses of HEAD it adds (other authors' real attacks),
and the pre-read detectors' 19 misses it adds.

Usage (in /tmp/poison-eval):
  python3 genre_anomaly_r17.py HEAD.jsonl OLD_R13.jsonl OLD_R14.jsonl
"""
import bisect, collections, hashlib, json, math, re, sys

HELD_OUT = ('heldout/', 'r12/', 'r13_heldout', 'r14_heldout', 'mpma_heldout', 'r11_heldout', 'r14_all')
SYNTH = ('synth/', 'dev/', 'para4')
NOT_REAL = SYNTH + ('cisco_malicious_capability',)  # capability, not description, attacks
BG_ROOT = '/work/shared/corpora/injection/'
K = 10
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
SPLIT = re.compile(r"(?<=[.!?:;])\s+|\n+|\s+-\s+|\s*[•*]\s+")


def rel(path):
    return path.split('/tmp/poison-eval/')[-1]


def group_of(d, f):
    """The owner a tool came from, so that no owner trains the model that scores it."""
    for k in ('server', '_server'):
        if d.get(k):
            return 'srv:' + str(d[k]).lower()
    if d.get('repo'):
        return 'own:' + d['repo'].split('/')[0].lower()
    for k in ('source', '_source'):
        if d.get(k):
            s = re.sub(r'(?<=.)@.*', '', d[k].split(':')[0])
            return 'own:' + s.lstrip('@').split('/')[0].lower()
    return 'file:' + re.sub(r'_(a|b|h|tune|heldout)$', '', f.split('/')[-1].replace('.jsonl', ''))


def self_words(name, params):
    ws = set()
    for s in [name] + list(params or []):
        for p in re.split(r'[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])', s or ''):
            if len(p) > 2:
                ws.add(p.lower())
    return ws


def tokens(s, selfw):
    return ['<num>' if w.isdigit() else '<self>' if w in selfw else w for w in WORD.findall(s.lower())]


def sentences(fields, selfw):
    out = []
    for fl in fields:
        p = fl['Path']
        if p in ('description', 'title') or p.endswith('.description') or p.endswith('.title'):
            out += [(s.strip(), tokens(s, selfw)) for s in SPLIT.split(fl['Text']) if s.strip()]
    return out


class KN:
    """Interpolated Kneser-Ney word trigram, fixed discount."""

    def __init__(self, sents, vocab, D=0.75):
        self.V, self.D = vocab, D
        self.c3, self.c2ctx, self.n3f = collections.Counter(), collections.Counter(), collections.Counter()
        cont2, cont1 = collections.defaultdict(set), collections.defaultdict(set)
        for t in sents:
            t = ['<s>', '<s>'] + [w if w in vocab else '<unk>' for w in t] + ['</s>']
            for i in range(2, len(t)):
                self.c3[(t[i-2], t[i-1], t[i])] += 1
                cont2[(t[i-1], t[i])].add(t[i-2])
                cont1[t[i]].add(t[i-1])
        for (a, b, _), n in self.c3.items():
            self.c2ctx[(a, b)] += n
            self.n3f[(a, b)] += 1
        self.k2 = {bg: len(s) for bg, s in cont2.items()}
        self.k2ctx, self.n2f = collections.Counter(), collections.Counter()
        for (b, _), n in self.k2.items():
            self.k2ctx[b] += n
            self.n2f[b] += 1
        self.k1 = {w: len(s) for w, s in cont1.items()}
        self.k1tot, self.nv = sum(self.k1.values()), len(vocab) + 2

    def p1(self, w):
        return (self.k1.get(w, 0) + 0.5) / (self.k1tot + 0.5 * self.nv)

    def p2(self, b, w):
        tot = self.k2ctx.get(b, 0)
        if not tot:
            return self.p1(w)
        return max(self.k2.get((b, w), 0) - self.D, 0) / tot + self.D * self.n2f[b] / tot * self.p1(w)

    def p3(self, a, b, w):
        tot = self.c2ctx.get((a, b), 0)
        if not tot:
            return self.p2(b, w)
        return max(self.c3.get((a, b, w), 0) - self.D, 0) / tot + self.D * self.n3f[(a, b)] / tot * self.p2(b, w)

    def surprisals(self, toks):
        t = ['<s>', '<s>'] + [w if w in self.V else '<unk>' for w in toks] + ['</s>']
        return [-math.log2(self.p3(t[i-2], t[i-1], t[i])) for i in range(2, len(t))]


def background():
    """Benign conversational English, tokenised by sentence."""
    texts = []
    for l in open(BG_ROOT + 'bipia-train/email_train.jsonl'):
        texts.append(json.loads(l)['context'].replace('|', '\n'))
    for l in open(BG_ROOT + 'bipia-train/code_train.jsonl'):
        c = json.loads(l).get('context')
        texts.append('\n'.join(c) if isinstance(c, list) else str(c))
    import glob
    for f in glob.glob(BG_ROOT + 'agentdojo/suites/*/environment.yaml') + glob.glob(BG_ROOT + 'agentdojo/suites/*/include/*.yaml'):
        for line in open(f):
            line = re.sub(r'\{injection_[a-z_0-9]+\}', ' ', line)
            m = re.match(r'\s*-?\s*[a-z_]+:\s*(.*)', line)
            s = (m.group(1) if m else line).strip().strip('"\'|>')
            if len(s.split()) >= 3:
                texts.append(s)
    return [t for x in texts for s in SPLIT.split(x) for t in [tokens(s, set())] if t]


def winmax(vals, win):
    if len(vals) <= win:
        return sum(vals) / len(vals)
    return max(sum(vals[i:i+win]) / win for i in range(len(vals) - win + 1))


def load(path):
    rows, raw = [], {}
    for l in open(path):
        r = json.loads(l)
        r['file'] = f = rel(r['file'])
        if any(h in f for h in HELD_OUT):
            sys.exit('refused: %s is held out' % f)
        if f not in raw:
            raw[f] = [json.loads(x) for x in open(f)]
        d = raw[f][r['idx']]
        assert d.get('name') == r['name'], (f, r['idx'])
        r['group'] = group_of(d, f)
        r['fold'] = int(hashlib.md5(r['group'].encode()).hexdigest(), 16) % K
        r['sents'] = sentences(r.get('fields') or [], self_words(r['name'], r.get('params')))
        r['desc'] = ' '.join(s for s, _ in r['sents'])
        rows.append(r)
    return rows


def fold_train(rows, k):
    test_desc = {r['desc'] for r in rows if r['fold'] == k}
    seen, out = set(), []
    for r in rows:
        if r['fold'] == k or r['label'] or any(x in r['file'] for x in SYNTH) or r['desc'] in test_desc or r['desc'] in seen:
            continue
        seen.add(r['desc'])
        out += [(r['group'], t) for _, t in r['sents']]
    return out


def lm_scores(rows, k, train, bgs):
    owners = collections.defaultdict(set)
    for g, t in train:
        for w in t:
            owners[w].add(g)
    vocab = {w for w, gs in owners.items() if len(gs) >= 2}
    common = {w for w, gs in owners.items() if len(gs) >= 10}
    gm = KN([t for _, t in train], vocab)
    bm = KN(bgs, vocab | {w for t in bgs for w in t})
    gu = collections.Counter(w if w in vocab else '<unk>' for _, t in train for w in t)
    bu = collections.Counter(w for t in bgs for w in t)
    gtot, btot = sum(gu.values()), sum(bu.values())
    for r in rows:
        if r['fold'] != k:
            continue
        best = collections.defaultdict(lambda: -99.0)
        for _, t in r['sents']:
            if len(t) < 3:
                continue
            sg, sb = gm.surprisals(t), bm.surprisals(t)
            c = {'kn_3': sum(sg) / len(sg), 'kn_3_w6': winmax(sg, 6)}
            if len(t) >= 5:
                c.update({'kn_5': c['kn_3'], 'kn_5_w6': c['kn_3_w6']})
            if len(t) >= 4:
                inv = [x for x, w in zip(sg, t + ['</s>']) if w in common or w == '</s>']
                if len(inv) >= 4:
                    c.update({'common': sum(inv) / len(inv), 'common_w6': winmax(inv, 6)})
                ml = [a - b for a, b in zip(sg, sb)]
                c.update({'ml': sum(ml) / len(ml), 'ml_w6': winmax(ml, 6)})
                lo = [math.log2(((bu.get(w, 0) + 1) / (btot + 20000)) / ((gu.get(w if w in vocab else '<unk>', 0) + 1) / (gtot + 20000)))
                      for w in t if w in vocab or w in bu]
                if lo:
                    c.update({'lo': sum(lo) / len(lo), 'lo_w6': winmax(lo, 6)})
            for n, v in c.items():
                best[n] = max(best[n], v)
        r.setdefault('s', {}).update(best)


def knn_scores(rows, k, train, np):
    dim = 1 << 12
    owners = collections.defaultdict(set)
    for g, t in train:
        for w in t:
            owners[w].add(g)
    common = {w for w, gs in owners.items() if len(gs) >= 5}

    def vec(t):
        t = [w if w in common else '<r>' for w in t]
        v = np.zeros(dim, dtype=np.float32)
        for f in [w for w in t if w != '<r>'] + [a + ' ' + b for a, b in zip(t, t[1:]) if a != '<r>' or b != '<r>']:
            v[int(hashlib.md5(f.encode()).hexdigest()[:8], 16) % dim] += 1
        n = np.linalg.norm(v)
        return v / n if n else v
    M = np.stack([vec(list(t)) for t in {tuple(t) for _, t in train if len(t) >= 3}])
    items = [(r, t) for r in rows if r['fold'] == k for _, t in r['sents'] if len(t) >= 4 and sum(w in common for w in t) >= 3]
    for i in range(0, len(items), 2000):
        sims = (np.stack([vec(t) for _, t in items[i:i+2000]]) @ M.T).max(axis=1)
        for (r, _), sm in zip(items[i:i+2000], sims.tolist()):
            r.setdefault('s', {})
            r['s']['knn'] = max(r['s'].get('knn', -1.0), 1 - sm)


def add_ensembles(rows, parts):
    ben = {p: sorted(r['s'].get(p, -99.0) for r in rows if not r['label']) for p in parts}
    for r in rows:
        ps = [bisect.bisect_right(ben[p], r['s'].get(p, -99.0)) / len(ben[p]) for p in parts]
        r['s'].update({'ens_mean': sum(ps) / len(ps), 'ens_max': max(ps), 'ens_min': min(ps)})


EVIDENCE = {
    'none': lambda h: True, 'finding': lambda h: h['nfind'] > 0, 'score>0': lambda h: h['pscore'] > 0,
    'clf>=0.2': lambda h: h['pclf'] >= 0.2, 'clf>=0.3': lambda h: h['pclf'] >= 0.3, 'clf>=0.4': lambda h: h['pclf'] >= 0.4,
}


def table(rows, old):
    ben = [r for r in rows if not r['label']]
    miss = [r for r in rows if r['label'] and not r['pflag'] and not any(x in r['file'] for x in NOT_REAL)]
    o19 = [r for r in rows if r['label'] and (r['file'], r['idx']) in old and not old[(r['file'], r['idx'])]['pflag']]
    print('tune benign %d (HEAD flags %d); HEAD misses of real attacks %d; pre-read misses %d'
          % (len(ben), sum(r['pflag'] for r in ben), len(miss), len(o19)))
    print('%-10s %-9s | %-31s | %-31s' % ('score', 'evidence', '<=0.3%: thr +benign +miss +old19', '<=1%: thr +benign +miss +old19'))
    for name in sorted(rows[0]['s']):
        sc = lambda r: r['s'].get(name, -99.0)
        for en, ev in EVIDENCE.items():
            cells = []
            for rate in (0.003, 0.01):
                cand = sorted((sc(r) for r in ben if not r['pflag'] and ev(r)), reverse=True)
                b = int(rate * len(ben))
                t = cand[b] if b < len(cand) else -1e9
                cells.append('%7.3f %3d %3d/%d %2d/%d' % (
                    t, sum(not r['pflag'] and ev(r) and sc(r) > t for r in ben),
                    sum(ev(r) and sc(r) > t for r in miss), len(miss),
                    sum(ev(old[(r['file'], r['idx'])]) and sc(r) > t for r in o19), len(o19)))
            print('%-10s %-9s | %s | %s' % (name, en, cells[0], cells[1]))


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    rows = load(sys.argv[1])
    old = {}
    for p in sys.argv[2:]:
        for l in open(p):
            d = json.loads(l)
            old[(rel(d['file']), d['idx'])] = d
    try:
        import numpy as np
    except ImportError:
        np = None
        print('numpy missing: knn and ensembles skipped', file=sys.stderr)
    bgs = background()
    for k in range(K):
        train = fold_train(rows, k)
        lm_scores(rows, k, train, bgs)
        if np is not None:
            knn_scores(rows, k, train, np)
    for r in rows:
        r.setdefault('s', {})
    if np is not None:
        add_ensembles(rows, ('kn_3_w6', 'ml_w6', 'common_w6', 'knn'))
    table(rows, old)


if __name__ == '__main__':
    main()
