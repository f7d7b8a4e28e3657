"""Round 42: per tune set, items whose task findings fell and flags lost/gained between two
tune_r42.py runs. usage: taskdiff.py NAME_A NAME_B (run in /tmp/r42)."""
import json,sys,glob,collections
a,b=sys.argv[1],sys.argv[2]
for fa in sorted(glob.glob(f'tune/{a}.*.out')):
    k=fa.split(f'{a}.',1)[1]; fb=f'tune/{b}.{k}'
    c=collections.Counter()
    for la,lb in zip(open(fa),open(fb)):
        ra,rb=json.loads(la),json.loads(lb)
        ta=(ra.get('rules') or []).count('inj.task.request'); tb=(rb.get('rules') or []).count('inj.task.request')
        lab=ra['label']
        c[(lab,'items with fewer task findings')]+= tb<ta
        c[(lab,'flag lost')]+= ra['flagged'] and not rb['flagged']
        c[(lab,'flag gained')]+= rb['flagged'] and not ra['flagged']
        c[(lab,'task-only flag items base')]+= ra['flagged'] and ta>0
    print(k, {f'{l}:{n}':v for (l,n),v in sorted(c.items()) if v})
