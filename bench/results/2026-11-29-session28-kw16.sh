#!/bin/sh
# Session 28, measured and not kept: 16-bit transition tables in internal/detect/keywords (docs/benchmarks.md,
# "Session 28"). "base" = a clean clone of 21a6c25 in BASE=/tmp/h/ci; "cand" = that tree with keywords.go's
# tables as uint16 state numbers, rows padded to a power of two, final states numbered last. Test binaries
# $B/{kw,inj,det}.{base,cand} built with go test -c in each tree; N alternating pairs pinned to core 0
# (paired-run.sh); summarise with bench/results/paired.py.
B=/tmp/b29
N=${1:-8}
BASE=/tmp/h/ci
. /work/main/bench/results/paired-run.sh
run internal/detect/keywords kw 'BenchmarkScanProse$' 200x
run internal/guard/injection inj 'BenchmarkBothGuards100K$' 300x
run internal/detect det 'BenchmarkScanDocumentProse100K$' 200x
run internal/detect det 'BenchmarkScanDocumentJSON100K$' 200x
run internal/detect det 'BenchmarkScanDocumentKeywordDense100K$' 100x
run internal/detect det 'BenchmarkScanDocumentMail100K$' 100x
run internal/detect det 'BenchmarkScanTools100$' 200x
run internal/detect det 'BenchmarkNewInjection$' 5x
run internal/detect det 'BenchmarkNewPoisoning$' 5x
