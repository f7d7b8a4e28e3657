#!/bin/sh
# Round 52: HEAD (f2e396a) vs the candidate (round52_candidate.patch) on the chat tune set, the own
# chat-line evasion set, and (after SOURCES.md "Round 52: decision rule") once on the held-out sets.
# Aggregate counts only on held-out sets.
set -e
I=/work/main/scripts/peer-eval/injection
B=/tmp/r52
[ -x /tmp/r50/peritem-head ] || sh $I/r50an/score_r50.sh
if [ ! -x $B/pi-cand ]; then
	rm -rf $B/cand && mkdir -p $B/cand && git -C /work/main archive HEAD | tar -x -C $B/cand
	(cd $B/cand && git apply $I/round52_candidate.patch && go build -o $B/pi-cand ./scripts/peer-eval/injection/peritem)
fi
mkdir -p $B/held $B/sets
python3 $I/r52an/build_evasion_r52.py /tmp/r34/sets /tmp/r50/sets/r50_chat_tune.jsonl /tmp/r50/tune/head.chat.out $B/sets/r52_chatline_evasion.jsonl
sha256sum $B/sets/r52_chatline_evasion.jsonl /tmp/r50/sets/r50_*.jsonl
for v in head cand; do
	P=$B/pi-cand; [ $v = head ] && P=/tmp/r50/peritem-head
	nice $P /tmp/r50/sets/r50_chat_tune.jsonl > $B/$v.chat.tune.out
	nice $P $B/sets/r52_chatline_evasion.jsonl > $B/ev.$v.out
	echo "== $v chat tune"; python3 $I/r50an/agg_r50.py $B/$v.chat.tune.out
	echo "== $v evasion"; python3 $I/r52an/ev_agg_r52.py $B/ev.$v.out
done
# held-out: once, after the rule
M=$B/cand/internal/detect/model/injection.bin
PERITEM=/tmp/r50/peritem-head python3 $I/round16_compare.py r52head=$M
PERITEM=$B/pi-cand python3 $I/round16_compare.py r52cand=$M
for v in head cand; do
	P=$B/pi-cand; [ $v = head ] && P=/tmp/r50/peritem-head
	for g in chat tickets code tables; do nice $P /tmp/r50/sets/r50_${g}_heldout.jsonl > $B/held/$v.$g.out; done
	nice $P /tmp/r41/sets/r41_web_heldout.jsonl > $B/held/$v.r41.out
	nice $P /tmp/r48/sets/r48_web_heldout.jsonl > $B/held/$v.r48.out
	nice $P /tmp/r31/sets/mail_r31_heldout.jsonl /tmp/r36/sets/r36j_clean.jsonl /tmp/r36/sets/r36h_clean.jsonl > $B/held/$v.clean.out
	echo "== $v held-out"; python3 $I/r50an/agg_r50.py $B/held/$v.chat.out $B/held/$v.tickets.out $B/held/$v.code.out $B/held/$v.tables.out
	python3 $I/web_agg_r27.py $B/held/$v.r41.out; python3 $I/web_agg_r27.py $B/held/$v.r48.out
	python3 $I/r41an/clean_agg_r41.py $B/held/$v.clean.out
done
# speed: interleaved pairs (run alone)
(cd $B/cand && go test -c -o $B/bench-cand.test ./internal/detect/)
[ -x $B/bench-base.test ] || { mkdir -p $B/base && git -C /work/main archive HEAD | tar -x -C $B/base && (cd $B/base && go test -c -o $B/bench-base.test ./internal/detect/); }
rm -f $B/bench.txt
cd $B/cand/internal/detect
for i in $(seq 1 12); do for v in base cand; do [ $((i%2)) = 0 ] && v=$([ $v = base ] && echo cand || echo base)
	$B/bench-$v.test -test.run '^$' -test.bench 'ScanDocument(Prose|JSON|Mail)100K$' -test.benchtime 50x | grep ^Bench | sed "s/^/$i $v /" >> $B/bench.txt
done; done
python3 $I/r52an/bench_pairs_r52.py $B/bench.txt
