#!/bin/sh
# Session 30: round 106's injection rules (docs/benchmarks.md, item 19). "base" = HEAD archived to BASE
# (default /tmp/h/trees/head), "cand" = the candidate tree CAND (default /tmp/h/trees/c106). Builds the
# internal/detect and internal/guard/injection test binaries of each into /tmp/b30, then N alternating
# pairs pinned to core 0 (one core: the scan runs on one) of the 100 KB document scans and the two guards
# on one 100 KB tool result, and N pairs of BenchmarkNewInjection (both cores, start-up).
# usage: sh bench/results/2026-11-29-session30.sh [N] > out.txt; python3 bench/results/paired.py < out.txt
set -e
B=/tmp/b30
N=${1:-8}
BASE=${BASE:-/tmp/h/trees/head}
CAND=${CAND:-/tmp/h/trees/c106}
mkdir -p $B
for v in base cand; do
  case $v in base) T=$BASE ;; cand) T=$CAND ;; esac
  (cd $T && go test -c -o $B/detect.$v ./internal/detect && go test -c -o $B/guard.$v ./internal/guard/injection)
done
. "$(dirname "$0")/paired-run.sh"
echo "## 100 KB scans, one core, alternating pairs"
run internal/detect detect 'BenchmarkScanDocument(Prose|JSON|KeywordDense|Mail)100K$' 200x
run internal/guard/injection guard 'BenchmarkBothGuards100K$' 200x
echo "## BenchmarkNewInjection (GOMAXPROCS 2, alternating pairs)"
for i in $(seq $N); do
  for v in base cand; do
    (cd $BASE/internal/detect && $B/detect.$v -test.run '^$' -test.bench 'BenchmarkNewInjection$' \
      -test.benchtime 5x | sed -n "s/^Benchmark/$v Benchmark/p")
  done
done
