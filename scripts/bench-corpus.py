#!/usr/bin/env python3
"""Write a JSON Lines corpus of N articles from a directory of plain-text articles, for
`dictum ingest` benchmarks.

    scripts/bench-corpus.py ../shared/eval/polnear/train/text 100000 [--mutate 0.3] > bench.jsonl

Article i is source text i mod len(sources), given its own URL, one of seven outlets and a
date in 2016, so a repeated text is a new article of another outlet: the database stores it,
links it as a copy of the first and groups its statements with the first one's.

With --mutate P, every repetition after the first replaces each lower-case word of five or
more letters, with probability P, by another such word of the corpus (seeded, reproducible):
quotation marks, names, cue verbs such as "said" (four letters) and sentence shapes stay, so
extraction finds as many statements, but the repeated texts are no longer copies and their
statements are new ones, as in an archive of distinct articles. The texts are read at run time
and never stored in the project.
"""
import random
import re
import json
import pathlib
import sys


WORD = re.compile(r"\b[a-z]{5,}\b")
KEEP = {"added", "according", "announced", "argued", "asked", "claimed", "explained", "noted",
        "reported", "stated", "suggested", "believes", "thinks", "wrote", "told", "says", "said"}


def mutate(text, vocab, p, rng):
    def swap(m):
        w = m.group(0)
        if w in KEEP or rng.random() >= p:
            return w
        return rng.choice(vocab)
    return WORD.sub(swap, text)


def main():
    args = sys.argv[1:]
    p = 0.0
    if "--mutate" in args:
        i = args.index("--mutate")
        p = float(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    src, n = pathlib.Path(args[0]), int(args[1])
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(src.glob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt files in {src}")
    vocab = sorted({w for t in texts for w in WORD.findall(t)} - KEEP)
    rng = random.Random(1)
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
            "text": texts[i % len(texts)]
            if p == 0 or i < len(texts)
            else mutate(texts[i % len(texts)], vocab, p, rng),
        }
        out.write(json.dumps(rec, ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main()
