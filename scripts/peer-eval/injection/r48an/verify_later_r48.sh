#!/bin/sh
# Round 48: after rebuild_all.sh, rebuild the later rounds' sets that the web/mail/tune rows use
# and check each against the sha256 SOURCES.md records (rounds 23-41). Needs the mirrors the
# builders name (fetch tool) and npm turndown@7.2.5 under /tmp/r23/node; longtune_r29 needs a
# peritem built from `git archive f1c49f1` at /tmp/r29/peritem-head (its carriers are the items
# HEAD f1c49f1 did not flag).
# usage: verify_later_r48.sh [--build]   (without --build: check only)
set -e
I=$(cd "$(dirname "$0")/.." && pwd)
if [ "$1" = "--build" ]; then
	cd "$I"
	for b in build_web_r23.py build_web_r25.py build_web_r28.py build_web_r30.py build_web_r41.py; do
		TURNDOWN_DIR=/tmp/r23/node nice -n 10 python3 $b
	done
	nice -n 10 python3 build_mail_r31.py
	nice -n 10 python3 r33an/build_tune_r33.py
	PERITEM=/tmp/r29/peritem-head nice -n 10 python3 build_longtune_r29.py
	mkdir -p /tmp/r34/sets && nice -n 10 python3 r34an/spans.py
	nice -n 10 python3 build_r36.py
fi
bad=0
while read -r sum f; do
	[ -n "$sum" ] || continue
	if [ ! -f "$f" ]; then echo "MISSING  $f"; bad=1; continue; fi
	got=$(sha256sum "$f" | cut -d' ' -f1)
	if [ "$got" = "$sum" ]; then echo "ok       $f"; else echo "MISMATCH $f recorded $sum got $got"; bad=1; fi
done <<SUMS
6d8995499ff44fe250e3c0c8da3a790eb05ecb47da58f1f00da75d68359d9c98 /tmp/r23/sets/r23_web_tune.jsonl
40e73366b381ff81a1d9f8f3a6aad8243cea3ced89d49601149b5e5885890778 /tmp/r23/sets/r23_web_heldout.jsonl
1b88071663266af2dc94b114e94a313a461a6a3fea4b6461dacca0e88095bad1 /tmp/r25/sets/r25_web_heldout.jsonl
47224979712de890aa15072a89f9e30f8d0b0234b8706d27034f68b95e2f1c46 /tmp/r28/sets/r28_web_tune.jsonl
f9ebd625669c6b561f5d9264ab48432c042d2ceef24718333c604e0ce21fe053 /tmp/r28/sets/r28_web_heldout.jsonl
b1ee57bbb0c991b2e9678c1333679c5a8495cc2af33542cb8a5c937b0c5a94e1 /tmp/r30/sets/r30_web_tune.jsonl
85973cb0dd5a5add4bdae4683dfdfa7049462ce244768521281ed4a31b6eb00a /tmp/r30/sets/r30_web_heldout.jsonl
c130688e64cf67baa1a3242e3433bd5e2c9308aa383358ed573ee76eb04cc048 /tmp/r41/sets/r41_web_tune.jsonl
86acd829ac6b1fe7ea6656ac24468e675cd78e9d95b786a8b4c3ddbb46832ddf /tmp/r41/sets/r41_web_heldout.jsonl
a18383cd19005b907db1b2a8999be76f62e431d8db403dbc8aa0d1cf4a81dc8a /tmp/r31/sets/mail_r31_tune.jsonl
e4e2654ced3ba730475ecff56e91f34d2c5253e80dc9b090d2f0450c1930e336 /tmp/r31/sets/mail_r31_heldout.jsonl
261f9c80a03271dfdd1257376a073be0eb92fe519e245acb2a29bbaf63ac0c0f /tmp/r29/sets/longtune_r29.jsonl
351d0c76012ddd73228bf0f1a73a9e1203d9a69accb864cd65f3c1f3ba8c19e2 /tmp/r33/sets/json_tune_r33_clean.jsonl
dd665f7fe077334fd8b9d738a5e4fcd61a16bbbd246e42ce0e289439bb21c162 /tmp/r33/sets/json_tune_r33_mosscap.jsonl
4b07a65372c4428d3e0ead5a325418833b256c1b1303f86e0222fa015127615c /tmp/r33/sets/json_tune_r33_asb.jsonl
e073236a13519632862bf08827f610d9c0ed290c9968b2208622de83e692a97c /tmp/r34/sets/garak_tune.jsonl
7b811593ef3df7006153e714b40fe746ec74c3ee1280aa9fa1a22d0d436cf841 /tmp/r34/sets/longtune.jsonl
94d28d425bcec0dc6890673f7259acf641e972aa2e7e81b16360d9f941ad022a /tmp/r34/sets/spikee_tune.jsonl
b823585a7ce0aa066fbdcd622aec767f45a4d5c0a649dbdff14ab28c16070c54 /tmp/r34/sets/r19_tune.jsonl
47ec5263251971b117171db8ebbe119014058ab4d22a3a95c1a8f52f8aee71ea /tmp/r34/sets/mail11.jsonl
fbf0b7350f5ea5fd3841d117d0e83dc089e53e3e453f73a2f3a2b6a1fd49c8f8 /tmp/r34/sets/llmail.jsonl
07326b1148b206ac3158bcbfb6bfc4e72cc051eaf5ddc46bee912996ea40ca39 /tmp/r34/sets/asb.jsonl
a2ff8c83f365ed1e74a82e5f6f76e4e341215f01f2e4f9ec6d01e3d04a5f686e /tmp/r34/sets/sep.jsonl
03cace9e1308a3dd83558208b6162e577fbfdf0128164766c10d7dc84bb460ea /tmp/r34/sets/cse_indirect.jsonl
2548f5671da282ca4b45ae225db3cee8e324a528d114df2b5ddb46d56c8da842 /tmp/r36/sets/r36j_clean.jsonl
95d58cc0c2d4019bc9aa6306e650035d6cb05d2ee58745b3a2e9914554e38739 /tmp/r36/sets/r36j_injected.jsonl
06a910f14bdc8c9918e6310f9d98d8749459096eb2ea75f3004cfc6fc9692898 /tmp/r36/sets/r36h_clean.jsonl
2e78a90af5f5acf61351455ed15ffd37604339599f3c5d26c6278c7fc96ad863 /tmp/r36/sets/r36h_lineonly.jsonl
1c1b7e97c4c8575000ac95ca49ecc43ef4d256813bb9b5941a4e8fccaee86fef /tmp/r36/sets/r36h_injected.jsonl
4e57933b283499fbe311d2b34301180458caa414c2787226fd5c991578bbe0be /tmp/r48/sets/r48_web_tune.jsonl
28d2e474af8c5591c194e2726846738ae7c948c54a39d368d185a21bb4a15e92 /tmp/r48/sets/r48_web_heldout.jsonl
SUMS
exit $bad
