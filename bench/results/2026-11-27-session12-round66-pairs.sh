#!/bin/sh
# Round 60's speed clause: interleaved pairs, order alternating (round 51's script with the
# keyword-dense and adversarial documents added). Test binaries built from `git archive HEAD`
# (base) and the same with the change (cand) under $D:
#   for V in base cand; do (cd $D/$V && go test -c -o $D/detect-$V.test ./internal/detect \
#     && go test -c -o $D/guardinj-$V.test ./internal/guard/injection); done
# Medians: python3 scripts/peer-eval/injection/r51an/bench_median_r51.py OUT
D=${D:-/tmp/h}
for i in $(seq 1 ${PAIRS:-8}); do
  if [ $((i % 2)) -eq 1 ]; then order="base cand"; else order="cand base"; fi
  for V in $order; do
    (cd $D/$V/internal/guard/injection && $D/guardinj-$V.test -test.run '^$' -test.bench '^BenchmarkBothGuards100K$' -test.benchtime 300x -test.cpu 1 | sed "s/^/$V /")
    (cd $D/$V/internal/detect && $D/detect-$V.test -test.run '^$' -test.bench '^BenchmarkScanDocument(Prose|JSON|Mail|KeywordDense|Adversarial)100K$' -test.benchtime 100x -test.cpu 1 | sed "s/^/$V /")
  done
done
