#!/bin/sh
# Round 50: HEAD on the four fresh clean genres (aggregate counts only on held-out halves).
#   /tmp/r50/base = `git archive HEAD` (f2e396a; internal/detect as in 33d9aad), peritem built there; sets from build_clean_r50.py.
set -e
I=/work/main/scripts/peer-eval/injection
B=/tmp/r50
[ -x $B/peritem-head ] || { mkdir -p $B/base; git -C /work/main archive HEAD | tar -x -C $B/base
	(cd $B/base && go build -o $B/peritem-head ./scripts/peer-eval/injection/peritem); }
mkdir -p $B/held $B/tune
cd $B/sets && sha256sum r50_*.jsonl
for g in tickets chat code tables; do
	nice $B/peritem-head $B/sets/r50_${g}_heldout.jsonl > $B/held/head.$g.out
	nice $B/peritem-head $B/sets/r50_${g}_tune.jsonl > $B/tune/head.$g.out
done
echo "== held-out"; python3 $I/r50an/agg_r50.py $B/held/head.*.out
echo "== tune"; python3 $I/r50an/agg_r50.py $B/tune/head.*.out
