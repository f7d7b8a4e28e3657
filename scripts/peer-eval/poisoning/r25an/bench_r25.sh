#!/bin/sh
# Round 25's speed clause: BenchmarkScanTools100, interleaved pairs, order alternating. Test binaries
# built from `git archive HEAD` (base) and the same with round25_candidate.patch (cand) under $D:
#   for V in base cand; do (cd $D/$V && go test -c -o $D/detect-$V.test ./internal/detect); done
# Summary (min, mean of 3 fastest): python3 scripts/peer-eval/injection/r60an/bench_min_r60.py OUT
D=${D:-/tmp/r25an}
for i in $(seq 1 ${PAIRS:-12}); do
  if [ $((i % 2)) -eq 1 ]; then order="base cand"; else order="cand base"; fi
  for V in $order; do
    (cd $D/$V/internal/detect && nice -n 10 $D/detect-$V.test -test.run '^$' -test.bench '^BenchmarkScanTools100$' -test.benchtime 100x -test.cpu 1 | sed "s/^/$V /")
  done
done
