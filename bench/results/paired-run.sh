# Sourced by the paired bench scripts (sessions 24-26). run PKGDIR PREFIX BENCH BENCHTIME runs $N
# alternating pairs of $B/PREFIX.base and $B/PREFIX.cand, pinned to core 0, in $BASE/PKGDIR (the
# fixtures are the same in both trees), and prints each result line with "base " or "cand " before
# it, for paired.py.
run() {
  for i in $(seq $N); do
    for v in base cand; do
      (cd $BASE/$1 && taskset -c 0 $B/$2.$v -test.run '^$' -test.bench "$3" -test.benchtime "$4" -test.cpu 1 | sed -n "s/^Benchmark/$v Benchmark/p")
    done
  done
}
