#!/bin/bash
# interleaved pairs: base = git archive 9760c41, tree = patched
for i in 1 2 3 4 5 6 7 8 9 10; do
  if [ $((i%2)) = 1 ]; then order="base tree"; else order="tree base"; fi
  for V in $order; do
    (cd /tmp/r43/$V/internal/detect && nice /tmp/r43/detect-$V.test -test.run '^$' -test.bench '^BenchmarkScanDocumentProse100K$' -test.benchtime 600x | grep ^Bench | sed "s/^/$V /")
    (cd /tmp/r43/$V/internal/guard/injection && nice /tmp/r43/guardinj-$V.test -test.run '^$' -test.bench '^BenchmarkBothGuards100K$' -test.benchtime 600x | grep ^Bench | sed "s/^/$V /")
  done
done
