for i in 1 2 3 4 5 6; do
  if [ $((i%2)) = 1 ]; then order="base tree"; else order="tree base"; fi
  for V in $order; do
    (cd /tmp/r40/$V/internal/detect && nice /tmp/r40/detect-$V.test -test.run '^$' -test.bench '^BenchmarkScanDocument(Prose|JSON|KeywordDense)100K$' -test.benchtime 200x | grep ^Bench | sed "s/^/$V /")
    (cd /tmp/r40/$V/internal/guard/injection && nice /tmp/r40/guardinj-$V.test -test.run '^$' -test.bench '^BenchmarkInjection100K$' -test.benchtime 500x -test.cpu 1 | grep ^Bench | sed "s/^/$V /")
  done
done
