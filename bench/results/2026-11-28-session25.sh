#!/bin/sh
# Session 25: round 97 (scripts/peer-eval/injection/r97an/README.md), "cand" = the working tree copied
# to CAND (default /tmp/cand97), against "base" = HEAD 6edbd7b archived to BASE (default /tmp/bc2).
# Builds the test binaries into /tmp/b25, then:
#   1. pairs inside one process (the measurement rule 5 names; this VM drifts by tens of percent
#      between processes, session 24): BenchmarkAnchorMatcherPaired (prefilter walk, ratios
#      ciphers/none and noise/ciphers), BenchmarkUnscramblePaired (the unscrambler without and with
#      noise, ratio and added ns per KB of window), BenchmarkScanTools100NoisePaired (the poisoning
#      scan of 100 real tools with and without noise reading);
#   2. process-level pairs as session 24 (2026-11-28-session24-paired.sh): N alternating runs of
#      base and cand pinned to core 0; summarise with bench/results/paired.py.
# usage: sh bench/results/2026-11-28-session25.sh [N] > out.txt
set -e
B=/tmp/b25
N=${1:-20}
BASE=${BASE:-/tmp/bc2}
CAND=${CAND:-/tmp/cand97}
mkdir -p $B
for v in base cand; do
  case $v in base) T=$BASE ;; cand) T=$CAND ;; esac
  (cd $T && go test -c -o $B/det.$v ./internal/detect && go test -c -o $B/inj.$v ./internal/guard/injection && go test -c -o $B/pois.$v ./internal/guard/poisoning)
done
echo "## in-process pairs (cand)"
(cd $CAND/internal/detect && taskset -c 0 $B/det.cand -test.run '^$' -test.bench 'AnchorMatcherPaired|UnscramblePaired' -test.benchtime 2000x -test.count 3 -test.cpu 1 | grep '^Benchmark')
(cd $CAND/internal/detect && taskset -c 0 $B/det.cand -test.run '^$' -test.bench 'ScanTools100NoisePaired' -test.benchtime 600x -test.count 3 -test.cpu 1 | grep '^Benchmark')
echo "## process pairs"
. "$(dirname "$0")/paired-run.sh"
run internal/guard/injection inj 'BothGuards100K$' 300x
run internal/detect det 'ScanDocumentProse100K$' 600x
run internal/detect det 'ScanDocumentJSON100K$' 600x
run internal/guard/poisoning pois 'List100Cold$' 30x
run internal/guard/injection inj 'Injection100K$' 300x
run internal/detect det 'ScanDocumentKeywordDense2K$' 300x
