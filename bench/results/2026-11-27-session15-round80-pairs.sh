#!/bin/sh
# Session 15, round 80: interleaved pairs, order alternating. Test binaries built from
# `git archive c13d936` (base) and the working tree with round 80 (c80) under $D:
#   for V in base c80; do (cd $D/$V && go test -c -o $D/detect-$V.test ./internal/detect \
#     && go test -c -o $D/guardinj-$V.test ./internal/guard/injection); done
# Run: PAIRS=12 sh this.sh > out.txt (output: 2026-11-27-session15-round80-pairs.txt)
D=/tmp/bench80
for i in $(seq 1 ${PAIRS:-10}); do
  if [ $((i % 2)) -eq 1 ]; then order="base c80"; else order="c80 base"; fi
  for V in $order; do
    (cd $D/$V/internal/guard/injection && $D/guardinj-$V.test -test.run '^$' -test.bench '^BenchmarkBothGuards100K$' -test.benchtime 400x -test.cpu 1 | sed "s/^/$V /")
    (cd $D/$V/internal/detect && $D/detect-$V.test -test.run '^$' -test.bench '^BenchmarkScanDocument(Prose|JSON|Mail|KeywordDense)100K$' -test.benchtime 50x -test.cpu 1 | sed "s/^/$V /")
  done
done
