#!/bin/sh
# Copy the source files out of the bare mirrors (fetched with the library's
# fetch tool into /work/.mirror/OWNER+NAME/repo) into src/, at pinned commits.
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
M=/work/.mirror; S=/tmp/poison-eval/src; mkdir -p $S/cisco $S/jh $S/ibm
show() { git --git-dir=$M/$1/repo show $2:$3; }
P=smart-mcp-proxy+mcpproxy-go; C=20a3e5094ad613cf0b153648b19e13fd6ef1615d
show $P $C specs/065-evaluation-foundation/datasets/security_corpus_v1.json > $S/mcpproxy_security_v1.json
show $P $C cmd/scan-eval/testdata/security_corpus_min.json > $S/mcpproxy_security_min.json
show $P $C specs/065-evaluation-foundation/datasets/detect_corpus_v1.json > $S/mcpproxy_detect_v1.json
show icip-cas+LiveMCPBench a928e57d1ee7a25579b9a7036030faffff72d15b tools/LiveMCPTool/tools.json > $S/livemcpbench_tools.json
P=cisco-ai-defense+mcp-scanner; C=893327c54d223ea07296f68f32d8294f5c045f4a
for f in $(git --git-dir=$M/$P/repo ls-tree -r --name-only $C examples/example-malicious-servers/ evals/remote/ | grep '\.py$'); do show $P $C $f > $S/cisco/$(echo $f | tr / _); done
P=harishsg993010+damn-vulnerable-MCP-server; C=c7cb1e95ec2596bf0e989b70e7b954f364da03a2
for c in easy/challenge1 easy/challenge2 easy/challenge3 medium/challenge4 medium/challenge5 medium/challenge6 medium/challenge7 hard/challenge8 hard/challenge9 hard/challenge10; do show $P $C challenges/$c/server.py > $S/dvmcp_$(basename $c).py; done
show harryc295+tool-poisoning-bench 9a5c49669f2e50da8e7cfc571ff35dc77cccb034 scenarios.py > $S/harryc_scenarios.py
P=johannhartmann+mcp-injection-experiments; C=4a8a92d43a388b8d2c6e73d65d2fe28df97c444c
for f in direct-poisoning.py shadowing.py whatsapp-takeover.py; do show $P $C $f > $S/jh/$f; done
show invariantlabs-ai+mcp-scan 9d6f6f911182ca9e401261a3d93d7b5a80cafb8b demoserver/server.py > $S/mcpscan_demoserver.py
P=gensecaihq+mcp-poisoning-poc; C=67fd8c6fdeeec33be27cdd16271855914f1ab000
show $P $C src/attacks/data_exfiltration.py > $S/gensec_exfil.py; show $P $C src/attacks/tool_hijacking.py > $S/gensec_hijack.py
P=IBM+mcp-context-forge; C=ecba50e4828ae0c83f8ef7b1d6d485b3cf39ce66
for f in $(git --git-dir=$M/$P/repo ls-tree -r --name-only $C mcp-servers/python | grep -E '\.py$' | grep -v '/tests\?/'); do show $P $C $f > $S/ibm/$(echo $f | tr / _) 2>/dev/null || true; done
(cd $S/ibm && python3 "$HERE"/extract.py *.py > $S/ibm_tools.jsonl)
# MCPTox (zhiqiangwang4/MCPTox-Benchmark response_all.json, 45 real servers) as
# re-packaged by 939386360/ReasoningGuard: all 1348 poisoned descriptions, and
# the clean tool catalogues of the servers (derived set's clean_servers).
P=939386360+ReasoningGuard; mkdir -p $S/rg
show $P e9f4b0e4bab00e94a04d5af5f9748fe7beb46a70 data/mcptox/mcptox_official.json > $S/rg/mcptox_official.json
show $P b967a0eb78ac631372b2d353dc2ce6b76d85f121 data/mcptox/mcptox_official_derived_table1_200.json > $S/rg/derived200.json
# Benign real tools: GitHub's MCP server tool snapshots (MIT) for tuning, and
# AWS Labs' Python MCP servers (Apache-2.0), held out.
P=github+github-mcp-server; C=64a49f34d076b6f5917dae1424521d43c7bcae84; mkdir -p $S/ghmcp
for f in $(git --git-dir=$M/$P/repo ls-tree -r --name-only $C pkg/github/__toolsnaps__ | grep '\.snap$'); do show $P $C $f > $S/ghmcp/$(basename $f .snap).json; done
P=awslabs+mcp; C=100b55b6d92f731bc8d23486ce9efd5bbf90c606; mkdir -p $S/aws
for f in $(git --git-dir=$M/$P/repo ls-tree -r --name-only $C src | grep -E '^src/[^/]+/awslabs/[^/]+/(server|tools?/[^/]+|[^/]*tools?)\.py$'); do show $P $C $f > $S/aws/$(echo $f | tr / _); done
(cd $S/aws && python3 "$HERE"/extract.py *.py > $S/aws_tools.jsonl)
# getmcpm/cli guard fixtures (MIT): tool-metadata attacks and benign tool lists.
P=getmcpm+cli; C=27ac5e4e6035a9c604b9a7d04075175ef80a7da7; mkdir -p $S/mcpm
for f in $(git --git-dir=$M/$P/repo ls-tree -r --name-only $C src/guard/__tests__/fixtures/mcptox | grep -E '/(attacks|benign)/[^/]+\.json$'); do show $P $C $f > $S/mcpm/$(basename $(dirname $f))__$(basename $f); done
