#!/bin/sh
# Session 11's content-guard pairs: D holds base/ (git archive 4a6bb35) and cand/ (git archive b14c643)
# and their test binaries detect-{base,cand}.test, guardinj-{base,cand}.test (go test -c in each tree).
D=${D:-/tmp/h/s11}
for i in $(seq 1 10); do
  if [ $((i % 2)) -eq 1 ]; then order="base cand"; else order="cand base"; fi
  for V in $order; do
    (cd $D/$V/internal/guard/injection && $D/guardinj-$V.test -test.run '^$' -test.bench '^BenchmarkBothGuards100K$' -test.benchtime 300x -test.cpu 1 | sed "s/^/$V /")
    (cd $D/$V/internal/detect && $D/detect-$V.test -test.run '^$' -test.bench '^Benchmark(ScanDocument(Prose|JSON|Mail|KeywordDense)100K|ScanTools100)$' -test.benchtime 60x -test.cpu 1 | sed "s/^/$V /")
  done
done
