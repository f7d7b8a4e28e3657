#!/bin/sh
# Round 51's speed clause: interleaved pairs, order alternating. Test binaries built from
# `git archive HEAD` (base) and the same with the change (cand) under $D:
#   for V in base cand; do (cd $D/$V && go test -c -o $D/detect-$V.test ./internal/detect \
#     && go test -c -o $D/guardinj-$V.test ./internal/guard/injection); done
# Medians: python3 scripts/peer-eval/injection/r41an/bench_median_r41.py OUT
D=${D:-/tmp/r51}
for i in 1 2 3 4 5 6 7 8; do
  if [ $((i % 2)) -eq 1 ]; then order="base cand"; else order="cand base"; fi
  for V in $order; do
    (cd $D/$V/internal/guard/injection && $D/guardinj-$V.test -test.run '^$' -test.bench '^BenchmarkBothGuards100K$' -test.benchtime 300x -test.cpu 1 | sed "s/^/$V /")
    (cd $D/$V/internal/detect && $D/detect-$V.test -test.run '^$' -test.bench '^BenchmarkScanDocument(Prose|JSON|Mail)100K$' -test.benchtime 200x -test.cpu 1 | sed "s/^/$V /")
  done
done
