#!/bin/sh
# Session 20: this VM's speed at HEAD (round 93's candidate did not ship), with the 2 KB document
# benchmarks added in round 93. Five runs each, one core, then the 100-tool list with both cores.
# Run from the repository root; output: bench/results/2026-11-28-session20.txt
set -e
go test -c -o /tmp/b20.detect ./internal/detect
go test -c -o /tmp/b20.pois ./internal/guard/poisoning
go test -c -o /tmp/b20.inj ./internal/guard/injection
uname -m; grep -m1 'model name' /proc/cpuinfo; nproc
(cd internal/detect && /tmp/b20.detect -test.run '^$' -test.bench 'ScanTools100$|ScanDocument(Prose100K|Prose2K|JSON2K|KeywordDense2K)$' -test.benchmem -test.cpu 1 -test.count 5)
(cd internal/guard/poisoning && /tmp/b20.pois -test.run '^$' -test.bench 'List100Cold$' -test.benchmem -test.cpu 1 -test.count 5)
(cd internal/guard/injection && /tmp/b20.inj -test.run '^$' -test.bench 'BothGuards100K$' -test.benchmem -test.cpu 1 -test.count 5)
(cd internal/detect && /tmp/b20.detect -test.run '^$' -test.bench 'ScanTools100$' -test.benchmem -test.cpu 2 -test.count 5)
(cd internal/guard/poisoning && /tmp/b20.pois -test.run '^$' -test.bench 'List100Cold$' -test.benchmem -test.cpu 2 -test.count 5)
