"""How often the level guessed for a motion's body matches the level its metadata gives.

    .venv/bin/python bench/eval_levels.py

The level (local, state, federal, party) decides what counts as the motion's own executive: a
call on it is the ordinary request, a call on another level an appeal (ANNOTATION.md, "Other
bodies"); the clause model reads executives relative to it. It is guessed from the body, the
title and the head (``pipeline.extract.levels.WordClasses.level``). The written motions carry
their body's level beside the text (a county counts as local); printed: the pairs (metadata,
guess), the number wrong and the most common wrong bodies.
"""

from __future__ import annotations

import collections
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract.levels import WordClasses  # noqa: E402
from pipeline.extract.patterns import load_patterns  # noqa: E402


def main() -> None:
    wc = WordClasses.from_data(load_patterns("clauses.json"))
    pairs: collections.Counter[tuple[str, str]] = collections.Counter()
    wrong: collections.Counter[tuple[str, str, str]] = collections.Counter()
    with gzip.open(ROOT / "corpus" / "written" / "motions.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            guess = wc.level(r["body"], r["title"], r["text"][:1500])
            meta = "local" if r["level"] == "county" else r["level"]
            pairs[meta, guess] += 1
            if meta != guess:
                wrong[meta, guess, r["body"][:60]] += 1
    for (meta, guess), n in sorted(pairs.items()):
        print(f"{meta:8s} guessed {guess:8s} {n:5d}")
    print(f"wrong: {sum(wrong.values())} of {sum(pairs.values())}")
    for (meta, guess, body), n in wrong.most_common(15):
        print(f"{n:4d}  {meta} as {guess}: {body}")


if __name__ == "__main__":
    main()
