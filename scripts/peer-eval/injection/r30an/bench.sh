#!/bin/bash
# interleaved pairs: base (git archive HEAD) vs candidate (L)
for i in 1 2 3 4 5 6 7; do
  for t in base cand; do
    d=H; [ $t = cand ] && d=R
    (cd /tmp/r30/$d/internal/detect && /tmp/r30/detect-$t.test -test.run '^$' -test.bench 'BenchmarkScanDocument(Prose|JSON|KeywordDense)100K$' -test.benchtime 1s 2>&1 | grep ^Benchmark | sed "s/^/$t /")
    (cd /tmp/r30/$d/internal/guard/injection && /tmp/r30/ginj-$t.test -test.run '^$' -test.bench 'BenchmarkInjection100K$' -test.benchtime 1s 2>&1 | grep ^Benchmark | sed "s/^/$t /")
  done
done
