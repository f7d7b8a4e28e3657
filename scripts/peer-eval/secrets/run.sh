#!/bin/sh
# usage: run.sh [WARDEN_BINARY] -> one line per set (recall, FPR, precision).
# trufflehog-new.jsonl (build_trufflehog_new.sh) is the held-out set: score
# it only after all changes, never read its errors. secretlint is seen.
B=${1:-warden}
cd /tmp/secrets-eval
for f in ${SETS:-trufflehog-tune trufflehog-heldout gitleaks-tune gitleaks-heldout noseyparker kingfisher}; do
	$B eval secrets --json $f.jsonl 2>/dev/null | tail -1 | python3 -c "
import json,sys; r=json.load(sys.stdin)
print('%-20s pos=%5d neg=%4d recall=%6.2f%% FPR=%6.2f%% precision=%6.2f%%'%('$f',r['malicious'],r['benign'],100*r['recall'],100*r['false_positive_rate'],100*r['precision']))"
done
