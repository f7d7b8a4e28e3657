#!/bin/sh
# Session 17, round 89: interleaved pairs, order alternating. Test binaries built from
# `git archive 4701d30` (base: HEAD, round 88 and the score mend) and the working tree with round
# 89 (memory and propagation rules; c89) under $D:
#   for V in base c89; do (cd $D/$V && go test -c -o $D/detect-$V.test ./internal/detect \
#     && go test -c -o $D/guardinj-$V.test ./internal/guard/injection); done
# Run: PAIRS=12 sh this.sh > out.txt (output: 2026-11-28-session17-round89-pairs.txt)
D=/tmp/bench89
for i in $(seq 1 ${PAIRS:-10}); do
  if [ $((i % 2)) -eq 1 ]; then order="base c89"; else order="c89 base"; fi
  for V in $order; do
    (cd $D/$V/internal/guard/injection && $D/guardinj-$V.test -test.run '^$' -test.bench '^BenchmarkBothGuards100K$' -test.benchtime 400x -test.cpu 1 | sed "s/^/$V /")
    (cd $D/$V/internal/detect && $D/detect-$V.test -test.run '^$' -test.bench '^BenchmarkScanDocument(Prose|JSON|Mail|KeywordDense|Chinese)100K$' -test.benchtime 30x -test.cpu 1 | sed "s/^/$V /")
  done
done
