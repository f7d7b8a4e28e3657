#!/bin/sh
# Session 24: round 96d (scripts/peer-eval/injection/r96an/README.md), "cand" = the working tree
# copied to CAND (default /tmp/bc2), against "base" = HEAD (9ca18c8) archived to /tmp/bh; builds the
# test binaries into /tmp/b24, then eight interleaved pairs at one core, pinned to core 0 (a rebuild ran
# on core 1), on the benchmarks rule 5 names and the encoded ones. This VM's speed drifted too much for
# these eight pairs to say anything (±20-40% between runs): 2026-11-28-session24-paired.sh, which reuses
# the binaries built here, is the measurement. Set SKIP_PAIRS=1 to build only.
# Output: bench/results/2026-11-28-session24.txt
set -e
B=/tmp/b24
mkdir -p $B
for v in base cand; do
  case $v in base) T=/tmp/bh ;; cand) T=${CAND:-/tmp/bc2} ;; esac
  (cd $T && go test -c -o $B/det.$v ./internal/detect && go test -c -o $B/inj.$v ./internal/guard/injection && go test -c -o $B/pois.$v ./internal/guard/poisoning)
done
[ -n "$SKIP_PAIRS" ] && exit 0
cd /tmp/bh
for i in 1 2 3 4 5 6 7 8; do
  for v in base cand; do
    echo "## $v"
    (cd internal/guard/injection && taskset -c 0 $B/inj.$v -test.run '^$' -test.bench 'BothGuards100K$|Injection100K$' -test.benchmem -test.cpu 1)
    (cd internal/detect && taskset -c 0 $B/det.$v -test.run '^$' -test.bench 'ScanTools100$|ScanDocument(Prose|JSON|Mail)(100K|2K)$|ScanDocumentEncoded100K' -test.benchmem -test.cpu 1)
    (cd internal/guard/poisoning && taskset -c 0 $B/pois.$v -test.run '^$' -test.bench 'List100Cold$' -test.benchmem -test.cpu 1)
  done
done
