#!/bin/sh
# Session 27: detector start-up (docs/benchmarks.md, item 16). "base" = HEAD 5390ee1 archived to
# BASE (default /tmp/base) with this session's two benchmark files copied in (BenchmarkNewInjection in
# internal/detect/poisoning_match_test.go, BenchmarkNew in internal/detect/keywords/bench_test.go);
# "cand" = the working tree copied to CAND (default /tmp/cand27). Builds test binaries and warden into
# /tmp/b27, then N alternating process pairs pinned to core 0 (paired-run.sh; summarise with
# bench/results/paired.py), and N alternating `warden wrap` starts (bench/startup/inittime.py, a one-tool
# stdio server behind it; not pinned: the guards are built on both cores).
# usage: sh bench/results/2026-11-29-session27.sh [N] > out.txt
set -e
B=/tmp/b27
N=${1:-10}
BASE=${BASE:-/tmp/base}
CAND=${CAND:-/tmp/cand27}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p $B
for v in base cand; do
  case $v in base) T=$BASE ;; cand) T=$CAND ;; esac
  (cd $T && go test -c -o $B/det.$v ./internal/detect && go test -c -o $B/kw.$v ./internal/detect/keywords &&
    go build -o $B/warden.$v ./cmd/warden)
done
. "$(dirname "$0")/paired-run.sh"
echo "## process pairs"
run internal/detect/keywords kw 'BenchmarkNew$' 10x
run internal/detect det 'NewInjection$' 5x
run internal/detect det 'NewPoisoning$' 5x
echo "## warden wrap: launch to initialize and to tools/list"
for i in $(seq $N); do
  for v in base cand; do
    rm -rf $B/data.$v
    printf '%s ' $v
    python3 $ROOT/bench/startup/inittime.py $B/warden.$v wrap --data-dir $B/data.$v -- python3 $ROOT/bench/startup/onetool.py
  done
done
echo "## peak RSS of one evaluation (KiB): warden eval injection|poisoning on one item"
echo '[{"name":"add","description":"Adds two numbers.","label":0}]' > $B/one.json
for i in 1 2 3; do
  for v in base cand; do
    for k in injection poisoning; do
      printf '%s %s ' $v $k
      /usr/bin/time -f '%M KiB %e s' $B/warden.$v eval $k $B/one.json 2>&1 >/dev/null | tail -1
    done
  done
done
