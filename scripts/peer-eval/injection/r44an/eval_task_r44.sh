#!/bin/sh
# Round 44: the task-request rows of `warden eval injection` (development corpora) with a task model.
# usage: eval_task_r44.sh NAME TASK.bin   (tree: /tmp/r44/ev = git archive 9de773c; task.bin swapped in, then restored)
set -e
T=/tmp/r44/ev
cp $T/internal/detect/model/task.bin /tmp/r44/ev.task.orig
cp "$2" $T/internal/detect/model/task.bin
(cd $T && nice go build -o /tmp/r44/bin/warden_$1 ./cmd/warden)
cp /tmp/r44/ev.task.orig $T/internal/detect/model/task.bin
nice /tmp/r44/bin/warden_$1 eval injection /work/shared/corpora/injection > /tmp/r44/eval_$1.txt
grep -E "^(recall|FPR) " /tmp/r44/eval_$1.txt
grep -E "Content Creation|Information Retrieval|Language Translation|Learning and Tutoring|Programming Help" /tmp/r44/eval_$1.txt |
  awk '{gsub(/[()]/,"",$NF); split($NF,a,"/"); h+=a[1]; n+=a[2]} END {print "BIPIA task categories", h "/" n}'
