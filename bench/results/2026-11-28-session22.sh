#!/bin/sh
# Session 22 (injection round 95, poisoning round 36): separator tricks read back, leetspeak anchors
# and letter-spaced tool text, against the session's first commit (e7b1212), interleaved: eight
# pairs at one core. Run from the repository root on a quiet machine;
# output: bench/results/2026-11-28-session22.txt
set -e
B=/tmp/b22
rm -rf $B && mkdir -p $B/base
git archive e7b1212 | tar -x -C $B/base
(cd $B/base && go test -c -o $B/det.base ./internal/detect && go test -c -o $B/inj.base ./internal/guard/injection \
  && go test -c -o $B/pois.base ./internal/guard/poisoning)
go test -c -o $B/det.head ./internal/detect && go test -c -o $B/inj.head ./internal/guard/injection
go test -c -o $B/pois.head ./internal/guard/poisoning
uname -m; grep -m1 'model name' /proc/cpuinfo; nproc
for i in 1 2 3 4 5 6 7 8; do
  for v in base head; do
    echo "## $v"
    (cd internal/guard/injection && $B/inj.$v -test.run '^$' -test.bench 'BothGuards100K$|Injection100K$' -test.benchmem -test.cpu 1)
    (cd internal/detect && $B/det.$v -test.run '^$' -test.bench 'ScanTools100$|ScanDocument(Prose|JSON|KeywordDense|Mail|Spelled|Adversarial)(100K|2K)$' -test.benchmem -test.cpu 1)
    (cd internal/guard/poisoning && $B/pois.$v -test.run '^$' -test.bench 'List100Cold$' -test.benchmem -test.cpu 1)
  done
done
