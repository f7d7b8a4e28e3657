#!/bin/sh
# Rebuild every poisoning eval set under /tmp/poison-eval from the bare mirrors
# (/work/.mirror/OWNER+NAME/repo, fetched with the library's fetch tool), in the
# order the rounds built them: later builders drop texts already used by
# earlier sets, so the order decides the recorded sha256s (SOURCES.md).
# Round 16 ran exactly this on a new machine; every recorded sha256 matched.
# Not run: build_round11.py (its read_file transcriptions are gone;
# split_round13.py rebuilds r11 without them) and build_clf_train.py (training
# data, not an eval set).
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
E=/tmp/poison-eval
# Two builders expect directories they do not create: synth/ (synth_hijack.py)
# and src/r9_elnatan (build_round9.py; its cases could not be fetched, so empty).
mkdir -p $E/synth $E/src/r9_elnatan
cd "$HERE"
./fetch_sources.sh
python3 build.py
python3 synth_hijack.py; python3 synth_hijack.py --set2; python3 synth_hijack.py --set3
python3 build_round4.py
python3 build_round5.py
python3 build_round7.py
python3 synth_paraphrase4.py
python3 extra_benign_r7.py
# Round 8: round 7's held-out sets by other authors were scored and read.
mv $E/heldout/r7_safetybench.jsonl $E/seen/r7_safetybench_h.jsonl
mv $E/heldout/r7_enkrypt.jsonl $E/heldout/r7_mcp_guardian.jsonl $E/heldout/para4_heldout.jsonl $E/seen/
python3 synth_paraphrase5.py
python3 dev_probes_r8.py
python3 build_round9.py
python3 split_round10.py
python3 build_round12.py
python3 dev_probes_r12.py
python3 split_round13.py
python3 build_round14.py
python3 split_round14.py
python3 multilingual_r15.py
# Later rounds' fresh sets, each after the earlier ones (they drop texts already used):
# build_r22.py, build_r23.py, build_r24.py, build_r26.py, build_r28.py, build_r30.py (their
# mirrors and commits are in their docstrings and r2Nan/README.md; the library's fetch brings them).
# Then build_r32.py, build_r33.py, build_r34.py (/tmp/r32, /tmp/r33, /tmp/r34p), and build_r39.py last, after the
# injection round 104 set exists (/tmp/r39p; see ../injection/rebuild_all.sh, "Session 30").
