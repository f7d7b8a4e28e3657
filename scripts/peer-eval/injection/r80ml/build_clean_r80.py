#!/usr/bin/env python3
"""Round 80: clean text by other authors in the ten languages of round 80's rules
(Turkish, Polish, Indonesian, Vietnamese, Ukrainian, Swedish/Norwegian/Danish,
Hindi, Persian, Hebrew; Hinglish has no clean source here), for false positives.
Frozen before the round-80 rules were scored on it.

Sources (bare mirrors from the library's fetch, read with `git show` at pinned commits):
  - excalidraw (MIT) UI strings, every locale file of the ten languages, joined in
    file order into documents of >= 300 characters or 8 strings (as round 18's
    build_clean_r18.py); strings equal to an English string are skipped;
  - NextChat (MIT) UI strings, locales tr, id, vi, da, no, the same way;
  - FastAPI (MIT) documentation: every Markdown page of docs/tr, docs/uk, docs/hi at
    the pinned HEAD, and of docs/pl, id, vi, fa, he, sv at the last commit before
    each was removed; each page one document (translated technical prose, full of
    imperatives: "send", "show", "ignore", "from now on");
  - tldr-pages (CC BY 4.0) command pages of pages.{tr,pl,id,vi,uk,hi,fa,he,sv,da,no}
    at 08e345f4 when the mirror is present, four pages a document, in path order.
Writes /tmp/r80/ml/r80_clean.jsonl (label 0, category clean/<source>/<lang>)."""
import json, os, subprocess, sys

EXC = ("/work/.mirror/excalidraw+excalidraw/repo", "4872083c044491b6d5c96ae134a75464f96d6831")
NXT = ("/work/.mirror/ChatGPTNextWeb+NextChat/repo", "706a18b95b714ab29b2a4842d3b9ff4f887935d5")
FAPI = "/work/.mirror/fastapi+fastapi/repo"
FAPI_HEAD = "c3f316b7e814667e8ee81e03a7330d00ee61e45c"
# the last commit with each removed translation (the parent of its removal)
FAPI_OLD = {"pl": "3481aad827987b0bfabe55143af71091b2d5d2f7", "id": "3481aad827987b0bfabe55143af71091b2d5d2f7",
            "he": "3481aad827987b0bfabe55143af71091b2d5d2f7", "vi": "ed20bf6bf3a9ad8d7e93f02578ea24d20b52fca7",
            "fa": "9be5063396e674df74165e0a990259bf30753746", "sv": "be8e704e46e26bc0ef8f331e90ef5574860897af"}
TLDR = "/work/.mirror/tldr-pages+tldr/repo"
TLDR_COMMIT = "08e345f42639f67d99282813247ac670dc6e87cb"
EXC_LOC = {"tr": "tr-TR", "pl": "pl-PL", "id": "id-ID", "vi": "vi-VN", "uk": "uk-UA", "hi": "hi-IN",
           "fa": "fa-IR", "he": "he-IL", "sv": "sv-SE", "nb": "nb-NO", "da": "da-DK"}
NXT_LOC = {"tr": "tr", "id": "id", "vi": "vi", "da": "da", "no": "no"}
TLDR_LANGS = ["tr", "pl", "id", "vi", "uk", "hi", "fa", "he", "sv", "da", "no"]


def git(d, *args):
    return subprocess.run(["git", "--git-dir", d, *args], capture_output=True, check=True).stdout


def show(d, commit, path):
    return git(d, "show", f"{commit}:{path}").decode()


def ls(d, commit, path):
    try:
        out = git(d, "ls-tree", "-r", "--name-only", commit, path).decode()
    except subprocess.CalledProcessError:
        return []
    return sorted(x for x in out.splitlines() if x)


# round 18's readers of UI strings: the same string extraction, filter and joining
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from build_clean_r18 import docs as join, keep, strings  # noqa: E402


def write_rows(out, rows):
    with open(out, "w") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(out, len(rows))


def main():
    os.makedirs("/tmp/r80/ml", exist_ok=True)
    rows = []
    for name, (d, c), en_path, locs, fmt in [
        ("excalidraw", EXC, "packages/excalidraw/locales/en.json", EXC_LOC, "packages/excalidraw/locales/{}.json"),
        ("nextchat", NXT, "app/locales/en.ts", NXT_LOC, "app/locales/{}.ts"),
    ]:
        en = set(x.strip() for x in strings(show(d, c, en_path), en_path))
        for lang, f in locs.items():
            path = fmt.format(f)
            for j, doc in enumerate(join([s for s in strings(show(d, c, path), path) if keep(s, en)])):
                rows.append({"text": doc, "label": 0, "category": f"clean/{name}/{lang}", "id": f"{name}/{path}#{j}"})
    for lang in ["tr", "uk", "hi"] + sorted(FAPI_OLD):
        c = FAPI_OLD.get(lang, FAPI_HEAD)
        for path in ls(FAPI, c, f"docs/{lang}/docs"):
            if path.endswith(".md"):
                text = show(FAPI, c, path)
                if text.strip():
                    rows.append({"text": text, "label": 0, "category": f"clean/fastapi/{lang}", "id": f"fastapi@{c[:10]}/{path}"})
    if os.path.isdir(TLDR):
        c = TLDR_COMMIT
        for lang in TLDR_LANGS:
            pages = [p for p in ls(TLDR, c, f"pages.{lang}") if p.endswith(".md")]
            for j in range(0, len(pages), 4):
                text = "\n\n".join(show(TLDR, c, p) for p in pages[j:j + 4])
                rows.append({"text": text, "label": 0, "category": f"clean/tldr/{lang}", "id": f"tldr@{c[:10]}/{pages[j]}"})
        print("tldr", c)
    write_rows("/tmp/r80/ml/r80_clean.jsonl", rows)


if __name__ == "__main__":
    main()
