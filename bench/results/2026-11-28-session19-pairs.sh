#!/bin/sh
# Session 19: interleaved pairs, order alternating, two trees and the round-34b candidate:
#   old  = git archive 872e28e (session 18's last commit)
#   new  = git archive of session 19's commit with the retrained poisoning model (results identical)
#   cand = new + scripts/peer-eval/poisoning/round34b_candidate.patch (not shipped)
# Test binaries built under $D:
#   for V in old new cand; do (cd $D/$V && go test -c -o $D/detect-$V.test ./internal/detect \
#     && go test -c -o $D/guardp-$V.test ./internal/guard/poisoning \
#     && go test -c -o $D/guardi-$V.test ./internal/guard/injection); done
# Run: PAIRS=6 sh this.sh > out.txt; then benchstat per pair of labels
# (output: 2026-11-28-session19-pairs.txt).
D=/tmp/bench19
for i in $(seq 1 ${PAIRS:-6}); do
  if [ $((i % 2)) -eq 1 ]; then order="old new cand"; else order="cand new old"; fi
  for V in $order; do
    (cd $D/$V/internal/detect && $D/detect-$V.test -test.run '^$' -test.bench '^(BenchmarkScanTools100|BenchmarkScanDocumentProse100K)$' -test.benchtime 1s -test.cpu 1 | grep ^Benchmark | sed "s/^/$V /")
    (cd $D/$V/internal/guard/poisoning && $D/guardp-$V.test -test.run '^$' -test.bench '^BenchmarkList100Cold$' -test.benchtime 1s -test.cpu 1 | grep ^Benchmark | sed "s/^/$V /")
    (cd $D/$V/internal/guard/injection && $D/guardi-$V.test -test.run '^$' -test.bench '^BenchmarkBothGuards100K$' -test.benchtime 1s -test.cpu 1 | grep ^Benchmark | sed "s/^/$V /")
  done
done
