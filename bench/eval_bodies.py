"""How often the body read from a motion's letterhead matches the body its metadata names.

    .venv/bin/python bench/eval_bodies.py [--show 15]

For inputs without metadata the body comes from the head of the text
(``pipeline.extract.body.body_from_text``). The written motions carry their body beside the text:
per motion the guess is the same, shares its last word with the metadata's ("Stadtrat München"
against "Stadtrat der Landeshauptstadt München"), is none, or is another body.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract.body import body_from_text  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=0, help="print the most common other bodies")
    args = ap.parse_args()
    counts: collections.Counter[str] = collections.Counter()
    other: collections.Counter[tuple[str, str]] = collections.Counter()
    with gzip.open(ROOT / "corpus" / "written" / "motions.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            guess, body = body_from_text(r["text"]), r.get("body") or ""
            if guess is None:
                counts["none"] += 1
            elif guess == body:
                counts["same"] += 1
            elif body and (guess.split()[-1] in body or body.split()[-1] in guess):
                counts["shares a word"] += 1
            else:
                counts["another body"] += 1
                other[guess, body] += 1
    n = sum(counts.values())
    print("| motions | same | shares a word | none | another body |")
    print("|---:|---:|---:|---:|---:|")
    cells = [str(counts[k]) for k in ("same", "shares a word", "none", "another body")]
    print(f"| {n} | " + " | ".join(cells) + " |")
    for (guess, body), k in other.most_common(args.show):
        print(f"{k:4d}  {guess!r} for {body!r}")


if __name__ == "__main__":
    main()
