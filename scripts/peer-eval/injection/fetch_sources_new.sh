#!/bin/sh
# Second round of other authors' data (see SOURCES.md, "Round 2"): copy the
# files out of the bare mirrors (fetched with the library's fetch tool into
# /work/.mirror/OWNER+NAME/repo) into /tmp/inj-eval/src2, at pinned commits.
set -e
M=/work/.mirror; S=/tmp/inj-eval/src2; mkdir -p $S/rustbook
show() { git --git-dir=$M/$1/repo show $2:$3; }
show meta-llama+PurpleLlama 4be64c3a24442b51c76175e6ec67722cc3f5fe38 CybersecurityBenchmarks/datasets/prompt_injection/prompt_injection.json > $S/cse_prompt_injection.json
P=Parapet-Tech+parapet; C=17394b7ef07d93cd480f8a2b1609ba251f8c4629
show $P $C schema/eval/opensource_deepset_attacks.yaml > $S/deepset_attacks.yaml
show $P $C schema/eval/opensource_deepset_benign.yaml > $S/deepset_benign.yaml
show $P $C schema/eval/opensource_gandalf_attacks.yaml > $S/gandalf_attacks.yaml
show $P 37b69521dbafaed534b3cbd610915879cba32aa7 schema/eval/staging/opensource_notinject_benign.yaml > $S/notinject_benign.yaml
P=egozverev+Should-It-Be-Executed-Or-Processed; C=6c5ba9571947aa3d7c388c97e3e4867490a6157b
show $P $C SEP_dataset/interim_data_files/raw_data.json > $S/sep_raw_data.json
show $P $C SEP_dataset/source/probes.json > $S/sep_probes.json
P=rust-lang+book; C=917544888a55e4da7109bdba8c88c893c0da70f4
git --git-dir=$M/$P/repo archive $C src | tar -x -C $S/rustbook
# Round 3 held-out set: gtech/moltshield's hand-written indirect cases.
show gtech+moltshield 8bba101b7dfc57052c43ea17960eaccd2f15aaa8 tests/benchmarks/framework/datasets.ts > $S/moltshield_datasets.ts
# Round 4 held-out set: Parapet's own inbound (tool-result) cases.
P=Parapet-Tech+parapet; C=17394b7ef07d93cd480f8a2b1609ba251f8c4629
show $P $C schema/eval/l3_inbound_attacks.yaml > $S/parapet_l3_inbound_attacks.yaml
show $P $C schema/eval/l3_inbound_benign.yaml > $S/parapet_l3_inbound_benign.yaml
