import json,subprocess,sys,os,tempfile
BIN=sys.argv[1]; files=sys.argv[2:]
for f in files:
    items=[json.loads(l) for l in open(f)]
    # one eval per item via a temp dir of single-item files is slow; batch: write each item to its own file in a dir
    d=tempfile.mkdtemp()
    for i,it in enumerate(items):
        with open(f"{d}/{i:05d}.jsonl","w") as o: o.write(json.dumps(it)+"\n")
    out=subprocess.run([BIN,"eval","poisoning","--verbose",d],capture_output=True,text=True).stdout
    for line in out.splitlines():
        if "missed:" in line or "false positive:" in line:
            path=line.split(": ",1)[1].split()[0]; i=int(os.path.basename(path).split(".")[0])
            it=items[i]
            kind="MISS" if "missed" in line else "FP"
            print(f"== {kind} {os.path.basename(os.path.dirname(f))}/{os.path.basename(f)} #{i} {it.get('category','')} :: {line.split('score',1)[1][:120]}")
            t=dict(it); t.pop('label',None); t.pop('category',None)
            print("   ", json.dumps(t,ensure_ascii=False)[:1200])
