#!/usr/bin/env python3
"""Round 18: clean non-English text by other authors, for false positives.
UI strings of three MIT-licensed open-source apps (read from their git
snapshots, fetched with the library tool), joined in file order into short
documents (consecutive strings until >= 300 characters, at most 8), up to 12
documents per app and language, evenly spaced over the file. Strings equal
to one of the app's English strings (untranslated) are skipped. Writes
/tmp/inj18/sets/ml18_clean.jsonl; label 0, category clean/<app>/<lang>."""
import json, re, subprocess

SOURCES = [
 # (name, git dir, commit, english path, {lang: path})
 ("excalidraw", "/work/.mirror/excalidraw+excalidraw/repo", "4872083c044491b6d5c96ae134a75464f96d6831",
  "packages/excalidraw/locales/en.json",
  {l: f"packages/excalidraw/locales/{f}.json" for l, f in [("es", "es-ES"), ("fr", "fr-FR"), ("de", "de-DE"), ("pt", "pt-BR"), ("it", "it-IT"), ("nl", "nl-NL"), ("ru", "ru-RU"), ("zh", "zh-CN"), ("ja", "ja-JP"), ("ko", "ko-KR"), ("ar", "ar-SA")]}),
 ("nextchat", "/work/.mirror/ChatGPTNextWeb+NextChat/repo", "706a18b95b714ab29b2a4842d3b9ff4f887935d5",
  "app/locales/en.ts",
  {l: f"app/locales/{f}.ts" for l, f in [("es", "es"), ("fr", "fr"), ("de", "de"), ("pt", "pt"), ("it", "it"), ("ru", "ru"), ("zh", "cn"), ("ja", "jp"), ("ko", "ko"), ("ar", "ar")]}),
 ("anythingllm", "/work/.mirror/Mintplex-Labs+anything-llm/repo", "72aabbd15481ae405434efd4c83d46026eef1173",
  "frontend/src/locales/en/common.js",
  {l: f"frontend/src/locales/{f}/common.js" for l, f in [("es", "es"), ("fr", "fr"), ("de", "de"), ("pt", "pt_BR"), ("it", "it"), ("nl", "nl"), ("ru", "ru"), ("zh", "zh"), ("ja", "ja"), ("ko", "ko"), ("ar", "ar")]}),
]
PER = 12

def show(git, commit, path):
    return subprocess.run(["git", "--git-dir", git, "show", f"{commit}:{path}"], capture_output=True, check=True).stdout.decode()

LIT = re.compile(r'"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`|\'((?:[^\'\\\n]|\\.)*)\'')

def strings(src, path):
    if path.endswith(".json"):
        out = []
        def walk(v):
            if isinstance(v, dict):
                for x in v.values():
                    walk(x)
            elif isinstance(v, str):
                out.append(v)
        walk(json.loads(src))
        return out
    out = []
    for m in LIT.finditer(src):
        s = next(g for g in m.groups() if g is not None)
        out.append(s.replace("\\n", "\n").replace('\\"', '"').replace("\\'", "'"))
    return out

def keep(s, en):
    s = s.strip()
    return len(s) >= 15 and s not in en and re.search(r"[^\W\d_]{3}", s) and "${" not in s[:3]

def docs(ss):
    out, cur = [], []
    for s in ss:
        cur.append(s.strip())
        if sum(len(x) for x in cur) >= 300 or len(cur) >= 8:
            out.append("\n".join(cur))
            cur = []
    if cur:
        out.append("\n".join(cur))
    return out

def main():
    out = "/tmp/inj18/sets/ml18_clean.jsonl"
    n = 0
    with open(out, "w") as f:
        for name, git, commit, enpath, langs in SOURCES:
            en = set(x.strip() for x in strings(show(git, commit, enpath), enpath))
            for lang, path in langs.items():
                ds = docs([s for s in strings(show(git, commit, path), path) if keep(s, en)])
                step = max(1, len(ds) // PER)
                for j, d in enumerate(ds[::step][:PER]):
                    f.write(json.dumps({"text": d, "label": 0, "category": f"clean/{name}/{lang}", "id": f"{name}/{path}#{j}"}, ensure_ascii=False) + "\n")
                    n += 1
    print(out, n)

if __name__ == "__main__":
    main()
