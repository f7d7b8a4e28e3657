#!/bin/sh
# Session 26: rounds 99 and 100 (scripts/peer-eval/injection/r99an/README.md), "cand" = the working
# tree copied to CAND (default /tmp/cand100), against "base" = HEAD 1d739cd archived to BASE (default
# /tmp/head99). Builds the test binaries into /tmp/b26, then:
#   1. pairs inside one process (rule 5; this VM drifts by tens of percent between processes):
#      BenchmarkRespellPaired (prefilter walk with and without the respell anchors; a window's
#      unscramble pass alone and followed by respell, ratio and added ns per KB),
#      BenchmarkUncommonPairsPaired (the walk with round 100's cipher anchors and with round 96d's),
#      BenchmarkScanRespellPaired (whole scans with and without respell);
#   2. process-level pairs as session 25: N alternating runs of base and cand pinned to core 0;
#      summarise with bench/results/paired.py.
# usage: sh bench/results/2026-11-28-session26.sh [N] > out.txt
set -e
B=/tmp/b26
N=${1:-20}
BASE=${BASE:-/tmp/head99}
CAND=${CAND:-/tmp/cand100}
mkdir -p $B
for v in base cand; do
  case $v in base) T=$BASE ;; cand) T=$CAND ;; esac
  (cd $T && go test -c -o $B/det.$v ./internal/detect && go test -c -o $B/inj.$v ./internal/guard/injection)
done
echo "## in-process pairs (cand)"
(cd $CAND/internal/detect && taskset -c 0 $B/det.cand -test.run '^$' -test.bench 'RespellPaired|UncommonPairsPaired' -test.benchtime 1500x -test.count 3 -test.cpu 1 | grep '^Benchmark')
(cd $CAND/internal/detect && taskset -c 0 $B/det.cand -test.run '^$' -test.bench 'ScanRespellPaired' -test.benchtime 100x -test.count 3 -test.cpu 1 | grep '^Benchmark')
echo "## process pairs"
. "$(dirname "$0")/paired-run.sh"
run internal/guard/injection inj 'BothGuards100K$' 300x
run internal/detect det 'ScanDocumentProse100K$' 600x
run internal/detect det 'ScanDocumentJSON100K$' 600x
run internal/detect det 'ScanDocumentKeywordDense2K$' 300x
