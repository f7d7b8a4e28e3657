#!/bin/sh
# Session 23, final: the shipped code (head) against the base binaries that 2026-11-28-session23.sh
# built in /tmp/b23 (e425a3e with the same benchmark file); eight interleaved pairs at one core, on the
# benchmarks rule 5 of scripts/peer-eval/injection/r96an/README.md names and the new encoded ones.
# Output: bench/results/2026-11-28-session23-final.txt
set -e
B=/tmp/b23
cd "$(git rev-parse --show-toplevel)"
go test -c -o $B/det.head ./internal/detect && go test -c -o $B/inj.head ./internal/guard/injection && go test -c -o $B/pois.head ./internal/guard/poisoning
for i in 1 2 3 4 5 6 7 8; do
  for v in base head; do
    echo "## $v"
    (cd internal/guard/injection && $B/inj.$v -test.run '^$' -test.bench 'BothGuards100K$|Injection100K$' -test.benchmem -test.cpu 1)
    (cd internal/detect && $B/det.$v -test.run '^$' -test.bench 'ScanTools100$|ScanDocument(Prose|JSON|Mail)(100K|2K)$|ScanDocumentEncoded100K' -test.benchmem -test.cpu 1)
    (cd internal/guard/poisoning && $B/pois.$v -test.run '^$' -test.bench 'List100Cold$' -test.benchmem -test.cpu 1)
  done
done
