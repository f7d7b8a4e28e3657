#!/bin/sh
# Round 67 (tune only): peritem NAME over the six web tune halves (-> $D/NAME.SET.out) and every tune
# attack/clean set of atk_sets_r67.txt (-> $A/NAME/BASENAME.out). Then tune_cmp_r67.py BASE NAME and
# atk_cmp_r67.py BASE NAME.   usage: tune_r67.sh NAME PERITEM
N=$1; P=$2; D=${D:-/tmp/r67/tune}; A=${A:-/tmp/r67/atk}; H=$(dirname "$0")
mkdir -p $D $A/$N
for s in r61 r48 r41 r30 r28 r23; do
  [ -s $D/$N.$s.out ] || nice $P /tmp/$s/sets/${s}_web_tune.jsonl > $D/$N.$s.out
done
for f in $(cat $H/atk_sets_r67.txt); do
  b=$(basename $f .jsonl); [ -s $A/$N/$b.out ] || nice $P $f > $A/$N/$b.out
done
