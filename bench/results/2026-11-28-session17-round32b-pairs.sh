#!/bin/sh
# Session 17, poisoning round 32b (sensitive.read-path): interleaved pairs, order alternating. Test
# binaries built from `git archive f49b18d` (base) and the working tree with the
# rule (c32) under $D:
#   for V in base c32; do (cd $D/$V && go test -c -o $D/detect-$V.test ./internal/detect \
#     && go test -c -o $D/guardp-$V.test ./internal/guard/poisoning); done
# Run: PAIRS=8 sh this.sh > out.txt (output: 2026-11-28-session17-round32b-pairs.txt)
D=/tmp/bench32
for i in $(seq 1 ${PAIRS:-8}); do
  if [ $((i % 2)) -eq 1 ]; then order="base c32"; else order="c32 base"; fi
  for V in $order; do
    (cd $D/$V/internal/detect && $D/detect-$V.test -test.run '^$' -test.bench '^BenchmarkScanTools100$' -test.benchtime 100x -test.cpu 1 | sed "s/^/$V /")
    (cd $D/$V/internal/guard/poisoning && $D/guardp-$V.test -test.run '^$' -test.bench '^BenchmarkList100Cold$' -test.benchtime 100x -test.cpu 1 | sed "s/^/$V /")
  done
done
