#!/bin/bash
# interleaved pairs: base (git archive e977c4d) vs tree (round 33 C2)
for i in 1 2 3 4 5 6 7; do
  for t in base tree; do
    (cd /tmp/r33/$t/internal/detect && nice /tmp/r33/det-$t -test.run '^$' -test.bench 'BenchmarkScanDocument(Prose|JSON)100K$' -test.benchtime 1s 2>&1 | grep ^Benchmark | sed "s/^/$t /")
    (cd /tmp/r33/$t/internal/guard/injection && nice /tmp/r33/gi-$t -test.run '^$' -test.bench 'BenchmarkInjection100K$' -test.benchtime 1s 2>&1 | grep ^Benchmark | sed "s/^/$t /")
  done
done
