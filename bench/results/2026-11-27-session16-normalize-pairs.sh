#!/bin/sh
# Session 16: Normalize's CJK fast path and table decompositions (5ddb004) against the commit
# before it (dc98ff6, with this session's benchmark file copied in), interleaved pairs.
#   git archive dc98ff6 | tar -x -C $D/pre; cp internal/detect/injection_bench_test.go $D/pre/internal/detect/
#   (cd $D/pre && go test -c -o $D/detect-pre.test ./internal/detect); base = git archive 208629e as in
#   2026-11-27-session16-round82-pairs.sh
# Run: PAIRS=8 sh this.sh > 2026-11-27-session16-normalize-pairs.txt
D=/tmp/bench82
for i in $(seq 1 ${PAIRS:-8}); do
  if [ $((i % 2)) -eq 1 ]; then order="pre base"; else order="base pre"; fi
  for V in $order; do
    (cd $D/$V/internal/detect && $D/detect-$V.test -test.run '^$' -test.bench '^BenchmarkScanDocument(Prose|Chinese)100K$' -test.benchtime 30x -test.cpu 1 | sed "s/^/$V /")
  done
done
