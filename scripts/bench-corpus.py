#!/usr/bin/env python3
"""Write a JSON Lines corpus of N articles from a directory of plain-text articles, for
`dictum ingest` benchmarks.

    scripts/bench-corpus.py ../shared/eval/polnear/train/text 100000 > /tmp/bench.jsonl

Article i is source text i mod len(sources), given its own URL, one of seven outlets and a
date in 2016, so a repeated text is a new article of another outlet: the database stores it,
links it as a copy of the first and groups its statements with the first one's. The texts are
read at run time and never stored in the project.
"""
import json
import pathlib
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, n = pathlib.Path(sys.argv[1]), int(sys.argv[2])
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(src.glob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt files in {src}")
    outlets = ["Herald", "Tribune", "Courier", "Gazette", "Observer", "Chronicle", "Post"]
    out = sys.stdout
    for i in range(n):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        rec = {
            "id": f"bench-{i}",
            "url": f"https://{outlets[i % 7].lower()}.example/{i}",
            "outlet": outlets[i % 7],
            "published": f"2016-{month:02d}-{day:02d}",
            "text": texts[i % len(texts)],
        }
        out.write(json.dumps(rec, ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main()
