"""Per-category flagged and inj.task.request counts of peritem outputs (tune data only)."""
import collections, json, sys
for fn in sys.argv[1:]:
    c, n, t = collections.Counter(), collections.Counter(), collections.Counter()
    for l in open(fn):
        r = json.loads(l); k = r["category"]; n[k] += 1; c[k] += r["flagged"]
        t[k] += "inj.task.request" in (r.get("rules") or [])
    for k in sorted(n):
        print(f"{k:40s} flagged {c[k]:3d}/{n[k]}  task-finding {t[k]}")
