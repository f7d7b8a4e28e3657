#!/bin/sh
# Round 48: HEAD's numbers on this machine (aggregate counts only on held-out sets).
#   /tmp/r48/base = `git archive HEAD` (21f8194; internal/detect as in 30b65d8), peritem built there.
# r48_web_heldout is scored once, after SOURCES.md "Round 48" froze it.
set -e
I=/work/main/scripts/peer-eval/injection
B=/tmp/r48
mkdir -p $B/base $B/held
[ -x $B/peritem-head ] || { git -C /work/main archive HEAD | tar -x -C $B/base
	(cd $B/base && go build -o $B/peritem-head ./scripts/peer-eval/injection/peritem); }
M=$B/base/internal/detect/model/injection.bin
PERITEM=$B/peritem-head python3 $I/round16_compare.py r48head=$M            # 16 injected / 10 clean rows
nice $B/peritem-head /tmp/r41/sets/r41_web_heldout.jsonl > $B/head.r41.out
python3 $I/web_agg_r27.py $B/head.r41.out
nice $B/peritem-head /tmp/r31/sets/mail_r31_heldout.jsonl /tmp/r36/sets/r36j_clean.jsonl /tmp/r36/sets/r36h_clean.jsonl > $B/head.clean.out
python3 $I/r41an/clean_agg_r41.py $B/head.clean.out
nice $B/peritem-head /tmp/r48/sets/r48_web_heldout.jsonl > $B/held/head.r48.out
python3 $I/web_agg_r27.py $B/held/head.r48.out
python3 $I/r48an/src_agg_r48.py $B/held/head.r48.out
nice $B/peritem-head /tmp/r48/sets/r48_web_tune.jsonl > $B/head.r48tune.out
python3 $I/web_agg_r27.py $B/head.r48tune.out
python3 $I/r48an/src_agg_r48.py $B/head.r48tune.out
