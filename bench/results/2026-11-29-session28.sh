#!/bin/sh
# Session 28: detectors built while the upstream starts (docs/benchmarks.md, item 17). "base" = HEAD
# aa58106 archived to BASE (default /tmp/base28); "cand" = the working tree copied to CAND (default
# /tmp/cand28). Builds warden into /tmp/b28, then N alternating `warden wrap` starts of each
# (bench/startup/inittime.py --call: launch to the answers of initialize, tools/list and, sent at once
# after the list, a tools/call, whose result the injection guard reads; a one-tool stdio server behind
# it, run with /usr/bin/python3 rather than a pyenv shim, whose own start-up is ~0.4 s). Not pinned:
# the detectors are built on both cores, as on a desktop. Then RSS when idle and at peak.
# usage: sh bench/results/2026-11-29-session28.sh [N] > out.txt
set -e
B=/tmp/b28
N=${1:-10}
BASE=${BASE:-/tmp/base28}
CAND=${CAND:-/tmp/cand28}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PY=${PY:-/usr/bin/python3}
mkdir -p $B
for v in base cand; do
  case $v in base) T=$BASE ;; cand) T=$CAND ;; esac
  (cd $T && go build -o $B/warden.$v ./cmd/warden)
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
