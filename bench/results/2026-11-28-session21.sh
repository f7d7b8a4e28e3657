#!/bin/sh
# Session 21: the keyword prefilter's four walks, the secrets scanner's forward line search and the
# poisoning units' any-of literals, against the session's first commit (a82baad), interleaved.
# Eight pairs at one core, then HEAD with both cores. Run from the repository root on a quiet
# machine; output: bench/results/2026-11-28-session21.txt
set -e
B=/tmp/b21
rm -rf $B && mkdir -p $B/base
git archive a82baad | tar -x -C $B/base
(cd $B/base && go test -c -o $B/det.base ./internal/detect && go test -c -o $B/sec.base ./internal/detect/secrets \
  && go test -c -o $B/inj.base ./internal/guard/injection && go test -c -o $B/pois.base ./internal/guard/poisoning)
go test -c -o $B/det.head ./internal/detect && go test -c -o $B/sec.head ./internal/detect/secrets
go test -c -o $B/inj.head ./internal/guard/injection && go test -c -o $B/pois.head ./internal/guard/poisoning
uname -m; grep -m1 'model name' /proc/cpuinfo; nproc
for i in 1 2 3 4 5 6 7 8; do
  for v in base head; do
    echo "## $v"
    (cd internal/guard/injection && $B/inj.$v -test.run '^$' -test.bench 'BothGuards100K$|Injection100K$|Secrets100K$' -test.benchmem -test.cpu 1)
    (cd internal/detect && $B/det.$v -test.run '^$' -test.bench 'ScanTools100$|ScanDocumentProse100K$|ScanDocumentJSON100K$' -test.benchmem -test.cpu 1)
    (cd internal/detect/secrets && $B/sec.$v -test.run '^$' -test.bench 'ScanProse100K$' -test.benchmem -test.cpu 1)
    (cd internal/guard/poisoning && $B/pois.$v -test.run '^$' -test.bench 'List100Cold$' -test.benchmem -test.cpu 1)
  done
done
echo "## head, both cores"
(cd internal/detect && $B/det.head -test.run '^$' -test.bench 'ScanTools100$' -test.benchmem -test.cpu 2 -test.count 5)
(cd internal/guard/poisoning && $B/pois.head -test.run '^$' -test.bench 'List100Cold$' -test.benchmem -test.cpu 2 -test.count 5)
