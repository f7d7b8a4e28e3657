#!/bin/sh
# Session 18: interleaved pairs, order alternating, three trees:
#   old  = git archive 73b9f26 (session 17's last commit)
#   base = git archive ed1119c (the reversed-word finder in one pass; results identical)
#   cand = the working tree with round 91's injection rules and round 33b's poisoning rules
# Test binaries built under $D:
#   for V in old base cand; do (cd $D/$V && go test -c -o $D/detect-$V.test ./internal/detect \
#     && go test -c -o $D/guardp-$V.test ./internal/guard/poisoning \
#     && go test -c -o $D/guardi-$V.test ./internal/guard/injection); done
# Run: PAIRS=6 sh this.sh > out.txt; then benchstat per pair of labels
# (output: 2026-11-28-session18-pairs.txt).
D=/tmp/bench18
for i in $(seq 1 ${PAIRS:-6}); do
  if [ $((i % 2)) -eq 1 ]; then order="old base cand"; else order="cand base old"; fi
  for V in $order; do
    (cd $D/$V/internal/detect && $D/detect-$V.test -test.run '^$' -test.bench '^(BenchmarkScanTools100|BenchmarkScanDocumentProse100K)$' -test.benchtime 1s -test.cpu 1 | grep ^Benchmark | sed "s/^/$V /")
    (cd $D/$V/internal/guard/poisoning && $D/guardp-$V.test -test.run '^$' -test.bench '^BenchmarkList100Cold$' -test.benchtime 1s -test.cpu 1 | grep ^Benchmark | sed "s/^/$V /")
    (cd $D/$V/internal/guard/injection && $D/guardi-$V.test -test.run '^$' -test.bench '^BenchmarkBothGuards100K$' -test.benchtime 1s -test.cpu 1 | grep ^Benchmark | sed "s/^/$V /")
  done
done
