#!/bin/sh
# Session 24: paired, finely interleaved timing for a VM whose speed drifts by ±40% from minute to minute
# (this one: ScanDocumentProse100K read 190-320 µs on an idle machine, no PMU for perf stat). For each
# benchmark, base and cand binaries (built by 2026-11-28-session24.sh into /tmp/b24) run alternately,
# N pairs of short runs pinned to one core, so each pair meets the same conditions; paired.py prints the
# median of the per-pair ratios cand/base with a bootstrap 95% interval and a sign test.
# usage: 2026-11-28-session24-paired.sh [N] > out.txt; python3 bench/results/paired.py out.txt
set -e
B=/tmp/b24
N=${1:-20}
BASE=/tmp/bh
. "$(dirname "$0")/paired-run.sh"
run internal/guard/injection inj 'BothGuards100K$' 300x
run internal/detect det 'ScanDocumentProse100K$' 600x
run internal/detect det 'ScanDocumentJSON100K$' 600x
run internal/guard/poisoning pois 'List100Cold$' 30x
run internal/guard/injection inj 'Injection100K$' 300x
[ -n "$RULE5_ONLY" ] && exit 0
run internal/detect det 'ScanDocumentJSON2K$' 20000x
run internal/detect det 'ScanDocumentEncoded100K/emoji' 200x
