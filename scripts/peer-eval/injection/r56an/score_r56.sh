#!/bin/sh
# Round 56: HEAD on the fresh tickets set (held-out: aggregate counts per source only).
#   /tmp/r56/base = `git archive HEAD`, peritem built there; sets from build_tickets_r56.py.
set -e
I=/work/main/scripts/peer-eval/injection
B=/tmp/r56
[ -x $B/peritem-head ] || { mkdir -p $B/base; git -C /work/main archive HEAD | tar -x -C $B/base
	git -C /work/main rev-parse --short HEAD > $B/HEAD.txt
	(cd $B/base && go build -o $B/peritem-head ./scripts/peer-eval/injection/peritem); }
cd $B/sets && sha256sum r56_*.jsonl
nice $B/peritem-head $B/sets/r56_tickets_heldout.jsonl > $B/head.heldout.out
nice $B/peritem-head $B/sets/r56_tickets_tune.jsonl > $B/head.tune.out
echo "== HEAD $(cat $B/HEAD.txt)"
echo "== held-out"; python3 $I/r50an/agg_r50.py $B/head.heldout.out
echo "== tune"; python3 $I/r50an/agg_r50.py $B/head.tune.out
