#!/usr/bin/env python3
"""Round 7 extra benign tools (other/r7_extra_benign.jsonl), built after the round's
decision, so not held out: top-level `description` strings of four more real MCP
servers (TypeScript `description:` literals paired with the nearest `name:`, Go
`NewTool("name", WithDescription(...))`, Python via extract.py), deduplicated against
every earlier set. Its false positives were read (docs/detection-rounds.md, round 7).
Usage: python3 extra_benign_r7.py  (after build_round7.py)
"""
import sys, os, re, json, subprocess  # noqa: E401
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_round7 import js_strings, seen_texts
from extract import tools_from_source
M='/work/.mirror'
REPOS={  # repo: commit (licence)
    'mongodb-js/mongodb-mcp-server': '36a405e',       # Apache-2.0
    'supabase-community/supabase-mcp': '17fb90f',     # Apache-2.0
    'getsentry/sentry-mcp': '4a10932',                # no LICENSE file: evaluation only
    'hashicorp/terraform-mcp-server': '42b9fe7',      # MPL-2.0
}
def git(repo,*a):
    return subprocess.run(['git','--git-dir',os.path.join(M,repo.replace('/','+'),'repo')]+list(a),capture_output=True).stdout.decode('utf-8','replace')
seen=seen_texts('/tmp/poison-eval')
out=[]; texts=set()
for repo in REPOS:
    c=git(repo,'rev-parse',REPOS[repo]).strip()
    lic=git(repo,'show',c+':LICENSE')[:60].split('\n')[0:3]
    n0=len(out)
    for p in git(repo,'ls-tree','-r','--name-only',c).split('\n'):
        if 'test' in p.lower() or 'example' in p.lower() and 'fastmcp' in repo: continue
        if not re.search(r'\.(py|ts|js|go)$',p) or p.endswith('.d.ts'): continue
        src=git(repo,'show',c+':'+p)
        items=[]
        if p.endswith('.py'):
            items=tools_from_source(src)
        elif p.endswith('.go'):
            for m in re.finditer(r'NewTool\(\s*"([^"]+)"',src):
                d=re.search(r'WithDescription\(\s*((?:"(?:[^"\\]|\\.)*"|`[^`]*`)(?:\s*\+\s*(?:"(?:[^"\\]|\\.)*"|`[^`]*`))*)',src[m.end():m.end()+3000])
                if d:
                    parts=re.findall(r'"((?:[^"\\]|\\.)*)"|`([^`]*)`',d.group(1))
                    items.append({'name':m.group(1),'description':''.join(a.encode().decode('unicode_escape') if a else b for a,b in parts)})
        else:
            for m in re.finditer(r'\bdescription\s*[:=]\s*',src):
                desc,_=js_strings(src,m.end())
                if len(desc)<30: continue
                names=re.findall(r'\bname\s*[:=]\s*["\'`]([\w.-]+)["\'`]',src[max(0,m.start()-600):m.start()])
                items.append({'name':names[-1] if names else 'tool','description':desc})
        for t in items:
            d=(t.get('description') or '').strip()
            if len(d)<30 or d in seen or d in texts: continue
            texts.add(d); t.update(label=0,source=repo+'@'+c[:7]+':'+p); out.append(t)
    print(repo,c[:7],lic,len(out)-n0)
with open('/tmp/poison-eval/other/r7_extra_benign.jsonl','w') as f:
    for t in out: f.write(json.dumps(t,ensure_ascii=False)+'\n')
print(len(out))
