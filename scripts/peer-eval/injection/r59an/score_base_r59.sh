#!/bin/sh
# Round 59: HEAD's numbers reproduced on this machine (held-out: aggregate counts only).
#   /tmp/r59/base = `git archive HEAD` (4a6bb35), peritem built there -> /tmp/r59/peritem-base
set -e
I=/work/main/scripts/peer-eval/injection
B=/tmp/r59
P=${PERITEM:-$B/peritem-base}
N=${NAME:-base}
mkdir -p $B/held
nice -n 10 $P /tmp/r41/sets/r41_web_heldout.jsonl > $B/held/$N.r41.out
python3 $I/web_agg_r27.py $B/held/$N.r41.out
nice -n 10 $P /tmp/r48/sets/r48_web_heldout.jsonl > $B/held/$N.r48.out
python3 $I/web_agg_r27.py $B/held/$N.r48.out
nice -n 10 $P /tmp/r50/sets/r50_tickets_heldout.jsonl /tmp/r50/sets/r50_chat_heldout.jsonl /tmp/r50/sets/r50_code_heldout.jsonl /tmp/r50/sets/r50_tables_heldout.jsonl /tmp/r56/sets/r56_tickets_heldout.jsonl > $B/held/$N.genres.out
python3 $I/r59an/agg_files_r59.py $B/held/$N.genres.out
