#!/bin/sh
# Session 31: the session's changes against its start (docs/benchmarks.md, item 20). "base" = b239e19
# archived to BASE (default /tmp/h/lead/starttree), "cand" = the tree CAND (default: this checkout).
# Builds the test binaries of internal/detect, internal/guard/injection and internal/app of each into
# /tmp/b31, then alternating pairs pinned to core 0: the 100-tool poisoning scan (round 41's 25 rules),
# the two content guards on one 100 KB text result, and one tools/call through the whole process.
# The secrets guard's new structured-result benchmark exists only in cand and is run alone.
# usage: sh bench/results/2026-11-29-session31.sh [N] > out.txt; python3 bench/results/paired.py out.txt
set -e
B=/tmp/b31
N=${1:-8}
BASE=${BASE:-/tmp/h/lead/starttree}
CAND=${CAND:-$(cd "$(dirname "$0")/../.." && pwd)}
mkdir -p $B
for v in base cand; do
  case $v in base) T=$BASE ;; cand) T=$CAND ;; esac
  (cd $T && go test -c -o $B/detect.$v ./internal/detect && go test -c -o $B/guard.$v ./internal/guard/injection && go test -c -o $B/app.$v ./internal/app)
done
. "$(dirname "$0")/paired-run.sh"
run internal/detect detect 'BenchmarkScanTools100$' 200x
run internal/guard/injection guard 'Benchmark(BothGuards|Secrets)100K$' 300x
run internal/app app 'BenchmarkToolsCall/via=warden/payload=(100|102400)$' 500x
echo "## cand only: the secrets guard on 100 KB of structured rows and of text, one core"
(cd $CAND/internal/guard/secrets && go test -run '^$' -bench 'Structured100K|Text100K' -benchtime 300x -count 5 -cpu 1 | grep '^Benchmark')
