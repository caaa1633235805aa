#!/usr/bin/env python3
"""Count speaker names that are visibly broken in `dictum extract` output.

Usage: dictum extract DIR | python3 scripts/speaker-name-check.py [--show]

A name counts as broken when it holds `word. Capital` (a sentence crossed, or a
title left inside the name: `Harbour Act. Lind`, `Tartu Mayor. Ivo Petek`), opens
with a function word or a discourse adverb (`Even Ana Lind`), is a place cut
after `New` (`York Times`), or glues a title-case headline's function words to a
name (`Crowd Does Not Like Ivo Petek`). It is a check for regressions, not a
score: no gold gives speaker names.
"""
import collections
import json
import re
import sys

FUNCTION = set(
    "the a an of to and or with for in on at by from not is are was were does do did "
    "will can could would should might says said over as but after before while like than "
    "that this you it he she we they be been has have had since although because though "
    "unless until even only perhaps maybe instead indeed using going full rival".split()
)
CUT_AFTER_NEW = {"York", "Jersey", "Hampshire", "Mexico", "Orleans", "Zealand", "Delhi"}


def kind(name):
    words = name.split()
    if re.search(r"[a-z]{2,}\. [A-Z]", name):
        return "crosses a sentence or keeps a title"
    if words[0].lower() in FUNCTION:
        return "function word first"
    if words[0] in CUT_AFTER_NEW:
        return "'New' cut off"
    if len(words) >= 4 and any(w.lower() in FUNCTION and w[:1].isupper() for w in words[1:]):
        return "headline glued to a name"
    return None


def main():
    show = "--show" in sys.argv[1:]
    counts, names, examples = collections.Counter(), collections.Counter(), collections.defaultdict(collections.Counter)
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        for st in json.loads(line).get("statements", []):
            name = (st.get("speaker") or {}).get("name")
            if not name:
                continue
            counts["named statements"] += 1
            names[name] += 1
            k = kind(name)
            if k:
                counts["broken"] += 1
                counts[k] += 1
                examples[k][name] += 1
    print(f"named statements {counts['named statements']}, distinct names {len(names)}, broken {counts['broken']}")
    for k in sorted(examples):
        print(f"  {k}: {counts[k]}")
        if show:
            for name, n in examples[k].most_common(10):
                print(f"    {n:4d} {name}")


if __name__ == "__main__":
    main()
