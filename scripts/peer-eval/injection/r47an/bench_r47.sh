#!/bin/sh
# Round 47 speed check: test binaries from git archive 8ec8329 (/tmp/r47/base) and with round47_candidate.patch (/tmp/r47/cand):
#   (cd $T && go test -c -o /tmp/r47/bench/$N.detect.test ./internal/detect/ && go test -c -o /tmp/r47/bench/$N.guard.test ./internal/guard/injection/)
# interleaved pairs: base then candidate, then candidate then base, 10 pairs per benchmark
for i in 1 2 3 4 5 6 7 8 9 10; do
  if [ $((i % 2)) = 1 ]; then order="head cand"; else order="cand head"; fi
  for t in $order; do
    (cd /tmp/r47/base/internal/guard/injection && nice /tmp/r47/bench/$t.guard.test -test.run '^$' -test.bench '^BenchmarkBothGuards100K$' -test.benchtime 1s | grep ^Benchmark | sed "s/^/$t /")
    (cd /tmp/r47/base/internal/detect && nice /tmp/r47/bench/$t.detect.test -test.run '^$' -test.bench '^(BenchmarkScanDocumentProse100K|BenchmarkScanTools100)$' -test.benchtime 1s | grep ^Benchmark | sed "s/^/$t /")
  done
done
# medians: python3 r41an/bench_median_r41.py /tmp/r47/bench/bench.out
