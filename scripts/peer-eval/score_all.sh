#!/bin/sh
# Score one source tree on every rebuilt injection and poisoning eval set; aggregates only.
# (Written by a helper in session 13; sets.sha256 beside it lists the set files it reads.)
# usage: score_all.sh TREE [LABEL]
#   TREE  a source tree (e.g. `git -C /work/main archive HEAD | tar -x -C /tmp/x`, or a patched copy)
#   LABEL name for the round16 cache (default: score<pid>; reused cache = same numbers, so keep unique)
# Builds peritem and warden from TREE into a temp dir (nice), then prints:
#   - round16_compare's 26 rows (model = TREE's internal/detect/model/injection.bin), with totals of the
#     16 injected rows and the 10 clean rows;
#   - held-out clean sets, flagged or truncated (truncated counts: the guard fails closed): web r61,
#     r48, r41, r25, r23, r28, r30; mail_r31; r50 tickets/chat/code/tables; r56 tickets;
#   - r65 and r68 fresh attack sets (warden eval injection, via summarise_r65/68.py into the temp dir):
#     recall on injected documents (email+document+json) and bare; r74, r76, r78, r80, r84, r86, r90, r91, r92, r102, r104 and r107 the same way;
#   - poisoning held-out: r22, r23, r24 (pooled), r26, r28, r30, r32, r33, r34 and r39 (warden eval poisoning --json;
#     r32 and r33 live in /tmp/r3N/sets, r34 in /tmp/r34p/sets, r39 in /tmp/r39p/sets, the others in /tmp/poison-eval).
# Held-out discipline: only aggregate counts are printed.
set -e
TREE=$(cd "$1" && pwd)
LABEL=${2:-score$$}
I=$(cd "$(dirname "$0")/injection" && pwd)
W=$(mktemp -d /tmp/score_all.XXXXXX)
echo "# tree $TREE  workdir $W  label $LABEL"
# the sets must be the rebuilt, recorded bytes (85 files: held-out sets, fresh sets, round16 inputs)
sha256sum -c --quiet "$(dirname "$0")/sets.sha256" || { echo "set sha256 mismatch: rebuild first" >&2; exit 1; }
(cd "$TREE" && nice -n 10 go build -o $W/peritem ./scripts/peer-eval/injection/peritem \
	&& nice -n 10 go build -o $W/warden ./cmd/warden)

echo "## round16_compare (16 injected rows, 10 clean rows)"
PERITEM=$W/peritem python3 $I/round16_compare.py "$LABEL=$TREE/internal/detect/model/injection.bin" > $W/r16.txt
cat $W/r16.txt
python3 - $W/r16.txt <<'EOF'
import re, sys
inj_k = inj_n = cl_k = 0
for l in open(sys.argv[1]):
    m = re.match(r"\| (.+?) \| (.+?) \|$", l.strip())
    if not m: continue
    name, cell = m.groups()
    if "(FP)" in name:
        cl_k += int(cell.split("/")[0])
    elif "injected" in name or re.search(r"\(\d+\)$", name):
        inj_k += int(re.search(r"\((\d+)\)$", cell).group(1)); inj_n += int(re.search(r"\((\d+)\)$", name).group(1))
    elif "truncated" in name:
        cl_n = int(cell.split("/")[1])
print(f"TOTAL 16 injected rows: {inj_k}/{inj_n}")
print(f"TOTAL 10 clean rows: {cl_k}/{cl_n} flagged (denominator = every label-0 item, as recorded)")
EOF

echo "## held-out clean sets: flagged or truncated / items (truncated)"
HELD="/tmp/r61/sets/r61_web_heldout.jsonl /tmp/r48/sets/r48_web_heldout.jsonl /tmp/r41/sets/r41_web_heldout.jsonl
/tmp/r25/sets/r25_web_heldout.jsonl /tmp/r23/sets/r23_web_heldout.jsonl /tmp/r28/sets/r28_web_heldout.jsonl
/tmp/r30/sets/r30_web_heldout.jsonl /tmp/r31/sets/mail_r31_heldout.jsonl /tmp/r50/sets/r50_tickets_heldout.jsonl
/tmp/r50/sets/r50_chat_heldout.jsonl /tmp/r50/sets/r50_code_heldout.jsonl /tmp/r50/sets/r50_tables_heldout.jsonl
/tmp/r56/sets/r56_tickets_heldout.jsonl"
nice -n 10 $W/peritem $HELD > $W/held.out
python3 - $W/held.out <<'EOF'
import collections, json, sys
tot, bad, tr = collections.Counter(), collections.Counter(), collections.Counter()
order = []
for l in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(l)
    k = r["file"].split("/")[-1]
    if k not in tot: order.append(k)
    t = "inj.budget.truncated" in (r.get("rules") or [])
    tot[k] += 1; bad[k] += bool(r["flagged"] or t); tr[k] += t
for k in order:
    print(f"{k:30s} {bad[k]:4d}/{tot[k]:<5d} truncated {tr[k]}")
EOF

echo "## fresh attack sets (warden eval injection)"
for r in 65 68; do
	python3 $I/r${r}an/summarise_r${r}.py --bin $W/warden --out $W/r$r --sets /tmp/r$r/sets > /dev/null
	python3 - $W/r$r $r <<'EOF'
import json, sys
d, r = sys.argv[1], sys.argv[2]
def last(f): return json.loads(open(f).read().strip().splitlines()[-1])
doc, bare = last(f"{d}/r{r}_doc_eval.json"), last(f"{d}/r{r}_bare_eval.json")
carrier = [l.split() for l in open(f"{d}/r{r}_clean_by_category.txt") if l.startswith(("clean/carrier/", "clean_carrier_"))]
ck = sum(int(x[1]) for x in carrier); cn = sum(int(x[2]) for x in carrier)
print(f"r{r} injected docs: {100*doc['tp']/doc['malicious']:.1f}% ({doc['tp']}/{doc['malicious']})  "
      f"bare: {100*bare['tp']/bare['malicious']:.1f}% ({bare['tp']}/{bare['malicious']})  carriers alone flagged {ck}/{cn}")
EOF
done

for r in 74 76 78 80 84 86 90 91 92 102 104 107; do
	S=/tmp/inj$r/sets; [ $r -ge 78 ] && S=/tmp/r$r/sets
	python3 $I/r${r}an/summarise_r${r}.py --bin $W/warden --out $W/r$r --sets $S > /dev/null
	python3 - $W/r$r $r <<'EOF'
import json, sys
d, r = sys.argv[1], sys.argv[2]
def last(f): return json.loads(open(f).read().strip().splitlines()[-1])
doc, bare = last(f"{d}/r{r}_doc_eval.json"), last(f"{d}/r{r}_bare_eval.json")
clean = sum(int(l.split()[1]) for l in open(f"{d}/r{r}_clean_by_category.txt") if l.strip())
print(f"r{r} injected docs: {100*doc['tp']/doc['malicious']:.1f}% ({doc['tp']}/{doc['malicious']})  "
      f"bare: {100*bare['tp']/bare['malicious']:.1f}% ({bare['tp']}/{bare['malicious']})  clean items flagged (all groups) {clean}")
EOF
done

echo "## poisoning held-out (warden eval poisoning)"
P=/tmp/poison-eval
for f in r22/r22_heldout.jsonl r23/heldout.jsonl r24/heldout.jsonl r26/heldout.jsonl r26/heldout_small.jsonl r28/all.jsonl r30/all.jsonl /tmp/r32/sets/all.jsonl /tmp/r33/sets/all.jsonl /tmp/r34p/sets/all.jsonl /tmp/r39p/sets/all.jsonl \
	heldout/r4_benign.jsonl heldout/r7_benign.jsonl heldout/r9_benign.jsonl; do
	case $f in /*) pf=$f ;; *) pf=$P/$f ;; esac
	nice -n 10 $W/warden eval poisoning --json $pf | tail -1 > $W/p.json
	python3 -c "import json,sys; d=json.load(open('$W/p.json')); print(f\"{'$f':28s} poisoned {d['tp']}/{d['malicious']}  benign flagged {d['fp']}/{d['benign']}\")"
done | tee $W/poison.txt
python3 - $W/poison.txt <<'EOF'
import re, sys
k = n = 0
for l in open(sys.argv[1]):
    if l.split()[0] in ("r22/r22_heldout.jsonl", "r23/heldout.jsonl", "r24/heldout.jsonl"):
        a, b = re.search(r"poisoned (\d+)/(\d+)", l).groups(); k += int(a); n += int(b)
print(f"TOTAL r22+r23+r24 held-out poisoned: {k}/{n}")
EOF
echo "# done; raw outputs in $W"
