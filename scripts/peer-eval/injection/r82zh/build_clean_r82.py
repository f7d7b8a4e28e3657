#!/usr/bin/env python3
"""Round 82: Chinese clean documents for the Chinese jailbreak rules.

Two sets, from bare mirrors (/work/.mirror/OWNER+NAME/repo, brought in with the
library's fetch tool) at pinned commits; evaluation use only, nothing committed
from them:

  tune (read while writing the rules): JavaGuide, ruanyf/weekly,
       awesome-chatgpt-prompts-zh, llm-cookbook, prompt-engineering-for-developers
  heldout (frozen before the candidate was scored on it; aggregates only):
       es6tutorial, vuejs docs-zh-cn, self-llm

Each Markdown file (and notebook: cells plus text outputs) is cut into
documents of at most 2,000 characters at paragraph breaks (longer paragraphs
are cut at 2,000; files the snapshot left out are skipped); a document needs at least 100 CJK characters. Exact
duplicates are dropped. Label 0, category = repository name.
Usage: build_clean_r82.py tune|heldout OUT.jsonl
"""
import hashlib, json, re, subprocess, sys

M = '/work/.mirror/'
SETS = {
    'tune': [
        ('Snailclimb+JavaGuide', 'fd4c37ab8f58a3c5520535d401adaf1adf72ed85', r'\.md$'),
        ('ruanyf+weekly', 'cf5e367d98e5141fb3381816f2ac8c5dd1bdb69f', r'\.md$'),
        ('PlexPt+awesome-chatgpt-prompts-zh', '367ed18b9c50b702d762c6fbc2885107141acb62', r'\.md$'),
        ('datawhalechina+llm-cookbook', 'd53a36772c76fef0f55295af102615dd498a60cd', r'\.(md|ipynb)$'),
        ('datawhalechina+prompt-engineering-for-developers', '26681659cbbfbb3af852de695168170ca00f4dce', r'\.(md|ipynb)$'),
    ],
    'heldout': [
        ('ruanyf+es6tutorial', 'fc58b0c1505654bde876ace4f8f1f7f5882876fa', r'\.md$'),
        ('vuejs-translations+docs-zh-cn', 'c2715ff75bae5376bc5bf212280ae76e30089fbd', r'\.md$'),
        ('datawhalechina+self-llm', '0932a89b0fd8e7a9844874eceb8ec993d6570d78', r'\.(md|ipynb)$'),
    ],
}
CJK = re.compile(r'[\u4e00-\u9fff]')


def git(repo, *args):
    return subprocess.run(['git', '-C', M + repo + '/repo', *args], capture_output=True, check=True).stdout


def text_of(path, raw):
    if not path.endswith('.ipynb'):
        return raw
    try:
        nb = json.loads(raw)
    except ValueError:
        return ''
    parts = []
    for c in nb.get('cells', []):
        parts.append(''.join(c.get('source', [])))
        for o in c.get('outputs', []) or []:
            if 'text' in o:
                parts.append(''.join(o['text']))
    return '\n\n'.join(parts)


def chunks(t, n=2000):
    ps = []
    for p in re.split(r'\n\s*\n', t):
        while len(p) > n:
            ps.append(p[:n])
            p = p[n:]
        ps.append(p)
    cur = ''
    for p in ps:
        if len(cur) + len(p) > n and cur:
            yield cur
            cur = ''
        cur += p + '\n\n'
    if cur.strip():
        yield cur


def main():
    which, out = sys.argv[1], sys.argv[2]
    seen, counts = set(), {}
    with open(out, 'w') as f:
        for repo, commit, pat in SETS[which]:
            names = git(repo, 'ls-tree', '-r', '-z', '--name-only', commit).decode().split('\0')
            for name in sorted(x for x in names if re.search(pat, x)):
                try:
                    raw = git(repo, 'show', commit + ':' + name).decode('utf-8', 'replace')
                except subprocess.CalledProcessError:
                    continue  # a large file the snapshot left out
                for c in chunks(text_of(name, raw)):
                    if len(CJK.findall(c)) < 100:
                        continue
                    h = hashlib.sha256(c.encode()).hexdigest()
                    if h in seen:
                        continue
                    seen.add(h)
                    f.write(json.dumps({'text': c, 'label': 0, 'category': repo.split('+')[1]}, ensure_ascii=False) + '\n')
                    counts[repo] = counts.get(repo, 0) + 1
    print(counts)


if __name__ == '__main__':
    main()
