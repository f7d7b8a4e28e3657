#!/bin/sh
# Session 29: detector rules built on every core (docs/benchmarks.md, item 18). "base" = HEAD 4a68e5d
# archived to BASE (default /tmp/base29); "cand" = the working tree copied or archived to CAND
# (default: this tree). Builds warden and the internal/detect test binary of each into /tmp/b29, then:
#   - N alternating pairs of BenchmarkNewPoisoning and BenchmarkNewInjection (-test.benchtime 10x),
#     not pinned: the point is the second core;
#   - N alternating `warden wrap` starts of each (bench/startup/inittime.py --call, as in session 28);
#   - RSS 3 s after launch (idle) and its peak, three starts each.
# usage: sh bench/results/2026-11-29-session29.sh [N] > out.txt; then python3 bench/results/paired.py
# reads the benchmark lines ("base Benchmark..." / "cand Benchmark...").
set -e
B=/tmp/b29
N=${1:-10}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BASE=${BASE:-/tmp/base29}
CAND=${CAND:-$ROOT}
PY=${PY:-/usr/bin/python3}
mkdir -p $B
for v in base cand; do
  case $v in base) T=$BASE ;; cand) T=$CAND ;; esac
  (cd $T && go build -o $B/warden.$v ./cmd/warden && go test -c -o $B/detect.$v ./internal/detect)
done
echo "## BenchmarkNewPoisoning, BenchmarkNewInjection (GOMAXPROCS 2, alternating pairs)"
for i in $(seq $N); do
  for v in base cand; do
    (cd $ROOT/internal/detect && $B/detect.$v -test.run '^$' -test.bench 'BenchmarkNew(Poisoning|Injection)$' \
      -test.benchtime 10x -test.benchmem | sed -n "s/^Benchmark/$v Benchmark/p")
  done
done
echo "## warden wrap: launch to initialize, tools/list and the first tools/call"
for i in $(seq $N); do
  for v in base cand; do
    rm -rf $B/data.$v
    printf '%s ' $v
    python3 $ROOT/bench/startup/inittime.py --call get_weather $B/warden.$v wrap --data-dir $B/data.$v -- $PY $ROOT/bench/startup/onetool.py
  done
done
echo "## RSS (KiB) of warden wrap 3 s after launch (idle, detectors built) and its peak"
for i in 1 2 3; do
  for v in base cand; do
    rm -rf $B/data.$v
    (sleep 4) | $B/warden.$v wrap --data-dir $B/data.$v -- $PY $ROOT/bench/startup/onetool.py >/dev/null 2>&1 &
    sleep 3
    pid=$(pgrep -f "$B/warden.$v wrap" | head -1)
    echo "$v $(grep -E 'VmRSS|VmHWM' /proc/$pid/status | tr -s ' \t\n' ' ')"
    wait
  done
done
