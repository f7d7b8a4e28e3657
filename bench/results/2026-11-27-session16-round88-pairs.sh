#!/bin/sh
# Session 16, round 88: interleaved pairs, order alternating. Test binaries built from
# `git archive f090621` (base: HEAD with round 87) and the working tree with round
# 88 (mail-task rules; c88) under $D:
#   for V in base c88; do (cd $D/$V && go test -c -o $D/detect-$V.test ./internal/detect \
#     && go test -c -o $D/guardinj-$V.test ./internal/guard/injection); done
# Run: PAIRS=12 sh this.sh > out.txt (output: 2026-11-27-session16-round88-pairs.txt)
D=/tmp/bench88
for i in $(seq 1 ${PAIRS:-10}); do
  if [ $((i % 2)) -eq 1 ]; then order="base c88"; else order="c88 base"; fi
  for V in $order; do
    (cd $D/$V/internal/guard/injection && $D/guardinj-$V.test -test.run '^$' -test.bench '^BenchmarkBothGuards100K$' -test.benchtime 400x -test.cpu 1 | sed "s/^/$V /")
    (cd $D/$V/internal/detect && $D/detect-$V.test -test.run '^$' -test.bench '^BenchmarkScanDocument(Prose|JSON|Mail|KeywordDense|Chinese)100K$' -test.benchtime 30x -test.cpu 1 | sed "s/^/$V /")
  done
done
