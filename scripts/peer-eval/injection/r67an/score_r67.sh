#!/bin/sh
# Round 67: score every held-out set of the decision rule once with HEAD's peritem and once with the
# candidate's (aggregates only). Binaries: $B/peritem-head (git archive HEAD dfcd5ec) and
# $B/peritem-cand (the same tree with round67_candidate.patch). Output under $O.
B=${B:-/tmp/r67/bin}; O=${O:-/tmp/r67/held}; I=${I:-/tmp/r67/head/scripts/peer-eval/injection}
M=/tmp/r67/head/internal/detect/model/injection.bin   # the embedded model, unchanged by the patch
mkdir -p $O
for V in head cand; do
  (cd $I && PERITEM=$B/peritem-$V nice python3 round16_compare.py r67$V=$M > $O/r16_$V.txt)
  for s in r61 r48 r41 r25 r23 r28 r30; do
    nice $B/peritem-$V /tmp/$s/sets/${s}_web_heldout.jsonl > $O/$s.$V.out
    echo "== $s $V"; python3 $I/web_agg_r27.py $O/$s.$V.out
  done > $O/web_$V.txt
  nice $B/peritem-$V /tmp/r50/sets/r50_tickets_heldout.jsonl /tmp/r50/sets/r50_chat_heldout.jsonl /tmp/r50/sets/r50_code_heldout.jsonl \
    /tmp/r50/sets/r50_tables_heldout.jsonl /tmp/r56/sets/r56_tickets_heldout.jsonl /tmp/r31/sets/mail_r31_heldout.jsonl > $O/genres.$V.out
  python3 $I/r59an/agg_files_r59.py $O/genres.$V.out > $O/genres_$V.txt
  nice $B/peritem-$V /tmp/r31/sets/mail_r31_heldout.jsonl /tmp/r36/sets/r36j_clean.jsonl /tmp/r36/sets/r36h_clean.jsonl > $O/clean.$V.out
  python3 $I/r41an/clean_agg_r41.py $O/clean.$V.out > $O/clean_$V.txt
done
(cd $I && python3 round16_compare.py r67head=$M r67cand=$M > $O/r16_both.txt)
