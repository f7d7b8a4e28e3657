#!/usr/bin/env python3
"""Round 48: deciding signal (round 42's causes.decide) by view and by source over an r42an
output of the r48 web tune half. Tune data only; prints counts, no text.
usage: sigview_r48.py AN.jsonl   (run with r42an/{causes,shapes,sig}.py importable)"""
import collections, json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "r42an"))
from causes import decide

def main():
    by_view, by_src, sigs = collections.Counter(), collections.Counter(), collections.Counter()
    for l in open(sys.argv[1]):
        r = json.loads(l)
        s = decide(r)[0]
        _, _, view, src = r['cat'].split('/')
        sigs[s] += 1
        by_view[(s, view)] += 1
        by_src[(s, src)] += 1
    views = sorted({v for _, v in by_view})
    srcs = sorted({v for _, v in by_src})
    print('| signal | ' + ' | '.join(views) + ' | ' + ' | '.join(srcs) + ' | all |')
    print('|---' * (len(views) + len(srcs) + 2) + '|')
    for s, n in sigs.most_common():
        print(f'| {s} | ' + ' | '.join(str(by_view[(s, v)]) for v in views) + ' | ' +
              ' | '.join(str(by_src[(s, v)]) for v in srcs) + f' | {n} |')

if __name__ == '__main__':
    main()
