#!/bin/sh
# Session 23 (injection round 96, poisoning round 37): base32, Ascii85, base85, uuencode and
# quoted-printable decoded, unnamed ROT13 and symbol-joined words read, against the session's
# first commit (e425a3e; its detector is ffe1e76's), interleaved: eight pairs at one core. The
# base tree gets the candidate's injection_bench_test.go, so both run BenchmarkScanDocumentEncoded100K.
# Run from the repository root on a quiet machine; output of the run on candidate 96b:
# bench/results/2026-11-28-session23-96b.txt (it found the uuencode slowdown fixed in 96c)
set -e
B=/tmp/b23
rm -rf $B && mkdir -p $B/base
git archive e425a3e | tar -x -C $B/base
cp internal/detect/injection_bench_test.go $B/base/internal/detect/
(cd $B/base && go test -c -o $B/det.base ./internal/detect && go test -c -o $B/inj.base ./internal/guard/injection \
  && go test -c -o $B/pois.base ./internal/guard/poisoning)
go test -c -o $B/det.head ./internal/detect && go test -c -o $B/inj.head ./internal/guard/injection
go test -c -o $B/pois.head ./internal/guard/poisoning
uname -m; grep -m1 'model name' /proc/cpuinfo; nproc
for i in 1 2 3 4 5 6 7 8; do
  for v in base head; do
    echo "## $v"
    (cd internal/guard/injection && $B/inj.$v -test.run '^$' -test.bench 'BothGuards100K$|Injection100K$' -test.benchmem -test.cpu 1)
    (cd internal/detect && $B/det.$v -test.run '^$' -test.bench 'ScanTools100$|ScanDocument(Prose|JSON|KeywordDense|Mail|Spelled|Adversarial|Encoded)(100K|2K)$' -test.benchmem -test.cpu 1)
    (cd internal/guard/poisoning && $B/pois.$v -test.run '^$' -test.bench 'List100Cold$' -test.benchmem -test.cpu 1)
  done
done
