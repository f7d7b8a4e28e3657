#!/bin/sh
# Session 16, round 85: interleaved pairs, order alternating. Test binaries built from
# `git archive 382b088` (base: HEAD with round 82) and the working tree with round
# 85 (agent-task rules and anchors; c85) under $D:
#   for V in base c85; do (cd $D/$V && go test -c -o $D/detect-$V.test ./internal/detect \
#     && go test -c -o $D/guardinj-$V.test ./internal/guard/injection); done
# Run: PAIRS=12 sh this.sh > out.txt (output: 2026-11-27-session16-round85-pairs.txt)
D=/tmp/bench85
for i in $(seq 1 ${PAIRS:-10}); do
  if [ $((i % 2)) -eq 1 ]; then order="base c85"; else order="c85 base"; fi
  for V in $order; do
    (cd $D/$V/internal/guard/injection && $D/guardinj-$V.test -test.run '^$' -test.bench '^BenchmarkBothGuards100K$' -test.benchtime 400x -test.cpu 1 | sed "s/^/$V /")
    (cd $D/$V/internal/detect && $D/detect-$V.test -test.run '^$' -test.bench '^BenchmarkScanDocument(Prose|JSON|Mail|KeywordDense|Chinese)100K$' -test.benchtime 30x -test.cpu 1 | sed "s/^/$V /")
  done
done
