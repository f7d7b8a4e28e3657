#!/bin/sh
# Round 55's speed clause: interleaved pairs (order alternating) of detect test binaries built
# from `git archive HEAD` (base) and the same with the change (cand) under $D:
#   for V in base cand; do (cd $D/$V && go test -c -o $D/detect-$V.test ./internal/detect); done
# Medians: python3 scripts/peer-eval/injection/r51an/bench_median_r51.py OUT
D=${D:-/tmp/r55}
for i in 1 2 3 4 5 6; do
  if [ $((i % 2)) -eq 1 ]; then order="base cand"; else order="cand base"; fi
  for V in $order; do
    (cd $D/$V/internal/detect && $D/detect-$V.test -test.run '^$' -test.bench '^Benchmark(ScanDocument(Prose|JSON|KeywordDense)100K)$' -test.benchtime 200x -test.cpu 1 | grep Bench | sed "s/^/$V /")
  done
done
