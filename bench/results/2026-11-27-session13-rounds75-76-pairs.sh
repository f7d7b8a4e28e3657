#!/bin/sh
# Session 13, rounds 75-76: interleaved pairs, order alternating. Test binaries built from
# `git archive db4e431` (base) and the same tree with rounds 75 and 76 (t76) under $D:
#   for V in base t76; do (cd $D/$V && go test -c -o $D/detect-$V.test ./internal/detect \
#     && go test -c -o $D/guardinj-$V.test ./internal/guard/injection); done
# Run: PAIRS=12 sh this.sh > out.txt (output: 2026-11-27-session13-rounds75-76-pairs.txt)
D=/tmp/bench74
for i in $(seq 1 ${PAIRS:-15}); do
  if [ $((i % 2)) -eq 1 ]; then order="base t76"; else order="t76 base"; fi
  for V in $order; do
    (cd $D/$V/internal/guard/injection && $D/guardinj-$V.test -test.run '^$' -test.bench '^BenchmarkBothGuards100K$' -test.benchtime 400x -test.cpu 1 | sed "s/^/$V /")
    (cd $D/$V/internal/detect && $D/detect-$V.test -test.run '^$' -test.bench '^BenchmarkScanDocument(Prose|JSON|Mail|KeywordDense|Adversarial)100K$' -test.benchtime 50x -test.cpu 1 | sed "s/^/$V /")
  done
done
