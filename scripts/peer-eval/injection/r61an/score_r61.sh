#!/bin/sh
# Round 61: HEAD once on r61_web_heldout, then r48/r41 held-out with the same binary (aggregate counts
# only), and HEAD on the r61 tune half (may be read).
#   /tmp/r61/base = `git archive HEAD` of /work/main at scoring time; its commit goes to head_commit.txt.
set -e
I=/work/main/scripts/peer-eval/injection
B=/tmp/r61
mkdir -p $B/base $B/held
if [ ! -x $B/peritem-head ]; then
	git -C /work/main rev-parse HEAD > $I/r61an/head_commit.txt
	git -C /work/main archive HEAD | tar -x -C $B/base
	(cd $B/base && nice -n 10 go build -o $B/peritem-head ./scripts/peer-eval/injection/peritem)
fi
echo "HEAD $(cat $I/r61an/head_commit.txt); injection.bin $(sha256sum $B/base/internal/detect/model/injection.bin | cut -c1-16)"
for s in r61:/tmp/r61/sets/r61_web_heldout.jsonl r48:/tmp/r48/sets/r48_web_heldout.jsonl r41:/tmp/r41/sets/r41_web_heldout.jsonl; do
	n=${s%%:*}; f=${s#*:}
	echo "== ${n}_web_heldout ($(sha256sum $f | cut -c1-16))"
	nice -n 10 $B/peritem-head $f > $B/held/head.$n.out
	python3 $I/web_agg_r27.py $B/held/head.$n.out
	python3 $I/r61an/srcview_agg_r61.py $B/held/head.$n.out
done
echo "== r61_web_tune"
nice -n 10 $B/peritem-head /tmp/r61/sets/r61_web_tune.jsonl > $B/head.r61tune.out
python3 $I/web_agg_r27.py $B/head.r61tune.out
python3 $I/r61an/srcview_agg_r61.py $B/head.r61tune.out
