#!/bin/sh
# Session 21, the last commit: the 100-tool list with both cores and one, and the 100 KB tool result
# through both guards (five runs each), after the three 100-tool rewrites were taken out.
# Run from the repository root; output: bench/results/2026-11-28-session21-final.txt
set -e
B=/tmp/b21f
mkdir -p $B
go test -c -o $B/det ./internal/detect && go test -c -o $B/pois ./internal/guard/poisoning && go test -c -o $B/inj ./internal/guard/injection
git log --oneline -1; grep -m1 'model name' /proc/cpuinfo; nproc
(cd internal/guard/injection && $B/inj -test.run '^$' -test.bench 'BothGuards100K$' -test.benchmem -test.cpu 1 -test.count 5)
(cd internal/detect && $B/det -test.run '^$' -test.bench 'ScanTools100$|ScanToolLong$' -test.benchmem -test.cpu 1,2 -test.count 5)
(cd internal/guard/poisoning && $B/pois -test.run '^$' -test.bench 'List100Cold$' -test.benchmem -test.cpu 1,2 -test.count 5)
