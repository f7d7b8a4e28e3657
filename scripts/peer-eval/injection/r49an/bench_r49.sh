#!/bin/sh
# Round 49 speed clause (copy of r47an/bench_lead_r47.sh with D=/tmp/r49, base = git archive HEAD 25b5329, cand = + round49_candidate.patch)
# 12 interleaved pairs, order alternating. Test binaries built from
# `git archive 3673b76` (base) and the same with round47_candidate.patch (cand):
#   for V in base cand; do (cd /tmp/s9b/$V && go test -c -o /tmp/s9b/detect-$V.test ./internal/detect \
#     && go test -c -o /tmp/s9b/guardinj-$V.test ./internal/guard/injection); done
# Medians: python3 scripts/peer-eval/injection/r41an/bench_median_r41.py OUT
D=${D:-/tmp/r49}
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
  if [ $((i % 2)) -eq 1 ]; then order="base cand"; else order="cand base"; fi
  for V in $order; do
    (cd $D/$V/internal/guard/injection && $D/guardinj-$V.test -test.run '^$' -test.bench '^BenchmarkBothGuards100K$' -test.benchtime 500x -test.cpu 1 | sed "s/^/$V /")
    (cd $D/$V/internal/detect && $D/detect-$V.test -test.run '^$' -test.bench '^Benchmark(ScanDocumentProse100K|ScanTools100)$' -test.benchtime 200x -test.cpu 1 | sed "s/^/$V /")
  done
done
