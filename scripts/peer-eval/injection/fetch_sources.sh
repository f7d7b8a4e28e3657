#!/bin/sh
# Copy the source files out of the bare mirrors (fetched with the library's
# fetch tool into /work/.mirror/OWNER+NAME/repo) into /tmp/inj-eval/src, at
# pinned commits (see SOURCES.md). Nothing here goes into the repository.
set -e
M=/work/.mirror; S=/tmp/inj-eval/src; mkdir -p $S/bipia $S/tldr
show() { git --git-dir=$M/$1/repo show $2:$3; }
P=microsoft+BIPIA; C=1a2a91da6bb12838e05d1b2e54d98e2f37b835f3
for f in email/test.jsonl table/test.jsonl code/test.jsonl text_attack_test.json code_attack_test.json LICENSE NOTICE.md; do
	show $P $C $(case $f in LICENSE|NOTICE.md) echo $f;; *) echo benchmark/$f;; esac) > $S/bipia/$(echo $f | tr / _)
done
# InjecAgent's direct-harm attacker cases, as vendored (unchanged) in an AIOS fork.
show Zhang-Henry+AIOS_agent 8d5126717a6eec226a24b4338356050a6b72e6ba data/attacker_cases_dh.jsonl > $S/injecagent_attacker_cases_dh.jsonl
show protectai+llm-guard 53af270c69316ed82cb71ba7b19d11b55bda3151 tests/input_scanners/test_prompt_injection.py > $S/llmguard_test_prompt_injection.py
P=tldr-pages+tldr; C=08e345f42639f67d99282813247ac670dc6e87cb
git --git-dir=$M/$P/repo archive $C pages/common pages/linux | tar -x -C $S/tldr
P=facebookresearch+wasp; C=ffee6f41fde76acd14bd792db442479c506260c2
show $P $C webarena_prompt_injections/configs/experiment_config.raw.json > $S/wasp_experiment_config.raw.json
show $P $C webarena_prompt_injections/constants.py > $S/wasp_constants.py
show HumanCompatibleAI+tensor-trust-data e2385ea9cf448c9641b96e2e39f113ed4979a5b0 benchmarks/hijacking-robustness/v1/hijacking_robustness_dataset.jsonl > $S/tensortrust_hijacking_v1.jsonl
