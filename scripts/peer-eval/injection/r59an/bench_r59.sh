#!/bin/sh
# Round 59: interleaved benchmark pairs, HEAD build vs candidate build (order alternating).
#   /tmp/r59/detect-{base,cand}.test = `go test -c ./internal/detect/` in /tmp/r59/{base,cand}
# usage: bench_r59.sh PAIRS > OUT ; python3 bench_median_r59.py OUT
N=${1:-10}
cd /tmp/r59/base/internal/detect
for i in $(seq 1 $N); do
  if [ $((i % 2)) -eq 1 ]; then order="base cand"; else order="cand base"; fi
  for b in $order; do
    echo "== pair $i $b load $(cut -d' ' -f1 /proc/loadavg)"
    nice -n 10 /tmp/r59/detect-$b.test -test.run x -test.bench 'BenchmarkInjection|BenchmarkScanDocument' -test.count 1 -test.benchtime 50x 2>&1 | grep '^Benchmark'
  done
done
