#!/bin/sh
# Rebuild every injection eval set that round16_compare.py reads, plus round 17's
# spikee sets, round 18's ml18_own/ml18_clean, round 19's, 20's, 22's and 24's sets, from the bare
# mirrors (/work/.mirror/OWNER+NAME/repo, brought in with the library's fetch tool;
# a script cannot fetch). Order matters: later builders read earlier sets (r9 reads
# BIPIA's bare attacks, r14b/r15/r16 drop attacks earlier rounds inserted, r19 reads
# spikee's tune part and BIPIA's clean items), so it follows the rounds.
# Then builds the peritem tool round16_compare.py runs (PERITEM=/tmp/inj16/bin/peritem, from HEAD)
# and checks every sha256 SOURCES.md records; a mismatch is printed, not hidden.
# Later sets have builders of their own, run after this in round order: web build_web_r23/r25/r28/
# r30/r41/r48/r61.py, mail build_mail_r31.py, build_clean_r50.py, build_tickets_r56.py, the evasion
# builders (r60an/, r52an/build_evasion_r52.py with four arguments), then the fresh attack sets
# build_fresh_r64/r65/r68/r74/r76.py (each reads only the folders of the rounds before it, so a
# rebuild with later folders present gives the recorded sums; pinned in session 13).
# Then r78an/build_fresh_r78.py (round 78; it reads every earlier round's folder under /tmp, so build
# it last). Then ../score_all.sh TREE LABEL scores a source tree on all of them (aggregates only; it
# checks the sets' sums in ../sets.sha256 first).
# Learned on the session-14 rebuild (about 70 minutes, ~300 mirrors; list of mirrors kept outside):
#   - the web builders (build_web_r23 ... r61) need turndown: `npm install turndown@7.2.5` in /tmp/r23/node;
#   - build_evasion_r52.py's inputs come from `r34an/spans.py spikee_tune garak_tune`, and its recorded
#     sum needs /tmp/r50/tune/head.chat.out from the peritem of round 52's HEAD (f2e396a, git archive);
#   - build_fresh_r68/r74/r76 need /tmp/r{68,74,76}/headtree (a git archive of HEAD will do: no
#     committed .jsonl changed since those rounds).
#   - keep that f2e396a tree outside /tmp/r<N> and /tmp/inj<N> (the fresh builders read every JSONL
#     under those folders; session 15 kept it in /tmp/h/work);
#   - the poisoning rebuild (../poisoning/rebuild_all.sh) also needs build_round11.py's mirrors, which
#     split_round13.py imports.
# Learned on the session-16 rebuild (47 minutes, 324 mirrors fetched in batches of ~45 parallel calls):
#   - grepping builders for OWNER+NAME and .mirror finds only ~250 repositories: others are named as
#     quoted 'owner/name' with a (sometimes short) commit, or as dictionary keys (build_round5,
#     extra_benign_r7); search for every form before fetching;
#   - ElnatanAnbelu/mcp-scanner-benchmark is expected missing (the poisoning script makes an empty folder);
#   - the poisoning rebuild is independent and takes minutes: run it beside the injection one;
#   - sets.sha256 and score_all.sh may grow during a session: re-read them before the final check.
# Session 15 (round 80): r80an/build_fresh_r80.py after r78 (fresh set, /tmp/r80/sets); then the
# language sets of round 80 into /tmp/r80/ml: r80ml/build_clean_r80.py (mirrors excalidraw, NextChat,
# fastapi, tldr-pages/tldr), r80ml/build_clean_r80b.py (bitcoin-dot-org/Bitcoin.org,
# trekhleb/javascript-algorithms), r80ml/multilingual_r80.py. Their sums are in r80ml/README.md.
# Session 16 (round 84): r84an/build_fresh_r84.py after r80 (fresh set, /tmp/r84/sets); two of its
# sources (langchain's test payloads, djpark0402's copy of David Keane's suite) have no fetchable
# snapshot and were transcribed with the library's read_file into /tmp/r84/src/ (its README; the
# builder checks their sha256). Round 82's Chinese clean sets: r82zh/build_clean_r82.py. Then
# r86an/build_fresh_r86.py (/tmp/r86/sets; one source, sentinelden's attacks, transcribed likewise into
# /tmp/r86/src/).
# Session 17 (84 minutes, 355 mirrors): the two r84 sources transcribed with read_file could not be
# rewritten byte for byte (same text, other layout), so build_fresh_r84.py and build_fresh_r86.py
# refuse them; a wrapper that imports the builders unchanged and swaps only those two expected source
# sums gave r84's and r86's sets with their recorded sums (sets.sha256 is the check that counts).
# Mirrors a name search misses: sigmavirus24/github3.py (looks like a file name) and datasets/
# country-codes, language-codes, s-and-p-500-companies, world-cities (build_clean_r50.py).
# Then the poisoning round 32 (../poisoning/build_r32.py, /tmp/r32/sets/all.jsonl) before
# r90an/build_fresh_r90.py (round 90, /tmp/r90/sets): round 90's freshness check read every JSONL under
# /tmp/r*, /tmp/r32 included, and its builder accepts this rebuild's r84 copies (R84_COPIES).
# Session 18 (about 80 minutes for the sets, 375 mirrors fetched, 373 available; every sum matched):
#   - owners can start with a digit: 939386360/ReasoningGuard (poisoning fetch_sources.sh stops without
#     it), 0xeb/TheBigPromptLibrary, 0xk1h0/ChatGPT_DAN, 0din-ai/ai-scanner, 5h1Vm/Secure-Pipe,
#     7anX/mcpsecScan: do not filter candidate names by "starts with a letter"; keep stripe/openapi and
#     tweepy/tweepy when dropping category labels such as "tweepy/cassettes";
#   - the three read_file transcriptions can be re-made byte for byte (session 17's sums):
#     LC = conftest.py from the "# ====" line above "# PAYLOADS" through the closing quotes of
#     ARG_HIJACK_PAYLOAD_4, plus one "\n" (3a350f1e…); DK = json.dumps({"tests": rows},
#     ensure_ascii=False, indent=1) + "\n", keys in the order file,id,prompt,expected,attack_type,language,
#     missing keys left out, rows in file order 02,03,04,07,09 (84746ae7…); SD = one json.dumps line per
#     row (keys id,channel,family,injected, default separators) ending in "\n", file order minus en-002,
#     en-003 and bl-001 (730edb7d…, round 86's recorded sum). So r90 needs no wrapper; r84 and r86 still
#     need the sum-swapping wrapper;
#   - the fresh builders read every JSONL under /tmp/r<N> (N < round), other helpers' folders included:
#     run `ls -d /tmp/r[0-9]*` before r64 … r90 (a set another helper is building can change them).
# Then the poisoning rounds 33 and 34 (../poisoning/build_r33.py -> /tmp/r33/sets/all.jsonl,
# ../poisoning/build_r34.py -> /tmp/r34p/sets/all.jsonl: not /tmp/r34, an older injection round's) and
# r91an/build_fresh_r91.py (round 91, /tmp/r91/sets; its freshness check reads the earlier /tmp/r* sets).
# Session 19: r92an/build_fresh_r92.py last (round 92, /tmp/r92/sets; run it from /tmp/r92; it reads every earlier
# /tmp/r* set and the sources of rounds 64-91, /tmp/r84/src included). Session 19's rebuild took about 60 minutes.
# Session 20 (96 minutes, 398 of 400 candidate names fetched; all 99 sums matched): getmcpm/mcp-guardbench has no
# snapshot either (build_round11 only; not needed); the serial fresh builders r64-r92 take ~55 min, so start them first;
# poisoning r32/r33/r34 can be checked early with --out/--prev into a staging folder (same sums).
# Session 22 (about 100 minutes: 20 to fetch 403 names, 398 available; 25 for this script, the poisoning
# chain beside it; 11 for web/mail/r50/r56; 53 for the fresh builders r64-r92 in a row; every sum matched):
#   - names the usual greps miss: f"{M}/owner+name/repo" (the "/" before the name; 19 web-extractor mirrors
#     in build_web_r30/r41/r48), P=owner+name; in shell scripts, names ending in .py (halcy/Mastodon.py),
#     owners that look like path words (github/..., awslabs/mcp, discourse/discourse_api);
#   - docker/cli-golden, stripe/openapi-fixtures and Security/GPT-Protections are category labels, not mirrors;
#   - killing a waiter shell does not stop the chain it started: check ps, or a second r64 runs beside the first;
#   - the r80 language sets and r82 Chinese sets can be built at any time, in parallel.
# Session 23 (about 100 minutes: 398 of 400 names; every sum matched):
#   - one recipe finds every name: every owner+name (a "/" before it allowed) and every quoted
#     'owner/name' followed within 200 characters by a 7-40 digit hex commit, across the builders,
#     multilingual_r18, the r52/r60 evasion builders, r34an/spans.py, r78-r92, r80ml, r82zh,
#     poisoning/*.py and *.sh, the fetch_sources*.sh scripts; drop placeholders (OWNER/NAME, 2/2, i/2000,
#     common/linux, prefix/suffix, trello/testdata, tweepy/cassettes, …); add joshmaster2165/medusa;
#   - fetch the web-extractor, r50 and fresh-source mirrors early: the 54-minute fresh chain waits on them;
#   - the r84-and-later builders read /tmp/r80/ml and /tmp/r82: build those before r84 starts;
#   - chain builders with && (not ;) so a failure stops the chain;
#   - jmriebold/BoilerPy3 and karussell/snacktory may arrive as a work tree (repo/.git): the sums hold.
# Session 24 (77 minutes to the last set, 398 of 400 names, every fetch answered on its first call; every sum
# matched): fetch 24 min; this script 1 min; web/mail/r50/r56 6; evasion + r80/ml + r82 3; poisoning 2; fresh r64-r92 51:
#   - r34an/spans.py writes /tmp/r34/sets/ without creating it: mkdir -p /tmp/r34/sets first (else FileNotFoundError);
#   - the recipe's raw list was 409; placeholders dropped: 2/2, common/linux, example/sample.html, i/2000, i/win,
#     OWNER/NAME, owner/name, prefix/suffix, sites/example.com.html, trello/testdata, tweepy/cassettes;
#   - session 18's three read_file recipes gave the same sums again; the r84/r86 wrapper only imports
#     build_fresh_r84, sets its LC_SHA/DK_SHA to R84_COPIES' values (build_fresh_r90.py) and calls main();
#   - the fresh chain is the critical path: start it as soon as poisoning r34 and the evasion sets exist.
# Session 25 (71 minutes to the last set, 398 of 400 names, every fetch answered first time, all 99 sums matched;
# score_all on HEAD 6edbd7b gave the recorded numbers): fetch the ~215 names the injection builders use first;
# start this script (1.5 min) and then the web/mail/r50/r56 chain (5.5) while the poisoning names are still
# fetching, and the poisoning chain (2) right after them; make the three transcriptions, spans.py, r60, f2e396a's
# peritem + r52 meanwhile. The fresh chain then started at minute 24 and took 47 (r64-r92). One wrapper serves
# r84 and r86: import build_fresh_r84, set R84_COPIES, then call r84.main() or import build_fresh_r86 and call
# its main(). The chain can poll for the r80ml/r82zh sets before r84 instead of waiting for them up front.
# Session 26 (78 minutes to the last set, 398 of 400 names, all 99 sums matched): fetch the 63 REPOS below first and
# this script runs at minute 6; web/mail/r50/r56 then ran beside the other fetches. A looser name regex also gave
# S/ (from "\S+"), held/tune and r23/r28 (labels in round16_compare.py, round28_sweep.py): drop them. HEAD 1d739cd
# changed no committed .jsonl since 6edbd7b, so a HEAD archive still serves as r68/r74/r76 headtree. One chain script
# that waits for the web and poisoning chains to finish, then builds r52 (f2e396a's peritem ready) and r64-r92, started
# at minute 26 and took 52 minutes.
# Session 27 (75 minutes to the last set, 398 of 400 names, all 99 sums matched): fetch the ~209 names that
# scripts/peer-eval/injection/** mentions first (this script then starts at minute 4, the web chain at 13),
# then the ~191 poisoning-only names, which gate only the poisoning chain and through r32-r34p the fresh
# chain (it started at minute 24 and took 51). Transcribe with read_file by pasting its JSON-escaped "text"
# span into a quoted heredoc and json.load-ing it (trailing spaces and non-ASCII survive); all three sums
# were right first time. The lead may commit during a rebuild: r84 and later builders read `git rev-parse
# HEAD`, so check `git diff --name-only OLD HEAD | grep -E '\.jsonl?$'` is empty; keep scratch under /tmp/h,
# since a later round's freshness check reads every JSONL under /tmp/r*.
# Then r102an/build_fresh_r102.py (round 102, session 27; /tmp/r102/sets), after r92: run it from /tmp/r102.
# Session 28: the fetches took 14 minutes, but one name (0xeb/TheBigPromptLibrary) had not landed, and
# build_fresh_r74 stopped on it 50 minutes in (git ls-tree on a missing mirror); fetching it and resuming the
# chain at r74 worked. Check every name the fresh builders use is on disk (ls /work/.mirror/OWNER+NAME/repo)
# before starting the chain. The fresh chain took about 60 minutes this time (r64 14, r65 8, r68 13, r74 6).
# The lead committed twice during the rebuild (no .jsonl changed, so the sums held). The helper's report:
# 117 minutes in all, 405 names fetched in 13 minutes, all 101 sums matched. The name was missing because
# candidates with a hex-looking owner (0x...) were dropped as code noise: 0xeb is a real owner. Drop only
# the known noise pairs. The fresh builders took about 91 minutes of builder time this time (r90 11 min),
# against about 51 before, with nothing else on their core: plan two hours for a rebuild.
# Session 29: a session may fetch at most 500 repositories. Two source-hunting helpers (rounds 104 and 39) fetched
# 156 while this rebuild was fetching, and 61 poisoning-only names were refused ("This session can look up no new
# repositories"): every injection set was rebuilt (88 of 101 sums, all matching) but none of the 13 poisoning sets.
# A rebuild needs about 405 fetches: start no source hunt until its fetches are done. Also learned: r90, r91, r92 and
# r102 match without the poisoning sets /tmp/r32 and /tmp/r33 (the builders read only /tmp/r<digits>), so the fresh
# chain need not wait for the poisoning chain. Fresh chain 52 minutes (r64 10.5, r68 6.8, r90 6.3).
# Then r104an/build_fresh_r104.py (round 104, session 29; /tmp/r104/sets; run it from /tmp/r104 after r102; 4.7 min).
# Session 30 (84 minutes to the last set, 418 names fetched in 21 minutes, every one answered first time, all 103
# sums matched; poisoning round 39 frozen after them): this script at minute 7, the web chain at 15, the poisoning chain
# 1.5 min, spans.py + f2e396a's peritem + r52 + r60 + headtrees + r80ml + r82zh 2, the three transcriptions 3 (right
# first time; SD keeps only id, channel, family, injected), the fresh chain r64-r104 57 (started at minute 25).
#   - run the session-23 recipe over the builders the rebuild runs (this script's list, poisoning/*.py and *.sh,
#     r34an/spans.py, r52an/r60an, r78an ... r104an, r80ml, r82zh), not over all of scripts/peer-eval/**: probe and
#     analysis scripts (r42an, r49an, r95an, r96an), secrets/, build_r36.py and build_train_r41.py add ~30 names no
#     set needs. New noise: U/200B (build_r39's docstring). getmcpm/mcp-guardbench and joshmaster2165/medusa are
#     read_file sources of build_round11 (not rebuilt): no fetch;
#   - the fresh builders read /tmp/r<digits> only: /tmp/r34p and /tmp/r39p never, /tmp/r32 and /tmp/r33 yes. Round
#     104 was frozen without them, so build r32/r33 into a staging folder first (build_r32 --out, build_r33 and
#     build_r34 with --prev) and into /tmp/r32, /tmp/r33 after r104 (byte-identical);
#   - round 52's head.chat.out is f2e396a's peritem on /tmp/r50/sets/r50_chat_tune.jsonl (r50an/score_r50.sh);
#   - then ../poisoning/build_r39.py last (it reads /tmp/poison-eval, /tmp/r32, /tmp/r33, /tmp/r34p, /tmp/r104/sets;
#     /tmp/r39p/sets/all.jsonl, 9 s).
# Then r107an/build_fresh_r107.py (round 107, session 30; /tmp/r107/sets; run it from /tmp/r107 after r104 and after
# /tmp/r32 and /tmp/r33 are in place, as they were when it was frozen; 2.5 min).
# Usage (from anywhere): scripts/peer-eval/injection/rebuild_all.sh
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
M=/work/.mirror
REPOS="microsoft+BIPIA Zhang-Henry+AIOS_agent protectai+llm-guard tldr-pages+tldr
facebookresearch+wasp HumanCompatibleAI+tensor-trust-data meta-llama+PurpleLlama
Parapet-Tech+parapet egozverev+Should-It-Be-Executed-Or-Processed rust-lang+book
gtech+moltshield sileneer+safety-tax awslabs+mcp NVIDIA+garak likexian+whois-parser
richardpenman+whois logpai+loghub github+choosealicense.com weppos+whois-parser
google+licensecheck andygrunwald+go-jira kubernetes+kubectl docker+cli stripe+openapi
xanzy+go-gitlab octokit+fixtures slackapi+python-slack-sdk octokit+webhooks cli+cli
PyGithub+PyGithub go-playground+webhooks Shopify+shopify_python_api adlio+trello
mikel+mail mailgun+flanker mailgun+talon stalwartlabs+mail-parser apache+james-mime4j
php-mime-mail-parser+php-mime-mail-parser jhillyerd+enmime SpamScope+mail-parser
nodemailer+mailparser haraka+Haraka nukosuke+go-zendesk tweepy+tweepy halcy+Mastodon.py
praw-dev+praw discourse+discourse_api sjkingo+python-freshdesk zulip+python-zulip-api
ramnes+notion-sdk-py joeirimpan+zammad_py WithSecureLabs+spikee excalidraw+excalidraw
ChatGPTNextWeb+NextChat Mintplex-Labs+anything-llm kaif0102+Sentinel-AI-Defense-System-
fastapi+fastapi withastro+docs bitcoin-dot-org+Bitcoin.org nodejs+nodejs.org Textualize+rich
trekhleb+javascript-algorithms"
missing=""
for r in $REPOS; do
	[ -d "$M/$r/repo" ] || missing="$missing $r"
done
if [ -n "$missing" ]; then
	echo "missing mirrors (fetch them with the library's fetch tool, github:OWNER/NAME):" >&2
	for r in $missing; do echo "  $r" | sed 's/+/\//' >&2; done
	exit 1
fi

cd "$HERE"
run() { echo "== $*"; nice -n 10 python3 "$@"; }
./fetch_sources.sh
run build.py
./fetch_sources_new.sh
run build_new.py
run build_heldout_r5.py
run build_heldout_r6.py
run build_heldout_r7.py
run build_heldout_r8.py
run build_train_r8.py          # writes tune/records_tune.jsonl (and training records)
run build_heldout_r9.py
run build_heldout_r9b.py
run build_heldout_r9c.py
run build_heldout_r10.py
run build_heldout_r11.py
run build_heldout_r12.py
run build_heldout_r13.py
run build_heldout_r14.py
run build_heldout_r14b.py
run build_heldout_r15.py
run build_heldout_r16.py
run build_unseen_r16.py
run build_heldout_r17.py
run multilingual_r18.py
run build_clean_r18.py
run build_heldout_r19.py
run build_clean_r20.py
run build_clean_r22.py
run build_clean_r24.py

# peritem is the baseline scorer, so it is built from the committed tree
# (git archive HEAD), not from the working tree, which may hold a candidate.
mkdir -p /tmp/inj16/bin /tmp/inj16/headtree
git -C "$ROOT" archive HEAD | tar -x -C /tmp/inj16/headtree
(cd /tmp/inj16/headtree && go build -o /tmp/inj16/bin/peritem ./scripts/peer-eval/injection/peritem)
echo "peritem (HEAD $(git -C "$ROOT" rev-parse --short HEAD)): /tmp/inj16/bin/peritem"

# sha256 recorded in SOURCES.md (and round 20's).
N=/tmp/inj-eval/sets-new
bad=0
while read -r sum f; do
	[ -n "$sum" ] || continue
	if [ ! -f "$f" ]; then echo "MISSING  $f"; bad=1; continue; fi
	got=$(sha256sum "$f" | cut -d' ' -f1)
	# SOURCES.md recorded some sums only as "first…last" digits: a glob.
	case $got in $sum) echo "ok       $f" ;; *) echo "MISMATCH $f recorded $sum got $got"; bad=1 ;; esac
done <<SUMS
07ecbb16*64ee $N/heldout5/llmail.jsonl
ca93a969f04e74aeddee06e15724e65efef16ef905108fc0435b3d2d5eab1735 $N/heldout6/asb.jsonl
3ef9bebef0db216cf3dfa5b4d9e6962a1d0cf7f5f38122bc46e1607671bcf2bf $N/heldout7/garak_latent.jsonl
d0748d1385de3919e64e9ea0a0657ea050eb32086c61a18ad1e58be01116374e $N/heldout8/garak_tune.jsonl
78384a1d9616e676647308204b8bc8c0554fff288dc3fd1286bc65851a469602 $N/heldout8/garak_held.jsonl
c97c0bd3e4f1f25ce722cd1ce190737549acf7c31b80d24abfa3d66784f531ae $N/heldout8/records_heldout.jsonl
482316858e5d4c6f7b85f8b98045903bd1788dba30b591569ac64f8c72a2bbc0 $N/tune/records_tune.jsonl
0758b79aab885e289cd15883647954b0149b107f47443c77fdb7fa6fd03bdb00 $N/heldout9/toolout_heldout.jsonl
ec617d1da1907e6ad70810edd198b97865663f65c2ed25ed6744887e7ed257cb $N/heldout9/toolout_injected.jsonl
5844e68f3e7ad22fdfcf96a57445adcf0df840ae1a5ac72d1355cae8e567dee0 $N/tune9/toolout_tune.jsonl
b55ee0cba83b88af0eb2a1b744efc2b048bbf4888dedcec9e9adcc7d74537f85 $N/tune9/toolout_tune_injected.jsonl
55e05886ad6b5a825fd1dafa35d8ddffcf40dbe89dacca27a132f3f06dee8f47 $N/heldout9b/toolout_b_heldout.jsonl
e3d05a37a2b8aff0db0b5954249534576975e03344313a64bee66c35ba2f0d19 $N/heldout9b/toolout_b_injected.jsonl
1b3c5eb5d596dc3b14ad44299f745ee5a7a3de7bd236147bdc5cafdec9e01017 $N/heldout9c/toolout_c_heldout.jsonl
72ad2ff5ee641cc0caa75a9362957a033aebf77ec9a23e07a22dea1ea6eb9240 $N/heldout9c/toolout_c_injected.jsonl
258fa5c4ed64bb136f58a1c43368a45e6881e7add58a0890faf677c78c175d3d $N/heldout10/toolout10_heldout.jsonl
548f58916e895c592b7a076564335a6ce0da438bb02c486dc8763c9517dd7a86 $N/heldout10/toolout10_injected.jsonl
6eb526d1b484b0bfe0b94908d2e988cdfc3c593b5f2da488e7435e153b62a6d0 $N/heldout11/mail11_heldout.jsonl
1f850d922140105e3dddcbf6b020ea437cd7998eac62fd9e1eb0d81cb6808355 $N/heldout11/mail11_injected.jsonl
f8a4a99c48cff7a6f3b1fceed194750782772cdd916e86c3ccaa4e32a5940b8c $N/heldout12/mail12_heldout.jsonl
df0a8fc03d4cc0135b90323af172f9b5dba0f863a0692b64b22625e8cd857c20 $N/heldout13/mail13_heldout.jsonl
d7942e4958e63d13ec2429a83be537adeac6d80125665c1db00c277ef1a9dbdc $N/heldout13/mail13_injected.jsonl
194b68154c2a1431fccdc8815613769dba3cace6ad689de31e7307dd95b88e3d $N/heldout14/toolout14_heldout.jsonl
6db87ad88c8ea4d296837ccc53886366122af6163f0c2ff8866cf459cdfe7335 $N/heldout14/toolout14_injected.jsonl
fa268565325e8e4ebb87c99fed804dea12d6b5f2314ffcad7db0413537d59a89 $N/heldout14b/toolout14b_heldout.jsonl
93e8f2fb821a2748819457b2ba1e6142db1a498876b6c74ec314188dbf9b0c60 $N/heldout14b/toolout14b_injected.jsonl
55bc6da890decaf96a2d3958ccc14eed5d6dce78931b137cb3df95b4faa7efbf $N/heldout15/toolout15_heldout.jsonl
c74fa728c32e3bd6d4a5eceef63cd7ee84878e8218eb1cecb81f963bf77b3e57 $N/heldout15/toolout15_injected.jsonl
d2d5203af7725d3bbec7d084b97d23fc2e8b89ca87e2746db05862079588f30e $N/heldout16/toolout16_heldout.jsonl
d7135493dc976c14477be2de2c3ac34c71e160a0ba830fc8462ed7f25f6754bc $N/heldout16/toolout16_injected.jsonl
dd1b4c1e36fd31009f75a0409ca56d0f1cdac5510554aa7a41e74759a26282ea $N/heldout17/spikee_tune.jsonl
9dbada28a88b1e77ab75348afed0a0b3a0088b367d63f765074f23871ee63b8c $N/heldout17/spikee_heldout.jsonl
f847bfa7947a71356d5c98c03782ef625364c59d268d581f0bb408c6bc43e684 /tmp/inj18/sets/ml18_own.jsonl
7f3eaa1e7a0e1977cd8f05df4ca34e680e7980edca58051590e88f162e8166a4 /tmp/inj18/sets/ml18_clean.jsonl
ce2de99500f5e7df4f5776457ea054726e14d440eb3acd76c2bc6407ad5811bd $N/heldout19/r19_tune.jsonl
0e19eb375087f200014bb74c5f9d22673db31ef627ea955124a19dcb9175f9f7 $N/heldout19/r19_heldout.jsonl
cd96e688c90c0c4dffad5e5149df11234ad143bdbcaffacd3c06662672d7d1bb /tmp/inj20/sets/r20_clean_docs.jsonl
3564308ade0e1c2f2654dffd6c7b869be57aad4a3e75bdbda8cff40a1ef6e85d /tmp/inj20/sets/r20_clean_tune.jsonl
32001267972b801bbbce4ac96e9390ea5b89ce16ff149bafa691da224301ef10 /tmp/inj22/sets/r22_clean_astro.jsonl
458d0386566bc1b41ff2cb293a2942b254eedcbeed4aa146e3cde8cfc74ef044 /tmp/inj24/sets/r24_clean_tune.jsonl
0cd599110f983ac1eaa5a4f7ff1c7c016412cb0a124228eef7b97ffb1d91db6c /tmp/inj24/sets/r24_clean_heldout.jsonl
03bd345d54ec8e3c449dfc1f1d9ecc35a9ceca541b71b903556c093062b13b1d $N/heldout/sep.jsonl
f65375e8d1d0418149d7145817c681ffdfe8e127ac27a61a6c2f3156da79663d $N/heldout2/moltshield_indirect.jsonl
7fad0ce3e38091ea3c08fe45aec5186424af1d61cac8cc4eee0e27a2333cdc72 /tmp/inj-eval/sets/bipia_test_clean.jsonl
a03f72d9e13f126a44479f18a683fb473a08b8da6e21c4241911a53adc7c1407 /tmp/inj16/sets/tldr_unseen.jsonl
57d7080b7f6c23f43ceff1d546fd3ca5d2c46d958bc3e68d825f5f90082bfc65 /tmp/inj16/sets/tldr_trigger_unseen.jsonl
SUMS
exit $bad
