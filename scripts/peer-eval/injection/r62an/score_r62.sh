#!/bin/sh
# Round 62: base (`git archive HEAD`, dc4d1a3) and candidate (+ r62an/round62_candidate.patch) on the held-out
# sets of SOURCES.md "Round 62", once each, aggregate counts only (never an item).
#   /tmp/r62/base, /tmp/r62/cand: the two trees; peritem built in each -> /tmp/r62/peritem-{base,cand}
set -e
I=/work/main/scripts/peer-eval/injection
B=/tmp/r62
mkdir -p $B/held
for N in base cand; do
  P=$B/peritem-$N
  echo "===== $N"
  for s in r61:/tmp/r61/sets/r61_web_heldout.jsonl r48:/tmp/r48/sets/r48_web_heldout.jsonl r41:/tmp/r41/sets/r41_web_heldout.jsonl; do
    n=${s%%:*}; f=${s#*:}
    nice -n 10 $P $f > $B/held/$N.$n.out
    echo "== ${n}_web_heldout"; python3 $I/web_agg_r27.py $B/held/$N.$n.out
    [ $n = r61 ] && python3 $I/r61an/subset_agg_r61.py /tmp/r61/sets/r61_web_heldout.jsonl $B/held/$N.r61.out
  done
  nice -n 10 $P /tmp/r50/sets/r50_tickets_heldout.jsonl /tmp/r50/sets/r50_chat_heldout.jsonl /tmp/r50/sets/r50_code_heldout.jsonl /tmp/r50/sets/r50_tables_heldout.jsonl /tmp/r56/sets/r56_tickets_heldout.jsonl /tmp/r31/sets/mail_r31_heldout.jsonl /tmp/r52/sets/r52_chatline_evasion.jsonl > $B/held/$N.genres.out
  python3 $I/r59an/agg_files_r59.py $B/held/$N.genres.out
  (cd $B && PERITEM=$P python3 $I/round16_compare.py r62$N=$B/$N/internal/detect/model/injection.bin)
done
