#!/bin/sh
# Round 41 W3 speed check. Binaries (go test -c) from `git archive HEAD` in /tmp/r41b/head (base)
# and the same archive with the candidate injection.bin in /tmp/r41b/cand:
#   (cd $T && go test -c -o /tmp/r41b/bench/$N.detect.test ./internal/detect/ && go test -c -o /tmp/r41b/bench/$N.guard.test ./internal/guard/injection/)
# interleaved pairs: base then candidate, then candidate then base, 10 pairs per benchmark
for i in 1 2 3 4 5 6 7 8 9 10; do
  if [ $((i % 2)) = 1 ]; then order="head cand"; else order="cand head"; fi
  for t in $order; do
    (cd /tmp/r41b/head/internal/guard/injection && nice /tmp/r41b/bench/$t.guard.test -test.run '^$' -test.bench '^BenchmarkBothGuards100K$' -test.benchtime 1s | grep ^Benchmark | sed "s/^/$t /")
    (cd /tmp/r41b/head/internal/detect && nice /tmp/r41b/bench/$t.detect.test -test.run '^$' -test.bench '^BenchmarkScanDocumentProse100K$' -test.benchtime 1s | grep ^Benchmark | sed "s/^/$t /")
  done
done
# medians: python3 r41an/bench_median_r41.py bench.out
